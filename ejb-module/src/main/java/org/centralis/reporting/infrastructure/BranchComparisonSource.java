package org.centralis.reporting.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.centralis.reporting.application.ReportCatalog;
import org.centralis.reporting.application.RunParameters;

/**
 * 网点对比: tickets created in the period, grouped by the city branch (BRANCH level) they belong to; a ticket owned
 * above branch level (by a region or headquarters itself) counts under its owner, so the rows add up to every ticket
 * in scope. Closed = status CLOSED; open = neither CLOSED nor CANCELLED; hours to close = CLOSED_AT − CREATED_AT.
 * Reads TICKET through IX_TICKET_SCOPE_LIST (V30: the scope prefix as a range on its first column).
 */
@ApplicationScoped
public class BranchComparisonSource implements ReportSource {

  static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private static final String HOURS =
      "EXTRACT(DAY FROM (t.CLOSED_AT - t.CREATED_AT)) * 24 + EXTRACT(HOUR FROM (t.CLOSED_AT - t.CREATED_AT))"
          + " + EXTRACT(MINUTE FROM (t.CLOSED_AT - t.CREATED_AT)) / 60.0 + EXTRACT(SECOND FROM (t.CLOSED_AT - t.CREATED_AT)) / 3600.0";

  private static final String SQL =
      "SELECT COALESCE(cb.%1$s, o.%1$s) AS \"branchName\","
          + " COUNT(*) AS \"logged\","
          + " SUM(CASE WHEN t.STATUS = 'CLOSED' THEN 1 ELSE 0 END) AS \"closed\","
          + " SUM(CASE WHEN t.STATUS NOT IN ('CLOSED', 'CANCELLED') THEN 1 ELSE 0 END) AS \"openCount\","
          + " SUM(CASE WHEN t.TICKET_TYPE = 'COMPLAINT' THEN 1 ELSE 0 END) AS \"complaints\","
          + " SUM(CASE WHEN t.STATUS = 'CLOSED' AND t.CLOSED_AT IS NOT NULL THEN " + HOURS + " ELSE 0 END) AS \"closedHours\""
          + " FROM TICKET t"
          + " JOIN BRANCH o ON o.ID = t.OWNING_BRANCH_ID"
          + " LEFT JOIN BRANCH cb ON cb.KIND = 'BRANCH' AND t.OWNING_BRANCH_PATH LIKE cb.PATH || '%%'"
          + " WHERE t.OWNING_BRANCH_PATH LIKE ? AND t.CREATED_AT >= ? AND t.CREATED_AT < ? AND t.CREATED_AT <= ?"
          + " GROUP BY COALESCE(cb.ID, o.ID), COALESCE(cb.%1$s, o.%1$s)"
          + " ORDER BY COUNT(*) DESC, COALESCE(cb.%1$s, o.%1$s)";

  @Override
  public String code() {
    return ReportCatalog.BRANCH_COMPARISON;
  }

  @Override
  public PreparedStatement prepare(Connection connection, RunParameters p, String scopePath, Instant dataAsOf) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(String.format(SQL, nameColumn(p)));
    statement.setFetchSize(500);
    statement.setString(1, scopePath + "%");
    statement.setObject(2, p.from().atStartOfDay(ZONE).toOffsetDateTime());
    statement.setObject(3, p.to().plusDays(1).atStartOfDay(ZONE).toOffsetDateTime());
    statement.setObject(4, dataAsOf.atOffset(ZoneOffset.UTC));
    return statement;
  }

  @Override
  public Map<String, Object> parameters(Connection connection, RunParameters p, String scopePath, Instant dataAsOf, String requestedBy)
      throws SQLException {
    return headerParameters(connection, p, scopePath, dataAsOf, requestedBy);
  }

  /** The title block every report shares: period, scope name in the run's language, data-as-of, requester. */
  static Map<String, Object> headerParameters(Connection connection, RunParameters p, String scopePath, Instant dataAsOf, String requestedBy)
      throws SQLException {
    Map<String, Object> params = new HashMap<>();
    params.put("PERIOD_FROM", p.from().toString());
    params.put("PERIOD_TO", p.to().toString());
    params.put("DATA_AS_OF", DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(dataAsOf.atZone(ZONE)) + " (UTC+8)");
    params.put("GENERATED_BY", requestedBy);
    params.put("SCOPE_NAME", scopeName(connection, scopePath, nameColumn(p)));
    return params;
  }

  static String nameColumn(RunParameters p) {
    return p.asLocale().equals(Locale.ENGLISH) ? "NAME_EN" : "NAME";
  }

  private static String scopeName(Connection connection, String scopePath, String column) throws SQLException {
    try (PreparedStatement s = connection.prepareStatement("SELECT " + column + " FROM BRANCH WHERE PATH = ?")) {
      s.setString(1, scopePath);
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getString(1) : scopePath;
      }
    }
  }
}
