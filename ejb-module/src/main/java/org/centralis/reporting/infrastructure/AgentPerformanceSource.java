package org.centralis.reporting.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.centralis.reporting.application.ReportCatalog;
import org.centralis.reporting.application.RunParameters;

/**
 * 坐席绩效: one row per agent of the scope (by the agent's BRANCH_PATH) with time in the period — state milliseconds
 * from ACD_AGENT_INTERVAL_STAT, contacts handled and talk seconds from ACD_AGENT_CONTACT_STAT (both by interval start,
 * the period being Asia/Shanghai days) — plus the quality score (QA_SCORE.TOTAL scored in the period) and CSAT (return
 * visits completed in the period for tickets the agent created). The template derives AHT, occupancy and logged-in time
 * from the sums, for each agent and for the total (docs/metrics.md). NOT_READY time by reason code is a second, small
 * row set passed as the REASON_ROWS parameter (agent × reason, names in the run's language) for the template's crosstab.
 */
@ApplicationScoped
public class AgentPerformanceSource implements ReportSource {

  private static final String PERIOD = " INTERVAL_START >= ? AND INTERVAL_START < ? AND INTERVAL_START <= ? AND BRANCH_PATH LIKE ?";

  private static final String STATES =
      "SELECT STAFF_ID,"
          + " SUM(CASE WHEN STATE = 'READY' THEN MILLIS ELSE 0 END) AS READY_MS,"
          + " SUM(CASE WHEN STATE = 'RESERVED' THEN MILLIS ELSE 0 END) AS RESERVED_MS,"
          + " SUM(CASE WHEN STATE = 'BUSY' THEN MILLIS ELSE 0 END) AS BUSY_MS,"
          + " SUM(CASE WHEN STATE = 'WRAP_UP' THEN MILLIS ELSE 0 END) AS WRAP_MS,"
          + " SUM(CASE WHEN STATE = 'NOT_READY' THEN MILLIS ELSE 0 END) AS NOT_READY_MS"
          + " FROM ACD_AGENT_INTERVAL_STAT WHERE" + PERIOD + " GROUP BY STAFF_ID";

  private static final String CONTACTS =
      "SELECT STAFF_ID, SUM(HANDLED) AS HANDLED, SUM(TALK_SECONDS) AS TALK_SECONDS FROM ACD_AGENT_CONTACT_STAT WHERE" + PERIOD + " GROUP BY STAFF_ID";

  // Derived tables, not WITH: H2 mis-binds parameters inside common table expressions.
  private static final String SQL =
      "SELECT s.FULL_NAME || ' (' || s.LOGIN || ')' AS \"agentName\", s.LOGIN AS \"login\", b.%1$s AS \"branchName\","
          + " COALESCE(ct.HANDLED, 0) AS \"handled\", COALESCE(ct.TALK_SECONDS, 0) AS \"talkSeconds\","
          + " COALESCE(st.READY_MS, 0) AS \"readyMs\", COALESCE(st.RESERVED_MS, 0) AS \"reservedMs\", COALESCE(st.BUSY_MS, 0) AS \"busyMs\","
          + " COALESCE(st.WRAP_MS, 0) AS \"wrapMs\", COALESCE(st.NOT_READY_MS, 0) AS \"notReadyMs\","
          + " qa.QA_SUM AS \"qaSum\", COALESCE(qa.QA_COUNT, 0) AS \"qaCount\", cs.CSAT_SUM AS \"csatSum\", COALESCE(cs.CSAT_COUNT, 0) AS \"csatCount\""
          + " FROM (SELECT STAFF_ID FROM ACD_AGENT_INTERVAL_STAT WHERE" + PERIOD + " UNION SELECT STAFF_ID FROM ACD_AGENT_CONTACT_STAT WHERE" + PERIOD + ") ag"
          + " JOIN STAFF s ON s.ID = ag.STAFF_ID JOIN BRANCH b ON b.ID = s.BRANCH_ID"
          + " LEFT JOIN (" + STATES + ") st ON st.STAFF_ID = ag.STAFF_ID"
          + " LEFT JOIN (" + CONTACTS + ") ct ON ct.STAFF_ID = ag.STAFF_ID"
          + " LEFT JOIN (SELECT AGENT_STAFF_ID AS STAFF_ID, SUM(TOTAL) AS QA_SUM, COUNT(*) AS QA_COUNT FROM QA_SCORE"
          + " WHERE SCORED_AT >= ? AND SCORED_AT < ? AND SCORED_AT <= ? GROUP BY AGENT_STAFF_ID) qa ON qa.STAFF_ID = ag.STAFF_ID"
          + " LEFT JOIN (SELECT t.CREATED_BY_ID AS STAFF_ID, SUM(v.CSAT) AS CSAT_SUM, COUNT(*) AS CSAT_COUNT"
          + " FROM RETURN_VISIT v JOIN TICKET t ON t.ID = v.TICKET_ID"
          + " WHERE v.STATUS = 'COMPLETED' AND v.CSAT IS NOT NULL AND v.COMPLETED_AT >= ? AND v.COMPLETED_AT < ? AND v.COMPLETED_AT <= ?"
          + " GROUP BY t.CREATED_BY_ID) cs ON cs.STAFF_ID = ag.STAFF_ID"
          + " ORDER BY b.PATH, LENGTH(s.LOGIN), s.LOGIN";

  private static final String REASONS =
      "SELECT s.FULL_NAME || ' (' || s.LOGIN || ')', COALESCE(r.%1$s, i.REASON_CODE), SUM(i.MILLIS)"
          + " FROM ACD_AGENT_INTERVAL_STAT i JOIN STAFF s ON s.ID = i.STAFF_ID LEFT JOIN ACD_REASON_CODE r ON r.CODE = i.REASON_CODE"
          + " WHERE i.STATE = 'NOT_READY' AND i.INTERVAL_START >= ? AND i.INTERVAL_START < ? AND i.INTERVAL_START <= ? AND i.BRANCH_PATH LIKE ?"
          + " GROUP BY s.FULL_NAME, s.LOGIN, COALESCE(r.%1$s, i.REASON_CODE)";

  @Override
  public String code() {
    return ReportCatalog.AGENT_PERFORMANCE;
  }

  @Override
  public PreparedStatement prepare(Connection connection, RunParameters p, String scopePath, Instant dataAsOf) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(String.format(SQL, BranchComparisonSource.nameColumn(p)));
    statement.setFetchSize(500);
    int i = 1;
    for (int scoped = 0; scoped < 4; scoped++) { // the agents (states, contacts), then the states and the contacts
      i = period(statement, i, p, dataAsOf, scopePath);
    }
    i = period(statement, i, p, dataAsOf, null);
    period(statement, i, p, dataAsOf, null);
    return statement;
  }

  @Override
  public Map<String, Object> parameters(Connection connection, RunParameters p, String scopePath, Instant dataAsOf, String requestedBy)
      throws SQLException {
    Map<String, Object> params = BranchComparisonSource.headerParameters(connection, p, scopePath, dataAsOf, requestedBy);
    List<Map<String, ?>> reasons = new ArrayList<>();
    try (PreparedStatement s = connection.prepareStatement(String.format(REASONS, BranchComparisonSource.nameColumn(p)))) {
      period(s, 1, p, dataAsOf, scopePath);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          reasons.add(Map.of("agent", r.getString(1), "reason", r.getString(2), "millis", r.getLong(3)));
        }
      }
    }
    params.put("REASON_ROWS", reasons);
    return params;
  }

  /** Binds from (start of the first day), to (start of the day after the last), data-as-of and the scope if given. */
  private static int period(PreparedStatement s, int first, RunParameters p, Instant dataAsOf, String scopePath) throws SQLException {
    int i = first;
    s.setObject(i++, p.from().atStartOfDay(BranchComparisonSource.ZONE).toOffsetDateTime());
    s.setObject(i++, p.to().plusDays(1).atStartOfDay(BranchComparisonSource.ZONE).toOffsetDateTime());
    s.setObject(i++, OffsetDateTime.ofInstant(dataAsOf, ZoneOffset.UTC));
    if (scopePath != null) {
      s.setString(i++, scopePath + "%");
    }
    return i;
  }
}
