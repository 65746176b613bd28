package org.centralis.reporting.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.centralis.reporting.application.ReportCatalog;
import org.centralis.reporting.application.RunParameters;

/**
 * 投诉分析: complaints logged in the period in the scope, grouped by complaint type (the root of the complaint
 * taxonomy). Resolved = the root cause and corrective action are recorded (RESOLUTION_AT); on time = resolved by the
 * regulator deadline; overdue open = not resolved and the deadline passed before data-as-of; days to resolve =
 * RESOLUTION_AT − CREATED_AT in elapsed days (docs/metrics.md).
 */
@ApplicationScoped
public class ComplaintAnalysisSource implements ReportSource {

  private static final String DAYS =
      "EXTRACT(DAY FROM (c.RESOLUTION_AT - c.CREATED_AT)) + EXTRACT(HOUR FROM (c.RESOLUTION_AT - c.CREATED_AT)) / 24.0"
          + " + EXTRACT(MINUTE FROM (c.RESOLUTION_AT - c.CREATED_AT)) / 1440.0";

  private static final String SQL =
      "SELECT COALESCE(p.%1$s, x.%1$s) AS \"taxonomy\","
          + " COUNT(*) AS \"complaints\","
          + " SUM(CASE WHEN c.SEVERITY = 'CRITICAL' THEN 1 ELSE 0 END) AS \"critical\","
          + " SUM(CASE WHEN c.REPEAT_COMPLAINT = 1 THEN 1 ELSE 0 END) AS \"repeats\","
          + " SUM(CASE WHEN " + resolved("?") + " THEN 1 ELSE 0 END) AS \"resolved\","
          + " SUM(CASE WHEN " + resolvedOnTime("?") + " THEN 1 ELSE 0 END) AS \"onTime\","
          + " SUM(CASE WHEN (c.RESOLUTION_AT IS NULL OR c.RESOLUTION_AT > ?) AND c.REGULATOR_DEADLINE < ? THEN 1 ELSE 0 END) AS \"overdueOpen\","
          + " SUM(CASE WHEN c.RESOLUTION_AT IS NOT NULL AND c.RESOLUTION_AT <= ? THEN " + DAYS + " ELSE 0 END) AS \"resolveDays\","
          + " SUM(COALESCE(c.AMOUNT_DISPUTED, 0)) AS \"amount\""
          + " FROM COMPLAINT c"
          + " JOIN COMPLAINT_TAXONOMY x ON x.ID = c.TAXONOMY_ID"
          + " LEFT JOIN COMPLAINT_TAXONOMY p ON p.ID = x.PARENT_ID"
          + " WHERE c.OWNING_BRANCH_PATH LIKE ? AND c.CREATED_AT >= ? AND c.CREATED_AT < ? AND c.CREATED_AT <= ?"
          + " GROUP BY COALESCE(p.ID, x.ID), COALESCE(p.%1$s, x.%1$s)"
          + " ORDER BY COUNT(*) DESC, COALESCE(p.%1$s, x.%1$s)";

  /** Resolved by data-as-of ({@code asOf}, a bind marker): the root cause and corrective action are recorded. */
  static String resolved(String asOf) {
    return "c.RESOLUTION_AT IS NOT NULL AND c.RESOLUTION_AT <= " + asOf;
  }

  /** Resolved by data-as-of and on or before the regulator deadline (the service-quality report shares this). */
  static String resolvedOnTime(String asOf) {
    return resolved(asOf) + " AND c.RESOLUTION_AT <= c.REGULATOR_DEADLINE";
  }

  @Override
  public String code() {
    return ReportCatalog.COMPLAINT_ANALYSIS;
  }

  @Override
  public PreparedStatement prepare(Connection connection, RunParameters p, String scopePath, Instant dataAsOf) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(String.format(SQL, BranchComparisonSource.nameColumn(p)));
    statement.setFetchSize(500);
    Object asOf = dataAsOf.atOffset(ZoneOffset.UTC);
    for (int i = 1; i <= 5; i++) {
      statement.setObject(i, asOf);
    }
    statement.setString(6, scopePath + "%");
    statement.setObject(7, p.from().atStartOfDay(BranchComparisonSource.ZONE).toOffsetDateTime());
    statement.setObject(8, p.to().plusDays(1).atStartOfDay(BranchComparisonSource.ZONE).toOffsetDateTime());
    statement.setObject(9, asOf);
    return statement;
  }

  @Override
  public Map<String, Object> parameters(Connection connection, RunParameters p, String scopePath, Instant dataAsOf, String requestedBy)
      throws SQLException {
    return BranchComparisonSource.headerParameters(connection, p, scopePath, dataAsOf, requestedBy);
  }
}
