package org.centralis.reporting.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.sf.jasperreports.engine.JRDataSource;
import net.sf.jasperreports.engine.design.JRDesignField;
import org.centralis.acd.domain.ErlangC;
import org.centralis.reporting.application.RunParameters;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contact-center daily report's query and derived rows on the real schema (H2 Oracle mode): the Shanghai day's half
 * hours only, agents staffed from qualified agents' non-LOGGED_OUT/NOT_READY time, service level, ASA, AHT, Erlang C,
 * the queue subtotal and the total; nothing for a scope without seats.
 */
class ContactCenterDailySourceTest {

  @TempDir static Path dir;
  private static String url;
  private static final LocalDate DAY = LocalDate.of(2026, 11, 20); // 2026-11-19T16:00Z .. 2026-11-20T16:00Z
  private static final Instant AS_OF = Instant.parse("2026-11-21T00:00:00Z");
  private static final String[] FIELDS = {"kind", "queueCode", "slot", "offered", "answered", "abandoned", "serviceLevel", "belowTarget", "asa", "aht",
      "maxWait", "staffed", "required"};

  @BeforeAll
  static void setUp() throws SQLException {
    url = "jdbc:h2:file:" + dir.resolve("db") + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;LOCK_TIMEOUT=10000;DB_CLOSE_DELAY=-1";
    Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
    try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO BRANCH (ID, CODE, NAME, NAME_EN, KIND, PATH) VALUES (1, 'HQ', '总行', 'Head Office', 'HEADQUARTERS', '/1/')");
      s.executeUpdate("INSERT INTO BRANCH (ID, CODE, NAME, NAME_EN, KIND, PARENT_ID, PATH) VALUES (2, 'R', '华东区域', 'East', 'REGION', 1, '/1/2/')");
      s.executeUpdate("INSERT INTO STAFF (ID, LOGIN, FULL_NAME, BRANCH_ID, PASSWORD_HASH) VALUES (11, 'a11', '甲', 1, 'x')");
      s.executeUpdate("INSERT INTO STAFF (ID, LOGIN, FULL_NAME, BRANCH_ID, PASSWORD_HASH) VALUES (12, 'a12', '乙', 1, 'x')");
      s.executeUpdate("INSERT INTO ACD_SKILL (ID, CODE, NAME, NAME_EN) VALUES (1, 'CARD', '信用卡', 'Cards')");
      s.executeUpdate("INSERT INTO ACD_QUEUE (ID, CODE, NAME, NAME_EN, STRATEGY, SL_TARGET_PERCENT, SL_THRESHOLD_SECONDS) VALUES (1, 'CARD', '信用卡', 'Cards', 'LONGEST_IDLE', 80, 20)");
      s.executeUpdate("INSERT INTO ACD_QUEUE_SKILL (QUEUE_ID, SKILL_ID, MIN_LEVEL) VALUES (1, 1, 5)");
      s.executeUpdate("INSERT INTO ACD_AGENT_SKILL (STAFF_ID, SKILL_ID, SKILL_LEVEL) VALUES (11, 1, 6)");
      s.executeUpdate("INSERT INTO ACD_AGENT_SKILL (STAFF_ID, SKILL_ID, SKILL_LEVEL) VALUES (12, 1, 3)"); // not qualified
      s.executeUpdate("INSERT INTO ACD_AGENT_STATE (STAFF_ID, LOGIN, BRANCH_PATH, STATE, STATE_SINCE) VALUES (11, 'a11', '/1/', 'LOGGED_OUT', SYSTIMESTAMP)");
      stat(c, "2026-11-20T02:00:00Z", 10, 8, 6, 2, 1, 80, 40, 1600, 240);
      stat(c, "2026-11-20T02:30:00Z", 1, 0, 0, 1, 0, 0, 30, 0, 0);
      stat(c, "2026-11-19T15:30:00Z", 5, 5, 5, 0, 0, 5, 1, 500, 100); // the day before in Shanghai
      stat(c, "2026-11-20T16:00:00Z", 5, 5, 5, 0, 0, 5, 1, 500, 100); // the day after
      agent(c, 11, "2026-11-20T02:00:00Z", "READY", 900_000);
      agent(c, 11, "2026-11-20T02:00:00Z", "BUSY", 900_000);
      agent(c, 11, "2026-11-20T02:30:00Z", "NOT_READY", 1_800_000);
      agent(c, 12, "2026-11-20T02:00:00Z", "READY", 1_800_000);
      agent(c, 11, "2026-11-20T03:00:00Z", "READY", 450_000); // staffed, no contacts
    }
  }

  @Test
  void rowsOfTheDayWithSubtotalAndTotal() throws Exception {
    List<Map<String, Object>> rows = rows(new RunParameters(DAY, DAY, null, "zh_CN"), "/1/");
    assertEquals(List.of("I", "I", "I", "Q", "T"), rows.stream().map(r -> r.get("kind")).toList());
    Map<String, Object> first = rows.get(0);
    assertEquals("10:00–10:30", first.get("slot"));
    assertEquals(List.of(10L, 8L, 2L), List.of(first.get("offered"), first.get("answered"), first.get("abandoned")));
    assertEquals(6.0 / 9, (Double) first.get("serviceLevel"), 1e-9, "ABANDONS_EXCLUDED: 6 / (10 − 1)");
    assertEquals(true, first.get("belowTarget"));
    assertEquals(10.0, (Double) first.get("asa"), 1e-9);
    assertEquals(230.0, (Double) first.get("aht"), 1e-9);
    assertEquals(40L, first.get("maxWait"));
    assertEquals(1.0, (Double) first.get("staffed"), 1e-9, "READY + BUSY of the qualified agent only");
    assertEquals(ErlangC.of(20, 230).requiredAgents(20, 0.8, 1, 0).agents(), first.get("required"));
    Map<String, Object> second = rows.get(1);
    assertEquals(0.0, (Double) second.get("serviceLevel"), 1e-9);
    assertEquals(0.0, (Double) second.get("staffed"), 1e-9, "NOT_READY is not staffed");
    assertNull(second.get("required"), "nothing answered: no AHT, no requirement");
    Map<String, Object> third = rows.get(2);
    assertEquals("11:00–11:30", third.get("slot"));
    assertEquals(0.25, (Double) third.get("staffed"), 1e-9);
    assertEquals(0, third.get("required"));
    assertNull(third.get("serviceLevel"));
    for (Map<String, Object> sum : rows.subList(3, 5)) {
      assertEquals(List.of(11L, 8L, 3L, 40L), List.of(sum.get("offered"), sum.get("answered"), sum.get("abandoned"), sum.get("maxWait")));
      assertEquals(6.0 / 10, (Double) sum.get("serviceLevel"), 1e-9);
      assertNull(sum.get("staffed"));
    }
  }

  @Test
  void aQueueThatCountsShortAbandonsAsMetShowsItInEveryRow() throws Exception {
    try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE ACD_QUEUE SET SL_FORMULA = 'ABANDONS_MET'");
    }
    try {
      List<Map<String, Object>> rows = rows(new RunParameters(DAY, DAY, null, "zh_CN"), "/1/");
      assertEquals((6.0 + 1) / 10, (Double) rows.get(0).get("serviceLevel"), 1e-9, "ABANDONS_MET: (6 + 1) / 10");
      assertEquals((6.0 + 1) / 11, (Double) rows.get(4).get("serviceLevel"), 1e-9, "the total adds numerators and denominators");
    } finally {
      try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
        s.executeUpdate("UPDATE ACD_QUEUE SET SL_FORMULA = 'ABANDONS_EXCLUDED'");
      }
    }
  }

  @Test
  void severalDaysQueueFilterAndScope() throws Exception {
    List<Map<String, Object>> week = rows(new RunParameters(DAY.minusDays(1), DAY.plusDays(1), null, "en", "CARD"), "/1/");
    assertEquals(7, week.size(), "five intervals, subtotal, total");
    assertEquals("11-19 23:30", week.get(0).get("slot"));
    assertEquals(List.of(), rows(new RunParameters(DAY, DAY, null, "zh_CN", "RETAIL"), "/1/"), "another queue");
    assertEquals(List.of(), rows(new RunParameters(DAY, DAY, null, "zh_CN"), "/1/2/"), "a subtree without seats");
  }

  private static List<Map<String, Object>> rows(RunParameters p, String scope) throws Exception {
    ContactCenterDailySource source = new ContactCenterDailySource();
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url, "sa", ""); PreparedStatement s = source.prepare(c, p, scope, AS_OF); ResultSet r = s.executeQuery()) {
      JRDataSource data = source.data(r, p);
      while (data.next()) {
        Map<String, Object> row = new HashMap<>();
        for (String name : FIELDS) {
          JRDesignField field = new JRDesignField();
          field.setName(name);
          row.put(name, data.getFieldValue(field));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  private static void stat(Connection c, String interval, long offered, long answered, long answeredWithin, long abandoned, long abandonedWithin,
      long answerWait, long maxWait, long talk, long wrap) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("INSERT INTO ACD_INTERVAL_STAT (QUEUE_ID, INTERVAL_START, CHANNEL, OFFERED, ANSWERED, ANSWERED_WITHIN,"
        + " ABANDONED, ABANDONED_WITHIN, ANSWER_WAIT_SECONDS, MAX_WAIT_SECONDS, TALK_SECONDS, WRAP_SECONDS) VALUES (1, ?, 'VOICE', ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      s.setObject(1, OffsetDateTime.parse(interval));
      long[] v = {offered, answered, answeredWithin, abandoned, abandonedWithin, answerWait, maxWait, talk, wrap};
      for (int i = 0; i < v.length; i++) {
        s.setLong(i + 2, v[i]);
      }
      s.executeUpdate();
    }
  }

  private static void agent(Connection c, long staff, String interval, String state, long millis) throws SQLException {
    try (PreparedStatement s = c.prepareStatement(
        "INSERT INTO ACD_AGENT_INTERVAL_STAT (STAFF_ID, INTERVAL_START, STATE, REASON_CODE, BRANCH_PATH, MILLIS) VALUES (?, ?, ?, '-', '/1/', ?)")) {
      s.setLong(1, staff);
      s.setObject(2, OffsetDateTime.parse(interval));
      s.setString(3, state);
      s.setLong(4, millis);
      s.executeUpdate();
    }
  }
}
