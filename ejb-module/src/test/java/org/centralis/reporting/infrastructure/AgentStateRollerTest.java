package org.centralis.reporting.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.centralis.reporting.infrastructure.AgentStateRoller.Slice;
import org.centralis.reporting.infrastructure.FactRoller.PendingFact;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Agent-state periods split at UTC half hours into ACD_AGENT_INTERVAL_STAT, on the real schema in H2's Oracle mode. */
class AgentStateRollerTest {

  @TempDir static Path dir;
  private static String url;
  private static final Instant T0 = Instant.parse("2026-11-20T01:00:00Z");

  @BeforeAll
  static void migrate() throws SQLException {
    url = "jdbc:h2:file:" + dir.resolve("db") + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1";
    Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
    try (Connection c = connect()) {
      c.createStatement().executeUpdate("INSERT INTO BRANCH (ID, CODE, NAME, NAME_EN, KIND, PATH) VALUES (1, 'HQ', '总行', 'HQ', 'HEADQUARTERS', '/1/')");
      c.createStatement().executeUpdate("INSERT INTO STAFF (ID, LOGIN, FULL_NAME, BRANCH_ID, PASSWORD_HASH) VALUES (7, 'agent7', '坐席7', 1, 'x')");
      c.commit();
    }
  }

  @Test
  void splitsAtHalfHoursAndStopsExactlyOnAnEdge() {
    List<Slice> three = AgentStateRoller.split(T0.plusSeconds(20 * 60), T0.plusSeconds(70 * 60 + 5));
    assertEquals(List.of(new Slice(T0, 10 * 60_000L), new Slice(T0.plusSeconds(1800), 30 * 60_000L), new Slice(T0.plusSeconds(3600), 10 * 60_000L + 5_000)),
        three);
    assertEquals(List.of(new Slice(T0, 5 * 60_000L), new Slice(T0.plusSeconds(1800), 30 * 60_000L)),
        AgentStateRoller.split(T0.plusSeconds(25 * 60), T0.plusSeconds(3600)), "ends on an edge: no empty third slice");
    assertTrue(AgentStateRoller.split(T0, T0).isEmpty());
    assertTrue(AgentStateRoller.split(T0.plusSeconds(1), T0).isEmpty(), "a period ending before it starts counts 0");
  }

  @Test
  void rollsClosedPeriodsIntoIntervalStateAndReasonRows() throws SQLException {
    try (Connection c = connect()) {
      long ready = log(c, 101, "READY", null, T0.plusSeconds(20 * 60), T0.plusSeconds(70 * 60 + 5)); // three intervals
      long notReady = log(c, 102, "NOT_READY", "BREAK", T0.plusSeconds(70 * 60 + 5), T0.plusSeconds(90 * 60)); // ends on the 02:30 edge
      long notReady2 = log(c, 103, "NOT_READY", "TRAINING", T0.plusSeconds(90 * 60), T0.plusSeconds(95 * 60));
      long loggedOut = log(c, 104, "LOGGED_OUT", null, T0.plusSeconds(95 * 60), T0.plusSeconds(200 * 60));
      long open = log(c, 105, "READY", null, T0.plusSeconds(200 * 60), null);
      new AgentStateRoller().roll(c, List.of(fact(ready), fact(notReady), fact(notReady2), fact(loggedOut), fact(open), fact(99_999)));
      c.commit();
    }
    assertEquals(10 * 60_000L, millis(T0, "READY", "-"));
    assertEquals(30 * 60_000L, millis(T0.plusSeconds(1800), "READY", "-"));
    assertEquals(10 * 60_000L + 5_000, millis(T0.plusSeconds(3600), "READY", "-"));
    assertEquals(20 * 60_000L - 5_000, millis(T0.plusSeconds(3600), "NOT_READY", "BREAK"));
    assertEquals(0, millis(T0.plusSeconds(5400), "NOT_READY", "BREAK"), "nothing after the edge it ended on");
    assertEquals(5 * 60_000L, millis(T0.plusSeconds(5400), "NOT_READY", "TRAINING"));
    assertEquals(0, count("SELECT COUNT(*) FROM ACD_AGENT_INTERVAL_STAT WHERE STATE = 'LOGGED_OUT'"));
    assertEquals(5, count("SELECT COUNT(*) FROM ACD_AGENT_INTERVAL_STAT"));
    assertEquals(1, count("SELECT COUNT(DISTINCT BRANCH_PATH) FROM ACD_AGENT_INTERVAL_STAT WHERE BRANCH_PATH = '/1/7/'"));

    try (Connection c = connect()) { // a second period in the same interval adds to the row
      long more = log(c, 106, "NOT_READY", "BREAK", T0.plusSeconds(3600), T0.plusSeconds(3660));
      new AgentStateRoller().roll(c, List.of(fact(more)));
      c.commit();
    }
    assertEquals(20 * 60_000L - 5_000 + 60_000, millis(T0.plusSeconds(3600), "NOT_READY", "BREAK"));
  }

  private static PendingFact fact(long logId) {
    return new PendingFact(logId, logId, null);
  }

  private static long log(Connection c, long id, String state, String reason, Instant from, Instant to) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO ACD_AGENT_STATE_LOG (ID, STAFF_ID, BRANCH_PATH, STATE, REASON_CODE, STARTED_AT, ENDED_AT) VALUES (?, 7, '/1/7/', ?, ?, ?, ?)")) {
      s.setLong(1, id);
      s.setString(2, state);
      s.setString(3, reason);
      s.setObject(4, from.atOffset(ZoneOffset.UTC));
      s.setObject(5, to == null ? null : to.atOffset(ZoneOffset.UTC));
      s.executeUpdate();
    }
    return id;
  }

  private static long millis(Instant interval, String state, String reason) throws SQLException {
    return count("SELECT COALESCE(SUM(MILLIS), 0) FROM ACD_AGENT_INTERVAL_STAT WHERE STAFF_ID = 7 AND INTERVAL_START = ? AND STATE = ? AND REASON_CODE = ?",
        OffsetDateTime.ofInstant(interval, ZoneOffset.UTC), state, reason);
  }

  private static Connection connect() throws SQLException {
    Connection c = DriverManager.getConnection(url, "sa", "");
    c.setAutoCommit(false);
    return c;
  }

  private static long count(String sql, Object... args) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, "sa", ""); PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        s.setObject(i + 1, args[i]);
      }
      try (ResultSet r = s.executeQuery()) {
        r.next();
        return r.getLong(1);
      }
    }
  }
}
