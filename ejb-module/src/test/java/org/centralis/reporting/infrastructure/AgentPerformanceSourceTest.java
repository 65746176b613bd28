package org.centralis.reporting.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.util.Map;
import org.centralis.reporting.application.RunParameters;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent-performance query on the real schema: sums per agent from both aggregates, the period's days, the scope. */
class AgentPerformanceSourceTest {

  @TempDir static Path dir;
  private static String url;
  private static final LocalDate DAY = LocalDate.of(2026, 11, 20);
  /** 2026-11-20 10:00 in Shanghai. */
  private static final Instant T = Instant.parse("2026-11-20T02:00:00Z");

  @BeforeAll
  static void migrate() throws SQLException {
    url = "jdbc:h2:file:" + dir.resolve("db") + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1";
    Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      var s = c.createStatement();
      s.executeUpdate("INSERT INTO BRANCH (ID, CODE, NAME, NAME_EN, KIND, PATH) VALUES (1, 'HQ', '总行', 'Head office', 'HEADQUARTERS', '/1/')");
      s.executeUpdate("INSERT INTO BRANCH (ID, CODE, NAME, NAME_EN, KIND, PARENT_ID, PATH) VALUES (2, 'SH', '上海分行', 'Shanghai', 'BRANCH', 1, '/1/2/')");
      s.executeUpdate("INSERT INTO STAFF (ID, LOGIN, FULL_NAME, BRANCH_ID, PASSWORD_HASH) VALUES (7, 'agent7', '王芳', 1, 'x')");
      s.executeUpdate("INSERT INTO STAFF (ID, LOGIN, FULL_NAME, BRANCH_ID, PASSWORD_HASH) VALUES (8, 'agent8', '刘洋', 2, 'x')");
      s.executeUpdate("INSERT INTO ACD_REASON_CODE (CODE, NAME, NAME_EN, SYSTEM_CODE) VALUES ('BREAK', '小休', 'Short break', 0)");
      state(c, 7, "/1/", T, "READY", "-", 600_000);
      state(c, 7, "/1/", T, "BUSY", "-", 300_000);
      state(c, 7, "/1/", T.plusSeconds(1800), "NOT_READY", "BREAK", 120_000);
      state(c, 7, "/1/", T.plusSeconds(86_400), "READY", "-", 999_000); // the next day: outside the period
      state(c, 8, "/1/2/", T, "WRAP_UP", "-", 60_000);
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO ACD_AGENT_CONTACT_STAT (STAFF_ID, INTERVAL_START, BRANCH_PATH, HANDLED, TALK_SECONDS) VALUES (7, ?, '/1/', 3, 240)")) {
        ps.setObject(1, T.atOffset(ZoneOffset.UTC));
        ps.executeUpdate();
      }
      try (PreparedStatement ps = c.prepareStatement("INSERT INTO QA_SCORE (ID, FORM_ID, AGENT_STAFF_ID, SCORER_LOGIN, TOTAL, ITEMS, SCORED_AT) VALUES (?, 1, 7, 'super1', ?, '1:80', ?)")) {
        for (int i = 0; i < 2; i++) {
          ps.setLong(1, i + 1);
          ps.setDouble(2, 80 + i * 10);
          ps.setObject(3, T.atOffset(ZoneOffset.UTC));
          ps.executeUpdate();
        }
      }
    }
  }

  private static void state(Connection c, long staff, String path, Instant interval, String state, String reason, long millis) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(
        "INSERT INTO ACD_AGENT_INTERVAL_STAT (STAFF_ID, INTERVAL_START, STATE, REASON_CODE, BRANCH_PATH, MILLIS) VALUES (?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, staff);
      ps.setObject(2, interval.atOffset(ZoneOffset.UTC));
      ps.setString(3, state);
      ps.setString(4, reason);
      ps.setString(5, path);
      ps.setLong(6, millis);
      ps.executeUpdate();
    }
  }

  @Test
  void sumsPerAgentInThePeriodAndScope() throws SQLException {
    AgentPerformanceSource source = new AgentPerformanceSource();
    RunParameters day = new RunParameters(DAY, DAY, null, "zh_CN");
    Instant asOf = T.plusSeconds(7 * 86_400);
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        PreparedStatement s = source.prepare(c, day, "/1/", asOf);
        ResultSet r = s.executeQuery()) {
      assertTrue(r.next());
      assertEquals("王芳 (agent7)", r.getString("agentName"));
      assertEquals("总行", r.getString("branchName"));
      assertEquals(3, r.getLong("handled"));
      assertEquals(240, r.getLong("talkSeconds"));
      assertEquals(600_000, r.getLong("readyMs"), "the next day's READY time is not in the period");
      assertEquals(300_000, r.getLong("busyMs"));
      assertEquals(120_000, r.getLong("notReadyMs"));
      assertEquals(170, r.getDouble("qaSum"), 1e-9);
      assertEquals(2, r.getLong("qaCount"));
      assertEquals(0, r.getLong("csatCount"));
      assertTrue(r.next());
      assertEquals("刘洋 (agent8)", r.getString("agentName"));
      assertEquals(60_000, r.getLong("wrapMs"));
      assertFalse(r.next());
    }
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        PreparedStatement s = source.prepare(c, day, "/1/2/", asOf);
        ResultSet r = s.executeQuery()) {
      assertTrue(r.next());
      assertEquals("agent8", r.getString("login"));
      assertFalse(r.next(), "the Shanghai subtree does not see the head-office agent");
    }
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      Map<String, Object> params = source.parameters(c, new RunParameters(DAY, DAY, null, "en"), "/1/", asOf, "hq1");
      assertEquals(List.of(Map.of("agent", "王芳 (agent7)", "reason", "Short break", "millis", 120_000L)), params.get("REASON_ROWS"));
    }
  }
}
