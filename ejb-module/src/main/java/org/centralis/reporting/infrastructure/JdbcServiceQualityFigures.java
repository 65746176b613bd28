package org.centralis.reporting.infrastructure;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.centralis.reporting.application.KpiBoard;
import org.centralis.reporting.application.KpiFigure;
import org.centralis.reporting.application.ServiceQualityFigures;
import org.centralis.reporting.domain.ComparisonPeriods;

/** {@link ServiceQualityFigures} over {@link ServiceQualityQuery}, the monthly report's own query. */
@ApplicationScoped
public class JdbcServiceQualityFigures implements ServiceQualityFigures {

  @Resource(lookup = "java:app/jdbc/centralis")
  private DataSource dataSource;

  @Override
  public KpiBoard read(ComparisonPeriods periods, String scopePath, Instant dataAsOf, Locale locale) {
    try (Connection c = dataSource.getConnection()) {
      return read(c, periods, scopePath, dataAsOf, locale);
    } catch (SQLException e) {
      throw new IllegalStateException("service-quality figures not read", e);
    }
  }

  static KpiBoard read(Connection c, ComparisonPeriods periods, String scopePath, Instant dataAsOf, Locale locale) throws SQLException {
    List<KpiFigure> figures = new ArrayList<>();
    try (PreparedStatement s = ServiceQualityQuery.prepare(c, periods, scopePath, dataAsOf, locale); ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        figures.add(new KpiFigure(rs.getInt("section"), rs.getString("metric"), rs.getString("item"), rs.getString("unit"), rs.getInt("chart") == 1,
            value(rs, "curValue"), value(rs, "prevValue"), value(rs, "lastValue"), value(rs, "prevChange"), value(rs, "lastChange")));
      }
    }
    return new KpiBoard(periods, scopePath, ServiceQualityQuery.acdInScope(c, scopePath), dataAsOf, List.copyOf(figures));
  }

  private static Double value(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? null : v;
  }
}
