package org.centralis.reporting.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.centralis.reporting.application.RunParameters;

/**
 * SLA超时报表: one result set, two kinds of row. {@code S}: SLA outcomes of the period per city branch (a ticket owned
 * by an outlet counts under its city branch; one owned above branch level under its owner, as in the branch comparison),
 * category and metric, summed from SLA_DAILY_STAT (the roll-up of the clocks' MET/BREACHED facts, by the Shanghai day of the
 * outcome); the template derives compliance = met / (met + breached); branchBreached (the branch's breaches of the
 * metric over all categories) feeds the chart, whose dataset keeps the last value per key rather than summing. {@code B}: the breached clocks of the period read
 * raw from SLA_CLOCK (IX_SLA_CLOCK_BREACHED), at most {@value #LIST_CAP} of them, the earliest first; the total count
 * travels as BREACHED_TOTAL so the report says how many it left out. Overdue = elapsed time from the deadline to the
 * clock's stop (or data-as-of while it still runs); both parts are cut to the reader's subtree.
 */
@ApplicationScoped
public class SlaBreachesSource implements ReportSource {

  static final int LIST_CAP = 5_000;

  private static final String BREACHED_WHERE =
      " FROM SLA_CLOCK k JOIN TICKET t ON t.ID = k.TICKET_ID"
          + " WHERE k.STATE = 'BREACHED' AND k.BREACHED_AT >= ? AND k.BREACHED_AT < ? AND k.BREACHED_AT <= ? AND t.OWNING_BRANCH_PATH LIKE ?";

  private static final String SQL =
      "SELECT * FROM ("
          + "SELECT 'S' AS \"rowKind\", g.BRANCH_NAME AS \"branchName\", g.CATEGORY_NAME AS \"categoryName\", g.METRIC AS \"metric\","
          + " g.MET AS \"met\", g.BREACHED AS \"breached\", CAST(NULL AS VARCHAR2(24 CHAR)) AS \"ticketNo\","
          + " CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS \"dueAt\", CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS \"breachedAt\","
          + " CAST(NULL AS TIMESTAMP WITH TIME ZONE) AS \"overdueUntil\", CAST(NULL AS VARCHAR2(20 CHAR)) AS \"status\","
          + " CAST(NULL AS VARCHAR2(100 CHAR)) AS \"teamName\", SUM(g.BREACHED) OVER (PARTITION BY g.BRANCH_KEY, g.METRIC) AS \"branchBreached\""
          + " FROM (SELECT COALESCE(cb.ID, o.ID) AS BRANCH_KEY, COALESCE(cb.%1$s, o.%1$s) AS BRANCH_NAME, c.%1$s AS CATEGORY_NAME, s.METRIC AS METRIC,"
          + " SUM(s.MET) AS MET, SUM(s.BREACHED) AS BREACHED"
          + " FROM SLA_DAILY_STAT s JOIN BRANCH o ON o.ID = s.BRANCH_ID JOIN TICKET_CATEGORY c ON c.ID = s.CATEGORY_ID"
          + " LEFT JOIN BRANCH cb ON cb.KIND = 'BRANCH' AND s.BRANCH_PATH LIKE cb.PATH || '%%'"
          + " WHERE s.BRANCH_PATH LIKE ? AND s.STAT_DAY >= ? AND s.STAT_DAY <= ?"
          + " GROUP BY COALESCE(cb.ID, o.ID), COALESCE(cb.%1$s, o.%1$s), c.ID, c.%1$s, s.METRIC HAVING SUM(s.MET) <> 0 OR SUM(s.BREACHED) <> 0) g"
          + " UNION ALL "
          + "SELECT * FROM (SELECT 'B' AS \"rowKind\", ob.%1$s AS \"branchName\", c.%1$s AS \"categoryName\", k.METRIC AS \"metric\", 0 AS \"met\","
          + " 0 AS \"breached\", t.TICKET_NO AS \"ticketNo\", k.DUE_AT AS \"dueAt\", k.BREACHED_AT AS \"breachedAt\","
          + " COALESCE(k.STOPPED_AT, CAST(? AS TIMESTAMP WITH TIME ZONE)) AS \"overdueUntil\", t.STATUS AS \"status\", tm.%1$s AS \"teamName\","
          + " 0 AS \"branchBreached\""
          + BREACHED_WHERE.replace(" WHERE ", " JOIN BRANCH ob ON ob.ID = t.OWNING_BRANCH_ID JOIN TICKET_CATEGORY c ON c.ID = t.CATEGORY_ID"
              + " LEFT JOIN TEAM tm ON tm.ID = t.ASSIGNED_TEAM_ID WHERE ")
          + " ORDER BY k.BREACHED_AT, k.ID FETCH FIRST " + LIST_CAP + " ROWS ONLY)"
          + ") ORDER BY 1 DESC, 2, 3, 4, 9, 7";

  @Override
  public String code() {
    return "sla-breaches";
  }

  @Override
  public PreparedStatement prepare(Connection connection, RunParameters p, String scopePath, Instant dataAsOf) throws SQLException {
    PreparedStatement statement = connection.prepareStatement(String.format(SQL, BranchComparisonSource.nameColumn(p)));
    statement.setFetchSize(500);
    statement.setString(1, scopePath + "%");
    statement.setObject(2, p.from());
    statement.setObject(3, p.to());
    statement.setObject(4, dataAsOf.atOffset(ZoneOffset.UTC));
    bindBreached(statement, 5, p, scopePath, dataAsOf);
    return statement;
  }

  @Override
  public Map<String, Object> parameters(Connection connection, RunParameters p, String scopePath, Instant dataAsOf, String requestedBy)
      throws SQLException {
    Map<String, Object> params = BranchComparisonSource.headerParameters(connection, p, scopePath, dataAsOf, requestedBy);
    try (PreparedStatement count = connection.prepareStatement("SELECT COUNT(*)" + BREACHED_WHERE)) {
      bindBreached(count, 1, p, scopePath, dataAsOf);
      try (ResultSet r = count.executeQuery()) {
        r.next();
        params.put("BREACHED_TOTAL", r.getLong(1));
      }
    }
    params.put("BREACHED_CAP", LIST_CAP);
    return params;
  }

  private static void bindBreached(PreparedStatement s, int first, RunParameters p, String scopePath, Instant dataAsOf) throws SQLException {
    s.setObject(first, p.from().atStartOfDay(BranchComparisonSource.ZONE).toOffsetDateTime());
    s.setObject(first + 1, p.to().plusDays(1).atStartOfDay(BranchComparisonSource.ZONE).toOffsetDateTime());
    s.setObject(first + 2, dataAsOf.atOffset(ZoneOffset.UTC));
    s.setString(first + 3, scopePath + "%");
  }
}
