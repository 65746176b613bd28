package org.centralis.reporting.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import org.centralis.reporting.application.RunParameters;
import org.centralis.reporting.domain.ComparisonPeriods;

/**
 * 服务质量月报: every figure of {@link ServiceQualityQuery} for the period, the previous period of the same length and
 * the same period last year, one row per figure, grouped by section in the template (one chart per section).
 */
@ApplicationScoped
public class ServiceQualityMonthlySource implements ReportSource {

  public static final String CODE = "service-quality-monthly";

  @Override
  public String code() {
    return CODE;
  }

  @Override
  public PreparedStatement prepare(Connection connection, RunParameters p, String scopePath, Instant dataAsOf) throws SQLException {
    return ServiceQualityQuery.prepare(connection, ComparisonPeriods.of(p.from(), p.to()), scopePath, dataAsOf, p.asLocale());
  }

  @Override
  public Map<String, Object> parameters(Connection connection, RunParameters p, String scopePath, Instant dataAsOf, String requestedBy)
      throws SQLException {
    Map<String, Object> params = BranchComparisonSource.headerParameters(connection, p, scopePath, dataAsOf, requestedBy);
    ComparisonPeriods periods = ComparisonPeriods.of(p.from(), p.to());
    params.put("PREV_FROM", periods.previous().from().toString());
    params.put("PREV_TO", periods.previous().to().toString());
    params.put("LAST_FROM", periods.lastYear().from().toString());
    params.put("LAST_TO", periods.lastYear().to().toString());
    params.put("ACD_IN_SCOPE", ServiceQualityQuery.acdInScope(connection, scopePath));
    return params;
  }
}
