package org.centralis.reporting.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import net.sf.jasperreports.engine.JRDataSource;
import org.centralis.reporting.application.ReportCatalog;
import org.centralis.reporting.application.RunParameters;

/**
 * 呼叫中心日报: per queue and half hour (Asia/Shanghai; the aggregates' intervals are UTC-aligned half hours, which are
 * local half hours too) of the period — offered, answered, abandoned, service level, ASA, AHT, max wait from
 * ACD_INTERVAL_STAT; agents staffed from ACD_AGENT_INTERVAL_STAT (agents of the run's subtree qualified for the queue,
 * in any state but LOGGED_OUT and NOT_READY, as agent-equivalents: millis / 30 min); the Erlang C requirement, the
 * service level, queue subtotals and the period total are derived in Java by {@link ContactCenterRows}. A period of
 * several days lists each day's half hours in order. The queue figures are the center's (queues belong to no branch):
 * a scope without seats gets no rows (and an on-demand run for it is refused, ContactCenterScope).
 */
@ApplicationScoped
public class ContactCenterDailySource implements ReportSource {

  private static final String RANGE = "INTERVAL_START >= ? AND INTERVAL_START < ? AND INTERVAL_START <= ?";

  /** The agent holds every skill the queue requires at its minimum level (ACD routing rule 1, without relaxation). */
  private static final String QUALIFIED =
      "NOT EXISTS (SELECT 1 FROM ACD_QUEUE_SKILL qs WHERE qs.QUEUE_ID = q.ID AND NOT EXISTS (SELECT 1 FROM ACD_AGENT_SKILL sk"
          + " WHERE sk.STAFF_ID = a.STAFF_ID AND sk.SKILL_ID = qs.SKILL_ID AND sk.SKILL_LEVEL >= qs.MIN_LEVEL))";

  /**
   * Contact figures and staffed time as one UNION ALL summed per queue and interval (a half hour with agents but no
   * contacts still shows). No WITH clause: H2 2.2 loses the parameters of a CTE that another CTE reads (no rows).
   */
  private static final String SQL =
      "SELECT q.CODE AS \"queueCode\", q.%s AS \"queueName\", q.SL_TARGET_PERCENT AS \"targetPercent\","
          + " q.SL_THRESHOLD_SECONDS AS \"thresholdSeconds\", q.SL_FORMULA AS \"slFormula\", u.INTERVAL_START AS \"intervalStart\","
          + " SUM(u.OFFERED) AS \"offered\", SUM(u.ANSWERED) AS \"answered\", SUM(u.ANSWERED_WITHIN) AS \"answeredWithin\","
          + " SUM(u.ABANDONED) AS \"abandoned\", SUM(u.ABANDONED_WITHIN) AS \"abandonedWithin\", SUM(u.ANSWER_WAIT) AS \"answerWait\","
          + " MAX(u.MAX_WAIT) AS \"maxWait\", SUM(u.HANDLE) AS \"handle\", SUM(u.MILLIS) AS \"staffedMillis\""
          + " FROM (SELECT QUEUE_ID, INTERVAL_START, OFFERED, ANSWERED, ANSWERED_WITHIN, ABANDONED, ABANDONED_WITHIN,"
          + " ANSWER_WAIT_SECONDS ANSWER_WAIT, MAX_WAIT_SECONDS MAX_WAIT, TALK_SECONDS + WRAP_SECONDS HANDLE, 0 MILLIS"
          + " FROM ACD_INTERVAL_STAT WHERE " + RANGE
          + " UNION ALL SELECT q.ID, a.INTERVAL_START, 0, 0, 0, 0, 0, 0, 0, 0, a.MILLIS FROM ACD_AGENT_INTERVAL_STAT a, ACD_QUEUE q"
          + " WHERE a." + RANGE + " AND a.BRANCH_PATH LIKE ? AND a.STATE NOT IN ('LOGGED_OUT', 'NOT_READY') AND " + QUALIFIED + ") u"
          + " JOIN ACD_QUEUE q ON q.ID = u.QUEUE_ID"
          + " WHERE EXISTS (SELECT 1 FROM ACD_AGENT_STATE x WHERE x.BRANCH_PATH LIKE ?)%s"
          + " GROUP BY q.CODE, q.%1$s, q.SL_TARGET_PERCENT, q.SL_THRESHOLD_SECONDS, q.SL_FORMULA, u.INTERVAL_START"
          + " ORDER BY q.CODE, u.INTERVAL_START";

  @Override
  public String code() {
    return ReportCatalog.CONTACT_CENTER_DAILY;
  }

  @Override
  public PreparedStatement prepare(Connection connection, RunParameters p, String scopePath, Instant dataAsOf) throws SQLException {
    String name = BranchComparisonSource.nameColumn(p);
    PreparedStatement statement = connection.prepareStatement(String.format(SQL, name, p.queue() == null ? "" : " AND q.CODE = ?"));
    statement.setFetchSize(500);
    OffsetDateTime from = p.from().atStartOfDay(BranchComparisonSource.ZONE).toOffsetDateTime();
    OffsetDateTime to = p.to().plusDays(1).atStartOfDay(BranchComparisonSource.ZONE).toOffsetDateTime();
    OffsetDateTime asOf = dataAsOf.atOffset(ZoneOffset.UTC);
    int i = 1;
    for (int range = 0; range < 2; range++) {
      statement.setObject(i++, from);
      statement.setObject(i++, to);
      statement.setObject(i++, asOf);
    }
    statement.setString(i++, scopePath + "%");
    statement.setString(i++, scopePath + "%");
    if (p.queue() != null) {
      statement.setString(i, p.queue());
    }
    return statement;
  }

  @Override
  public Map<String, Object> parameters(Connection connection, RunParameters p, String scopePath, Instant dataAsOf, String requestedBy)
      throws SQLException {
    Map<String, Object> params = BranchComparisonSource.headerParameters(connection, p, scopePath, dataAsOf, requestedBy);
    params.put("QUEUE", p.queue());
    return params;
  }

  @Override
  public JRDataSource data(ResultSet rows, RunParameters parameters) {
    return new ContactCenterRows(rows, !parameters.from().equals(parameters.to()));
  }
}
