package org.centralis.reporting.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.centralis.reporting.application.RunParameters;
import org.centralis.reporting.application.TicketFacts;
import org.centralis.reporting.infrastructure.FactRoller.PendingFact;
import org.centralis.sla.application.SlaOutcomes;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each kind of TICKET fact lands in TICKET_DAILY_STAT / SLA_DAILY_STAT on the Asia/Shanghai day of its event (not of the
 * roll-up), on the real schema in H2's Oracle mode: 15:59:59.999 UTC is still the day before in Shanghai, 16:00 the next.
 */
class TicketRollerTest {

  @TempDir static Path dir;
  private static String url;

  private static final Instant LAST_MS_OF_20TH = Instant.parse("2026-11-20T15:59:59.999Z"); // 2026-11-20 23:59:59.999 +08:00
  private static final Instant MIDNIGHT_21ST = Instant.parse("2026-11-20T16:00:00Z"); // 2026-11-21 00:00 +08:00
  private static final LocalDate D20 = LocalDate.of(2026, 11, 20);
  private static final LocalDate D21 = LocalDate.of(2026, 11, 21);
  private static final LocalDate D22 = LocalDate.of(2026, 11, 22);

  @BeforeAll
  static void migrate() throws SQLException {
    url = "jdbc:h2:file:" + dir.resolve("db") + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
    try (Connection c = connect()) {
      exec(c, "INSERT INTO BRANCH (ID, CODE, NAME, NAME_EN, KIND, PATH) VALUES (7001, 'T-HQ', '总行', 'HQ', 'HEADQUARTERS', '/7001/')");
      exec(c, "INSERT INTO BRANCH (ID, CODE, NAME, NAME_EN, KIND, PARENT_ID, PATH) VALUES (7002, 'T-SH', '上海分行', 'Shanghai', 'BRANCH', 7001, '/7001/7002/')");
      exec(c, "INSERT INTO BRANCH (ID, CODE, NAME, NAME_EN, KIND, PARENT_ID, PATH) VALUES (7003, 'T-BJ', '北京分行', 'Beijing', 'BRANCH', 7001, '/7001/7003/')");
      exec(c, "INSERT INTO STAFF (ID, LOGIN, FULL_NAME, BRANCH_ID, PASSWORD_HASH) VALUES (7001, 't-staff', '柜员', 7002, 'x')");
      c.commit();
    }
  }

  @Test
  void loggedClosedAndReopenedCountOnTheShanghaiDayOfTheirEvent() throws Exception {
    try (Connection c = connect()) {
      // A: logged at the last millisecond of the 20th, dispatched once, closed at the last second of the 21st: first contact
      ticket(c, 100, LAST_MS_OF_20TH, "PHONE");
      event(c, 100, 1, "CREATED", LAST_MS_OF_20TH);
      event(c, 100, 2, "DISPATCHED", LAST_MS_OF_20TH.plusSeconds(60));
      Instant aClosed = Instant.parse("2026-11-21T15:59:59Z");
      event(c, 100, 3, "CLOSED", aClosed);
      event(c, 100, 4, "REOPENED", aClosed.plusSeconds(3600)); // after the close: does not change that close's first-contact
      // B: logged at Shanghai midnight of the 21st, transferred (dispatched twice), closed at midnight of the 22nd, reopened
      ticket(c, 101, MIDNIGHT_21ST, "WEB");
      event(c, 101, 1, "CREATED", MIDNIGHT_21ST);
      event(c, 101, 2, "DISPATCHED", MIDNIGHT_21ST.plusSeconds(1));
      event(c, 101, 3, "DISPATCHED", MIDNIGHT_21ST.plusSeconds(2));
      Instant bClosed = Instant.parse("2026-11-21T16:00:00Z");
      event(c, 101, 4, "CLOSED", bClosed);
      Instant bReopened = Instant.parse("2026-11-22T02:00:00Z");
      event(c, 101, 5, "REOPENED", bReopened);
      // C: rejected once before its close: not first contact
      ticket(c, 102, MIDNIGHT_21ST, "PHONE");
      event(c, 102, 1, "DISPATCHED", MIDNIGHT_21ST.plusSeconds(1));
      event(c, 102, 2, "REJECTED", MIDNIGHT_21ST.plusSeconds(2));
      Instant cClosed = MIDNIGHT_21ST.plusSeconds(7200);
      event(c, 102, 3, "CLOSED", cClosed);

      new TicketRoller().roll(c, List.of(
          fact(1, 100, TicketFacts.LOGGED),
          fact(2, 101, TicketFacts.LOGGED),
          fact(3, 102, TicketFacts.LOGGED),
          fact(4, 100, TicketFacts.CLOSED + ":" + aClosed.toEpochMilli()),
          fact(5, 101, TicketFacts.CLOSED + ":" + bClosed.toEpochMilli()),
          fact(6, 101, TicketFacts.REOPENED + ":" + bReopened.toEpochMilli()),
          fact(7, 102, TicketFacts.CLOSED + ":" + cClosed.toEpochMilli()),
          fact(8, 999_999, TicketFacts.LOGGED))); // no such ticket: skipped
      c.commit();

      assertEquals(List.of(1L, 0L, 0L, 0L, 0L), ticketStat(c, D20, "PHONE"));
      // the 21st, phone: C logged; A closed (first contact, 86,399 s after it was logged); C closed (not first contact, 7,200 s)
      assertEquals(List.of(1L, 2L, 1L, 0L, 86_399L + 7_200L), ticketStat(c, D21, "PHONE"));
      assertEquals(List.of(1L, 0L, 0L, 0L, 0L), ticketStat(c, D21, "WEB"));
      // the 22nd, web: B closed exactly at Shanghai midnight (not first contact: transferred), reopened later that day
      assertEquals(List.of(0L, 1L, 0L, 1L, 86_400L), ticketStat(c, D22, "WEB"));
      assertEquals(4, count(c, "SELECT COUNT(*) FROM TICKET_DAILY_STAT"));
    }
  }

  @Test
  void slaOutcomesCountOnTheirDayPerMetricAndAReopenTakesAMetBack() throws Exception {
    try (Connection c = connect()) {
      ticket(c, 200, LAST_MS_OF_20TH, "PHONE");
      clock(c, 2001, 200, "FIRST_RESPONSE");
      clock(c, 2002, 200, "RESOLUTION");
      ticket(c, 201, LAST_MS_OF_20TH, "PHONE");
      clock(c, 2011, 201, "FIRST_RESPONSE");
      clock(c, 2012, 201, "RESOLUTION");
      new TicketRoller().roll(c, List.of(
          fact(11, 200, SlaOutcomes.detail(SlaOutcomes.MET, 2001, LAST_MS_OF_20TH)),
          fact(12, 201, SlaOutcomes.detail(SlaOutcomes.BREACHED, 2011, MIDNIGHT_21ST)),
          fact(13, 200, SlaOutcomes.detail(SlaOutcomes.MET, 2002, MIDNIGHT_21ST)),
          fact(14, 201, SlaOutcomes.detail(SlaOutcomes.MET, 2012, MIDNIGHT_21ST))));
      c.commit();
      assertEquals(List.of(1L, 0L), slaStat(c, D20, "FIRST_RESPONSE"));
      assertEquals(List.of(0L, 1L), slaStat(c, D21, "FIRST_RESPONSE"));
      assertEquals(List.of(2L, 0L), slaStat(c, D21, "RESOLUTION"));

      // ticket 201 is reopened: its resolution MET of the 21st is taken back, and the clock later breaches on the 22nd
      new TicketRoller().roll(c, List.of(
          fact(15, 201, SlaOutcomes.detail(SlaOutcomes.UNMET, 2012, MIDNIGHT_21ST)),
          fact(16, 201, SlaOutcomes.detail(SlaOutcomes.BREACHED, 2012, Instant.parse("2026-11-22T03:00:00Z")))));
      c.commit();
      assertEquals(List.of(1L, 0L), slaStat(c, D21, "RESOLUTION"));
      assertEquals(List.of(0L, 1L), slaStat(c, D22, "RESOLUTION"));
      assertEquals(1, count(c, "SELECT COUNT(DISTINCT BRANCH_PATH) FROM SLA_DAILY_STAT WHERE BRANCH_PATH = '/7001/7002/'"));
    }
  }

  @Test
  void theBreachReportReadsTheRolledOutcomesAndListsTheBreachedClocksOfTheScope() throws Exception {
    try (Connection c = connect()) {
      ticket(c, 300, LAST_MS_OF_20TH, "PHONE", 7003);
      clock(c, 3001, 300, "FIRST_RESPONSE");
      clock(c, 3002, 300, "RESOLUTION");
      exec(c, "UPDATE SLA_CLOCK SET STATE = 'BREACHED', DUE_AT = TIMESTAMP '2026-11-21 02:00:00+00:00',"
          + " BREACHED_AT = TIMESTAMP '2026-11-21 02:00:00+00:00' WHERE ID = 3002");
      ticket(c, 301, LAST_MS_OF_20TH, "PHONE", 7002); // another branch: outside a Beijing reader's scope
      clock(c, 3011, 301, "RESOLUTION");
      exec(c, "UPDATE SLA_CLOCK SET STATE = 'BREACHED', DUE_AT = TIMESTAMP '2026-11-21 03:00:00+00:00',"
          + " BREACHED_AT = TIMESTAMP '2026-11-21 03:00:00+00:00' WHERE ID = 3011");
      new TicketRoller().roll(c, List.of(
          fact(21, 300, SlaOutcomes.detail(SlaOutcomes.MET, 3001, MIDNIGHT_21ST)),
          fact(22, 300, SlaOutcomes.detail(SlaOutcomes.BREACHED, 3002, Instant.parse("2026-11-21T02:00:00Z")))));
      c.commit();
      SlaBreachesSource source = new SlaBreachesSource();
      RunParameters period = new RunParameters(D21, D21, null, "zh_CN");
      Instant asOf = Instant.parse("2026-11-21T04:30:00Z");
      List<String> rows = new java.util.ArrayList<>();
      try (PreparedStatement s = source.prepare(c, period, "/7001/7003/", asOf); ResultSet r = s.executeQuery()) {
        while (r.next()) {
          rows.add(r.getString("rowKind") + " " + r.getString("branchName") + " " + r.getString("categoryName") + " " + r.getString("metric") + " "
              + r.getLong("met") + " " + r.getLong("breached") + " " + r.getLong("branchBreached") + " " + r.getString("ticketNo") + " "
              + (r.getTimestamp("overdueUntil") == null ? "-" : (r.getTimestamp("overdueUntil").getTime() - r.getTimestamp("dueAt").getTime()) / 60_000));
        }
      }
      assertEquals(List.of(
          "S 北京分行 账户余额查询 FIRST_RESPONSE 1 0 0 null -",
          "S 北京分行 账户余额查询 RESOLUTION 0 1 1 null -",
          "B 北京分行 账户余额查询 RESOLUTION 0 0 0 T-300 150"), rows, "overdue: 02:00 due, still running at 04:30 → 150 min");
      assertEquals(1L, source.parameters(c, period, "/7001/7003/", asOf, "hq1").get("BREACHED_TOTAL"));
      assertEquals(2L, source.parameters(c, period, "/7001/", asOf, "hq1").get("BREACHED_TOTAL"));
      assertEquals(0L, source.parameters(c, new RunParameters(D22, D22, null, "zh_CN"), "/7001/", asOf, "hq1").get("BREACHED_TOTAL"));
    }
  }

  private static PendingFact fact(long id, long ticket, String detail) {
    return new PendingFact(id, ticket, detail);
  }

  private static void ticket(Connection c, long id, Instant created, String channel) throws SQLException {
    ticket(c, id, created, channel, 7002);
  }

  private static void ticket(Connection c, long id, Instant created, String channel, long branch) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO TICKET (ID, TICKET_NO, TICKET_TYPE, CATEGORY_ID, PRIORITY, STATUS, CHANNEL, SUBJECT, OWNING_BRANCH_ID, OWNING_BRANCH_PATH,"
            + " CREATED_BY_ID, CREATED_AT, UPDATED_AT) VALUES (?, ?, 'INQUIRY', 2, 'NORMAL', 'NEW', ?, 's', ?, ?, 7001, ?, ?)")) {
      s.setLong(1, id);
      s.setString(2, "T-" + id);
      s.setString(3, channel);
      s.setLong(4, branch);
      s.setString(5, "/7001/" + branch + "/");
      s.setObject(6, created.atOffset(ZoneOffset.UTC));
      s.setObject(7, created.atOffset(ZoneOffset.UTC));
      s.executeUpdate();
    }
  }

  private static void event(Connection c, long ticket, int seq, String kind, Instant at) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO TICKET_EVENT (ID, TICKET_ID, SEQ_NO, KIND, OCCURRED_AT, ACTOR_LOGIN) VALUES (?, ?, ?, ?, ?, 't-staff')")) {
      s.setLong(1, ticket * 100 + seq);
      s.setLong(2, ticket);
      s.setInt(3, seq);
      s.setString(4, kind);
      s.setObject(5, at.atOffset(ZoneOffset.UTC));
      s.executeUpdate();
    }
  }

  private static void clock(Connection c, long id, long ticket, String metric) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO SLA_CLOCK (ID, TICKET_ID, TICKET_NO, BRANCH_PATH, METRIC, POLICY_ID, CALENDAR_CODE, TARGET_SECONDS, WARN_PERCENTS, STATE, STARTED_AT, DUE_AT)"
            + " VALUES (?, ?, ?, '/7001/7002/', ?, 1, '7x24', 3600, '80', 'RUNNING', SYSTIMESTAMP, SYSTIMESTAMP)")) {
      s.setLong(1, id);
      s.setLong(2, ticket);
      s.setString(3, "T-" + ticket);
      s.setString(4, metric);
      s.executeUpdate();
    }
  }

  private static List<Long> ticketStat(Connection c, LocalDate day, String channel) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "SELECT LOGGED, CLOSED, CLOSED_FIRST_CONTACT, REOPENED, CLOSE_SECONDS FROM TICKET_DAILY_STAT"
            + " WHERE BRANCH_ID = 7002 AND STAT_DAY = ? AND CATEGORY_ID = 2 AND TICKET_TYPE = 'INQUIRY' AND CHANNEL = ?")) {
      s.setObject(1, day);
      s.setString(2, channel);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? List.of(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5)) : List.of();
      }
    }
  }

  private static List<Long> slaStat(Connection c, LocalDate day, String metric) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "SELECT MET, BREACHED FROM SLA_DAILY_STAT WHERE BRANCH_ID = 7002 AND STAT_DAY = ? AND CATEGORY_ID = 2 AND METRIC = ?")) {
      s.setObject(1, day);
      s.setString(2, metric);
      try (ResultSet r = s.executeQuery()) {
        return r.next() ? List.of(r.getLong(1), r.getLong(2)) : List.of();
      }
    }
  }

  private static Connection connect() throws SQLException {
    Connection c = DriverManager.getConnection(url, "sa", "");
    c.setAutoCommit(false);
    return c;
  }

  private static void exec(Connection c, String sql) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.executeUpdate();
    }
  }

  private static long count(Connection c, String sql) throws SQLException {
    try (ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
