package org.centralis.reporting.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.centralis.reporting.infrastructure.FactRoller.PendingFact;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contact roller on the real schema (H2 Oracle mode, Flyway): contacts of one queue (threshold 20 s, wrap-up 30 s)
 * rolled through claimed facts land in the half hour of their outcome with the sums docs/metrics.md defines.
 */
class ContactRollerTest {

  @TempDir static Path dir;
  private static String url;
  private static final long QUEUE = 7001;
  private static final long AGENT = 7101;
  private static final Instant BASE = Instant.parse("2026-11-20T02:00:00Z"); // 10:00 in Shanghai
  private static final List<PendingFact> facts = new ArrayList<>();
  private static long nextId = 9000;

  @BeforeAll
  static void setUp() throws SQLException {
    url = "jdbc:h2:file:" + dir.resolve("db") + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1";
    Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
    try (Connection c = connect()) {
      c.createStatement().executeUpdate("INSERT INTO BRANCH (ID, CODE, NAME, NAME_EN, KIND, PATH) VALUES (7000, 'T-HQ', '总行', 'HQ', 'HEADQUARTERS', '/7000/')");
      c.createStatement().executeUpdate("INSERT INTO STAFF (ID, LOGIN, FULL_NAME, BRANCH_ID, PASSWORD_HASH) VALUES (" + AGENT + ", 't-agent', '坐席', 7000, 'x')");
      c.createStatement().executeUpdate("INSERT INTO ACD_QUEUE (ID, CODE, NAME, NAME_EN, STRATEGY, SL_THRESHOLD_SECONDS, WRAP_UP_SECONDS)"
          + " VALUES (" + QUEUE + ", 'T-Q', '测试', 'Test', 'LONGEST_IDLE', 20, 30)");
      // answered after 10 s at 10:00:10, talked 120 s: interval 02:00Z
      contact(c, "ENDED", BASE, BASE.plusSeconds(10), BASE.plusSeconds(130));
      // answered after 25 s exactly at 02:30:00Z (an outcome on the edge starts the next interval), talked 60 s
      contact(c, "ENDED", BASE.plusSeconds(1775), BASE.plusSeconds(1800), BASE.plusSeconds(1860));
      // transferred: answered after 20 s (within: ≤ threshold) at 02:29:59Z, talked 30 s
      contact(c, "TRANSFERRED", BASE.plusSeconds(1779), BASE.plusSeconds(1799), BASE.plusSeconds(1829));
      // abandoned after 5 s (within) and after 90 s (not), both ended in 02:00Z
      contact(c, "ABANDONED", BASE.plusSeconds(100), null, BASE.plusSeconds(105));
      contact(c, "ABANDONED", BASE.plusSeconds(200), null, BASE.plusSeconds(290));
      // ended unanswered by the closed queue (voicemail), and one still connected: no outcome
      contact(c, "ENDED", BASE.plusSeconds(300), null, BASE.plusSeconds(300));
      contact(c, "CONNECTED", BASE.plusSeconds(400), BASE.plusSeconds(405), null);
      c.commit();
    }
  }

  @Test
  void rollsContactsIntoTheIntervalOfTheirOutcome() throws SQLException {
    try (Connection c = connect()) {
      new ContactRoller().roll(c, facts);
      c.commit();
    }
    String first = "2026-11-20T02:00:00Z";
    String second = "2026-11-20T02:30:00Z";
    assertEquals(List.of(4L, 2L, 2L, 2L, 1L, 1L, 10L + 20L, 5L + 90L, 90L, 120L + 30L, 2 * 30L), stat(first));
    assertEquals(List.of(1L, 1L, 0L, 0L, 0L, 0L, 25L, 0L, 25L, 60L, 30L), stat(second));
    assertEquals(List.of(2L, 150L), agent(first));
    assertEquals(List.of(1L, 60L), agent(second));
    assertEquals(2, count("SELECT COUNT(*) FROM ACD_INTERVAL_STAT"));
    assertEquals(2, count("SELECT COUNT(*) FROM ACD_AGENT_CONTACT_STAT WHERE BRANCH_PATH = '/7000/'"), "the agent's branch path (no seat row: STAFF/BRANCH)");
  }

  @Test
  void intervalBoundaries() {
    assertEquals(OffsetDateTime.parse("2026-11-20T02:30:00Z"), ContactRoller.intervalOf(Instant.parse("2026-11-20T02:30:00Z")));
    assertEquals(OffsetDateTime.parse("2026-11-20T02:00:00Z"), ContactRoller.intervalOf(Instant.parse("2026-11-20T02:29:59.999Z")));
    assertEquals(OffsetDateTime.parse("2026-11-19T16:00:00Z"), ContactRoller.intervalOf(Instant.parse("2026-11-19T16:00:00Z")));
  }

  private static void contact(Connection c, String state, Instant arrived, Instant answered, Instant ended) throws SQLException {
    long id = nextId++;
    try (PreparedStatement s = c.prepareStatement("INSERT INTO ACD_INTERACTION (ID, EXTERNAL_ID, CHANNEL, QUEUE_ID, STATE, ARRIVED_AT, QUEUE_ENTERED_AT,"
        + " AGENT_ID, ANSWERED_AT, ENDED_AT) VALUES (?, ?, 'VOICE', ?, ?, ?, ?, ?, ?, ?)")) {
      s.setLong(1, id);
      s.setString(2, "roll-" + id);
      s.setLong(3, QUEUE);
      s.setString(4, state);
      s.setObject(5, utc(arrived));
      s.setObject(6, utc(arrived));
      s.setObject(7, answered == null ? null : AGENT);
      s.setObject(8, utc(answered));
      s.setObject(9, utc(ended));
      s.executeUpdate();
    }
    facts.add(new PendingFact(id, id, null));
  }

  private static OffsetDateTime utc(Instant t) {
    return t == null ? null : t.atOffset(ZoneOffset.UTC);
  }

  private static List<Long> stat(String interval) throws SQLException {
    return row("SELECT OFFERED, ANSWERED, ANSWERED_WITHIN, ABANDONED, ABANDONED_WITHIN, TRANSFERRED, ANSWER_WAIT_SECONDS, ABANDON_WAIT_SECONDS,"
        + " MAX_WAIT_SECONDS, TALK_SECONDS, WRAP_SECONDS FROM ACD_INTERVAL_STAT WHERE QUEUE_ID = " + QUEUE + " AND CHANNEL = 'VOICE' AND INTERVAL_START = ?", interval);
  }

  private static List<Long> agent(String interval) throws SQLException {
    return row("SELECT HANDLED, TALK_SECONDS FROM ACD_AGENT_CONTACT_STAT WHERE STAFF_ID = " + AGENT + " AND INTERVAL_START = ?", interval);
  }

  private static List<Long> row(String sql, String... intervals) throws SQLException {
    try (Connection c = DriverManager.getConnection(url, "sa", ""); PreparedStatement s = c.prepareStatement(sql)) {
      for (int i = 0; i < intervals.length; i++) {
        s.setObject(i + 1, OffsetDateTime.parse(intervals[i]));
      }
      try (ResultSet r = s.executeQuery()) {
        List<Long> values = new ArrayList<>();
        if (r.next()) {
          for (int i = 1; i <= r.getMetaData().getColumnCount(); i++) {
            values.add(r.getLong(i));
          }
        }
        return values;
      }
    }
  }

  private static Connection connect() throws SQLException {
    Connection c = DriverManager.getConnection(url, "sa", "");
    c.setAutoCommit(false);
    return c;
  }

  private static long count(String sql) throws SQLException {
    return row(sql).get(0);
  }
}
