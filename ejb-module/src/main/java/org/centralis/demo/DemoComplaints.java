package org.centralis.demo;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.centralis.complaint.domain.RegulatorDeadline;
import org.centralis.complaint.domain.Severity;

/**
 * Demo complaints, return visits and QA samples on top of the {@link DemoDataSet} tickets: every
 * COMPLAINT ticket of the last 90 days gets its complaint record (taxonomy by category, severity,
 * amount in dispute for fee and card complaints, regulator deadline from the rules in the database,
 * repeat flag, and root cause and corrective action once resolved); resolved tickets get an open
 * return visit (the agents' queue), closed ones a finished visit with a CSAT, some of them
 * unsatisfied (escalated and in the QA sample). Deterministic for a seed.
 */
final class DemoComplaints {

  private static final Duration WINDOW = Duration.ofDays(90);
  private static final Duration REPEAT_WINDOW = Duration.ofDays(90);

  /** Complaint taxonomy ids by ticket category (see V5 and V11). */
  private static final Map<Long, long[]> TAXONOMY_BY_CATEGORY =
      Map.of(31L, new long[] {2, 2, 3}, 32L, new long[] {21, 21, 22, 11}, 33L, new long[] {3}, 34L, new long[] {11, 22, 41, 42, 31, 12});

  private static final long[] ROOT_CAUSES = {101, 102, 111, 112, 121, 131, 140};
  private static final String[] ACTIONS = {
    "对相关人员进行服务规范再培训，纳入月度考核", "退还多收费用并优化收费告知流程", "修复系统缺陷并增加交易对账监控",
    "向客户解释业务规则，补充告知材料", "调整网点高峰时段窗口配置", "与第三方机构协调处理并跟踪结果"
  };
  private static final String[] GOOD_COMMENTS = {"处理及时，满意", "问题已解决", "态度很好", "基本满意"};
  private static final String[] BAD_COMMENTS = {"处理太慢，问题没有真正解决", "费用仍未退还", "解释不清楚，不认可处理结果"};

  private DemoComplaints() {}

  /** @return how many complaints were written */
  static int write(Connection c, Instant now, long seed) throws SQLException {
    SplittableRandom r = new SplittableRandom(seed ^ 0xC0_4D1A_1L);
    List<RegulatorDeadline.Rule> rules = new ArrayList<>();
    try (PreparedStatement q = c.prepareStatement("SELECT TAXONOMY_CODE, SEVERITY, CALENDAR_DAYS FROM COMPLAINT_DEADLINE_RULE");
        ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        rules.add(new RegulatorDeadline.Rule(rs.getString(1), rs.getString(2) == null ? null : Severity.valueOf(rs.getString(2)), rs.getInt(3)));
      }
    }
    Map<Long, String> taxonomyRoot = new HashMap<>();
    try (PreparedStatement q = c.prepareStatement("SELECT ID, CODE FROM COMPLAINT_TAXONOMY WHERE KIND = 'COMPLAINT'"); ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        String code = rs.getString(2);
        taxonomyRoot.put(rs.getLong(1), code.contains("-") ? code.substring(0, code.indexOf('-')) : code);
      }
    }
    Map<String, Instant> lastByCustomerCategory = new HashMap<>();
    Map<String, String> lastNoByCustomerCategory = new HashMap<>();
    int written = 0;
    try (PreparedStatement tickets = c.prepareStatement(
            "SELECT ID, TICKET_NO, CATEGORY_ID, CUSTOMER_ID, OWNING_BRANCH_ID, OWNING_BRANCH_PATH, STATUS, CHANNEL, CREATED_AT, CLOSED_AT,"
                + " UPDATED_AT, ASSIGNEE_ID FROM TICKET WHERE TICKET_TYPE = 'COMPLAINT' AND CREATED_AT >= ? ORDER BY CREATED_AT, ID");
        PreparedStatement seq = c.prepareStatement("SELECT COMPLAINT_SEQ.NEXTVAL FROM DUAL");
        PreparedStatement visitSeq = c.prepareStatement("SELECT RETURN_VISIT_SEQ.NEXTVAL FROM DUAL");
        PreparedStatement qaSeq = c.prepareStatement("SELECT QA_SEQ.NEXTVAL FROM DUAL");
        PreparedStatement ins = c.prepareStatement(
            "INSERT INTO COMPLAINT (ID, TICKET_ID, TICKET_NO, CATEGORY_ID, CUSTOMER_ID, OWNING_BRANCH_ID, OWNING_BRANCH_PATH, TICKET_STATUS,"
                + " SEVERITY, TAXONOMY_ID, CHANNEL, AMOUNT_DISPUTED, CURRENCY, REGULATOR_DEADLINE, REPEAT_COMPLAINT, REPEAT_OF_TICKET_NO,"
                + " ROOT_CAUSE_ID, CORRECTIVE_ACTION, RESOLUTION_BY, RESOLUTION_AT, CREATED_AT, CLOSED_AT, VERSION)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)");
        PreparedStatement visit = c.prepareStatement(
            "INSERT INTO RETURN_VISIT (ID, TICKET_ID, TICKET_NO, TICKET_TYPE, CUSTOMER_ID, OWNING_BRANCH_PATH, RULE_NAME, STATUS, ATTEMPTS, CSAT,"
                + " COMMENT_TEXT, AGENT_LOGIN, ESCALATED, CREATED_AT, LAST_ATTEMPT_AT, COMPLETED_AT, VERSION)"
                + " VALUES (?, ?, ?, 'COMPLAINT', ?, ?, 'ALL_COMPLAINTS', ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)");
        PreparedStatement sample = c.prepareStatement(
            "INSERT INTO QA_SAMPLE (ID, TICKET_ID, TICKET_NO, OWNING_BRANCH_PATH, AGENT_STAFF_ID, REASON, STATUS, CREATED_AT)"
                + " VALUES (?, ?, ?, ?, ?, 'LOW_CSAT', 'OPEN', ?)")) {
      tickets.setObject(1, utc(now.minus(WINDOW)));
      try (ResultSet t = tickets.executeQuery()) {
        while (t.next()) {
          long ticketId = t.getLong(1);
          String no = t.getString(2);
          long category = t.getLong(3);
          long customer = t.getLong(4);
          boolean anonymous = t.wasNull();
          String status = t.getString(7);
          Instant created = instant(t.getObject(9, OffsetDateTime.class));
          OffsetDateTime closedAt = t.getObject(10, OffsetDateTime.class);
          Instant updated = instant(t.getObject(11, OffsetDateTime.class));
          long assignee = t.getLong(12);
          boolean hasAssignee = !t.wasNull();
          long[] taxa = TAXONOMY_BY_CATEGORY.getOrDefault(category, new long[] {11});
          long taxonomy = taxa[r.nextInt(taxa.length)];
          int roll = r.nextInt(100);
          Severity severity = roll < 68 ? Severity.MINOR : roll < 94 ? Severity.MAJOR : Severity.CRITICAL;
          int days = RegulatorDeadline.calendarDays(rules, taxonomyRoot.get(taxonomy), severity);
          String key = customer + "/" + category;
          String repeatOf = null;
          if (!anonymous && lastByCustomerCategory.containsKey(key) && !lastByCustomerCategory.get(key).isBefore(created.minus(REPEAT_WINDOW))) {
            repeatOf = lastNoByCustomerCategory.get(key);
          }
          if (!anonymous) {
            lastByCustomerCategory.put(key, created);
            lastNoByCustomerCategory.put(key, no);
          }
          boolean resolved = status.equals("RESOLVED") || status.equals("CLOSED");
          int i = 1;
          ins.setLong(i++, next(seq));
          ins.setLong(i++, ticketId);
          ins.setString(i++, no);
          ins.setLong(i++, category);
          if (anonymous) {
            ins.setNull(i++, Types.BIGINT);
          } else {
            ins.setLong(i++, customer);
          }
          ins.setLong(i++, t.getLong(5));
          ins.setString(i++, t.getString(6));
          ins.setString(i++, status);
          ins.setString(i++, severity.name());
          ins.setLong(i++, taxonomy);
          ins.setString(i++, t.getString(8));
          boolean money = category == 32 || category == 34;
          if (money) {
            ins.setBigDecimal(i++, BigDecimal.valueOf(r.nextInt(20, 500_000), 2));
            ins.setString(i++, "CNY");
          } else {
            ins.setNull(i++, Types.NUMERIC);
            ins.setNull(i++, Types.VARCHAR);
          }
          ins.setObject(i++, utc(RegulatorDeadline.due(created, days, DemoDataSet.ZONE)));
          ins.setInt(i++, repeatOf == null ? 0 : 1);
          ins.setString(i++, repeatOf);
          if (resolved) {
            ins.setLong(i++, ROOT_CAUSES[r.nextInt(ROOT_CAUSES.length)]);
            ins.setString(i++, ACTIONS[r.nextInt(ACTIONS.length)]);
            ins.setString(i++, "care" + (1 + r.nextInt(3)));
            ins.setObject(i++, utc(updated));
          } else {
            ins.setNull(i++, Types.BIGINT);
            ins.setNull(i++, Types.VARCHAR);
            ins.setNull(i++, Types.VARCHAR);
            ins.setNull(i++, Types.TIMESTAMP);
          }
          ins.setObject(i++, utc(created));
          ins.setObject(i++, closedAt);
          ins.addBatch();
          written++;
          if (resolved) {
            boolean closed = status.equals("CLOSED");
            int csat = closed ? pickCsat(r) : 0;
            boolean unreachable = closed && r.nextInt(100) < 6;
            boolean unsatisfied = closed && !unreachable && csat <= 2;
            long visitId = next(visitSeq);
            int v = 1;
            visit.setLong(v++, visitId);
            visit.setLong(v++, ticketId);
            visit.setString(v++, no);
            if (anonymous) {
              visit.setNull(v++, Types.BIGINT);
            } else {
              visit.setLong(v++, customer);
            }
            visit.setString(v++, t.getString(6));
            visit.setString(v++, !closed ? "OPEN" : unreachable ? "UNREACHABLE" : "COMPLETED");
            visit.setInt(v++, !closed ? 0 : unreachable ? 3 : 1 + (r.nextInt(100) < 20 ? 1 : 0));
            if (closed && !unreachable) {
              visit.setInt(v++, csat);
              visit.setString(v++, unsatisfied ? BAD_COMMENTS[r.nextInt(BAD_COMMENTS.length)] : GOOD_COMMENTS[r.nextInt(GOOD_COMMENTS.length)]);
            } else {
              visit.setNull(v++, Types.INTEGER);
              visit.setNull(v++, Types.VARCHAR);
            }
            visit.setString(v++, closed ? "agent" + (1 + r.nextInt(30)) : null);
            visit.setInt(v++, unsatisfied ? 1 : 0);
            visit.setObject(v++, utc(updated));
            Instant done = closedAt == null ? null : instant(closedAt);
            visit.setObject(v++, done == null ? null : utc(done));
            visit.setObject(v++, done == null ? null : utc(done));
            visit.addBatch();
            if (unsatisfied) {
              sample.setLong(1, next(qaSeq));
              sample.setLong(2, ticketId);
              sample.setString(3, no);
              sample.setString(4, t.getString(6));
              if (hasAssignee) {
                sample.setLong(5, assignee);
              } else {
                sample.setNull(5, Types.BIGINT);
              }
              sample.setObject(6, utc(done));
              sample.addBatch();
            }
          }
        }
      }
      ins.executeBatch();
      visit.executeBatch();
      sample.executeBatch();
    }
    return written;
  }

  /** CSAT of a finished visit: mostly satisfied, about one in eight unsatisfied. */
  private static int pickCsat(SplittableRandom r) {
    int roll = r.nextInt(100);
    return roll < 45 ? 5 : roll < 75 ? 4 : roll < 87 ? 3 : roll < 95 ? 2 : 1;
  }

  private static long next(PreparedStatement seq) throws SQLException {
    try (ResultSet rs = seq.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static OffsetDateTime utc(Instant t) {
    return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
  }

  private static Instant instant(OffsetDateTime t) {
    return t.toInstant();
  }

}
