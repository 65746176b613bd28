package org.centralis.reporting.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.centralis.reporting.application.KpiBoard;
import org.centralis.reporting.application.KpiFigure;
import org.centralis.reporting.domain.ComparisonPeriods;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service-quality query on the real schema (H2 Oracle mode, Flyway): aggregate and raw rows in October 2026 (the
 * report period), September 2026 (previous) and October 2025 (last year), and just outside them. Ratios must come from
 * sums across rows, never from an average of the rows' ratios; comparisons and the branch scope must hold.
 */
class ServiceQualityQueryTest {

  @TempDir static Path dir;
  private static String url;
  private static final ComparisonPeriods OCTOBER = ComparisonPeriods.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 31));
  private static final Instant AS_OF = Instant.parse("2026-11-25T00:00:00Z");

  @BeforeAll
  static void data() throws SQLException {
    url = "jdbc:h2:file:" + dir.resolve("db") + ";MODE=Oracle;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();
    try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
      // complaints and visits need tickets, queues need skills...: the figures here do not depend on those rows
      s.execute("SET REFERENTIAL_INTEGRITY FALSE");
      s.execute("INSERT INTO BRANCH (ID, CODE, NAME, NAME_EN, KIND, PARENT_ID, PATH) VALUES"
          + " (1, 'HQ', '总行', 'Head Office', 'HEADQUARTERS', NULL, '/1/'),"
          + " (2, 'R', '华东区域', 'East', 'REGION', 1, '/1/2/'),"
          + " (3, 'SH', '上海分行', 'Shanghai', 'BRANCH', 2, '/1/2/3/'),"
          + " (4, 'SH-1', '外滩网点', 'Bund', 'OUTLET', 3, '/1/2/3/4/'),"
          + " (5, 'HZ', '杭州分行', 'Hangzhou', 'BRANCH', 2, '/1/2/5/')");
      String t = "INSERT INTO TICKET_DAILY_STAT (BRANCH_ID, STAT_DAY, CATEGORY_ID, TICKET_TYPE, CHANNEL, BRANCH_PATH, LOGGED, CLOSED,"
          + " CLOSED_FIRST_CONTACT, REOPENED) VALUES ";
      s.execute(t + "(4, DATE '2026-10-01', 1, 'COMPLAINT', 'PHONE', '/1/2/3/4/', 10, 8, 6, 1)");
      s.execute(t + "(3, DATE '2026-10-31', 1, 'INQUIRY', 'PHONE', '/1/2/3/', 30, 20, 18, 0)");
      s.execute(t + "(2, DATE '2026-10-10', 1, 'INQUIRY', 'WEB', '/1/2/', 2, 0, 0, 0)");
      s.execute(t + "(5, DATE '2026-11-01', 1, 'INQUIRY', 'PHONE', '/1/2/5/', 99, 99, 99, 0)");
      s.execute(t + "(5, DATE '2026-09-15', 1, 'INQUIRY', 'PHONE', '/1/2/5/', 20, 10, 5, 0)");
      s.execute(t + "(5, DATE '2025-10-10', 1, 'INQUIRY', 'PHONE', '/1/2/5/', 7, 4, 1, 0)");
      // Two queues, both counting short abandons out (the default formula); the totals add their numerators and denominators
      s.execute("INSERT INTO ACD_QUEUE (ID, CODE, NAME, NAME_EN, STRATEGY) VALUES (1, 'Q1', '零售', 'Retail', 'LONGEST_IDLE'),"
          + " (2, 'Q2', '信用卡', 'Cards', 'LONGEST_IDLE')");
      String a = "INSERT INTO ACD_INTERVAL_STAT (QUEUE_ID, INTERVAL_START, CHANNEL, OFFERED, ANSWERED, ANSWERED_WITHIN, ABANDONED,"
          + " ABANDONED_WITHIN, ANSWER_WAIT_SECONDS, TALK_SECONDS, WRAP_SECONDS) VALUES ";
      // 1 Oct 00:00 in China = 30 Sep 16:00 UTC: October; 30 Sep 23:30 in China: September
      s.execute(a + "(1, TIMESTAMP '2026-09-30 16:00:00+00:00', 'VOICE', 100, 90, 80, 10, 4, 900, 9000, 900)");
      s.execute(a + "(2, TIMESTAMP '2026-10-15 02:00:00+00:00', 'CHAT', 10, 10, 2, 0, 0, 300, 1000, 0)");
      s.execute(a + "(1, TIMESTAMP '2026-09-30 15:30:00+00:00', 'VOICE', 50, 50, 50, 0, 0, 250, 5000, 500)");
      s.execute(a + "(1, TIMESTAMP '2026-10-31 16:00:00+00:00', 'VOICE', 999, 0, 0, 999, 0, 0, 0, 0)");
      String sla = "INSERT INTO SLA_DAILY_STAT (BRANCH_ID, STAT_DAY, CATEGORY_ID, METRIC, BRANCH_PATH, MET, BREACHED) VALUES ";
      s.execute(sla + "(3, DATE '2026-10-02', 1, 'RESOLUTION', '/1/2/3/', 9, 1)");
      s.execute(sla + "(5, DATE '2026-10-03', 1, 'RESOLUTION', '/1/2/5/', 0, 2)");
      s.execute(sla + "(5, DATE '2026-10-03', 1, 'FIRST_RESPONSE', '/1/2/5/', 4, 0)");
      s.execute("INSERT INTO COMPLAINT_TAXONOMY (ID, KIND, CODE, NAME, NAME_EN, PARENT_ID) VALUES"
          + " (9001, 'COMPLAINT', 'T-FEE', '收费争议', 'Fees', NULL), (9002, 'COMPLAINT', 'T-FEE-ANNUAL', '年费', 'Annual fee', 9001),"
          + " (9003, 'COMPLAINT', 'T-ATT', '服务态度', 'Attitude', NULL), (9010, 'ROOT_CAUSE', 'RC-SYS', '系统故障', 'System fault', NULL)");
      String cp = "INSERT INTO COMPLAINT (ID, TICKET_ID, TICKET_NO, CATEGORY_ID, OWNING_BRANCH_ID, OWNING_BRANCH_PATH, TICKET_STATUS, SEVERITY,"
          + " TAXONOMY_ID, CHANNEL, REGULATOR_DEADLINE, REPEAT_COMPLAINT, ROOT_CAUSE_ID, RESOLUTION_AT, CREATED_AT) VALUES ";
      s.execute(cp + "(1, 1, 'T1', 1, 3, '/1/2/3/', 'CLOSED', 'MINOR', 9002, 'PHONE', TIMESTAMP '2026-10-20 00:00:00+00:00', 1, 9010,"
          + " TIMESTAMP '2026-10-10 00:00:00+00:00', TIMESTAMP '2026-10-05 00:00:00+00:00')");
      s.execute(cp + "(2, 2, 'T2', 1, 5, '/1/2/5/', 'CLOSED', 'MAJOR', 9001, 'PHONE', TIMESTAMP '2026-10-20 00:00:00+00:00', 0, NULL,"
          + " TIMESTAMP '2026-10-25 00:00:00+00:00', TIMESTAMP '2026-10-06 00:00:00+00:00')");
      s.execute(cp + "(3, 3, 'T3', 1, 5, '/1/2/5/', 'OPEN', 'MINOR', 9003, 'PHONE', TIMESTAMP '2026-11-20 00:00:00+00:00', 0, NULL,"
          + " NULL, TIMESTAMP '2026-10-07 00:00:00+00:00')");
      s.execute(cp + "(4, 4, 'T4', 1, 5, '/1/2/5/', 'OPEN', 'MINOR', 9003, 'PHONE', TIMESTAMP '2026-10-01 00:00:00+00:00', 0, NULL,"
          + " NULL, TIMESTAMP '2026-09-07 00:00:00+00:00')");
      String rv = "INSERT INTO RETURN_VISIT (ID, TICKET_ID, TICKET_NO, TICKET_TYPE, OWNING_BRANCH_PATH, RULE_NAME, STATUS, CSAT, CREATED_AT,"
          + " COMPLETED_AT) VALUES ";
      s.execute(rv + "(1, 1, 'T1', 'COMPLAINT', '/1/2/3/', 'r', 'COMPLETED', 5, TIMESTAMP '2026-10-11 00:00:00+00:00', TIMESTAMP '2026-10-12 00:00:00+00:00')");
      s.execute(rv + "(2, 2, 'T2', 'COMPLAINT', '/1/2/5/', 'r', 'COMPLETED', 4, TIMESTAMP '2026-10-11 00:00:00+00:00', TIMESTAMP '2026-10-12 00:00:00+00:00')");
      s.execute(rv + "(3, 3, 'T3', 'INQUIRY', '/1/2/5/', 'r', 'COMPLETED', 2, TIMESTAMP '2026-10-11 00:00:00+00:00', TIMESTAMP '2026-10-13 00:00:00+00:00')");
      s.execute(rv + "(4, 4, 'T4', 'INQUIRY', '/1/2/5/', 'r', 'OPEN', NULL, TIMESTAMP '2026-10-11 00:00:00+00:00', NULL)");
      s.execute(rv + "(5, 5, 'T5', 'INQUIRY', '/1/2/5/', 'r', 'COMPLETED', 3, TIMESTAMP '2026-09-11 00:00:00+00:00', TIMESTAMP '2026-09-12 00:00:00+00:00')");
    }
  }

  private static Map<String, KpiFigure> figures(String scope, Locale locale) throws SQLException {
    Map<String, KpiFigure> rows = new LinkedHashMap<>();
    try (Connection c = DriverManager.getConnection(url, "sa", "")) {
      KpiBoard board = JdbcServiceQualityFigures.read(c, OCTOBER, scope, AS_OF, locale);
      assertEquals("/1/".equals(scope), board.contactCenterInScope());
      for (KpiFigure f : board.figures()) {
        rows.put(f.metric() + (f.item() == null ? "" : "/" + f.item()), f);
      }
    }
    return rows;
  }

  @Test
  void volumesByChannelTypeAndBranchWithComparisons() throws SQLException {
    Map<String, KpiFigure> f = figures("/1/", Locale.SIMPLIFIED_CHINESE);
    assertEquals(new KpiFigure(1, "volume.tickets.total", null, "COUNT", false, 42d, 20d, 7d, 22d / 20, 35d / 7), f.get("volume.tickets.total"));
    assertEquals(30d + 2, f.get("volume.tickets.INQUIRY").current());
    assertEquals(10d, f.get("volume.tickets.COMPLAINT").current());
    assertEquals(0d, f.get("volume.tickets.COMPLAINT").previous());
    assertNull(f.get("volume.tickets.COMPLAINT").previousChange(), "no change against nothing");
    // the outlet's tickets count under its city branch; the region's own under the region
    assertEquals(40d, f.get("volume.branch/上海分行").current());
    assertEquals(2d, f.get("volume.branch/华东区域").current());
    assertEquals(20d, f.get("volume.branch/杭州分行").previous());
    assertEquals(100d, f.get("volume.contacts.VOICE").current(), "the interval at 00:00 on 1 October (China) is October's");
    assertEquals(50d, f.get("volume.contacts.VOICE").previous());
    assertEquals(110d, f.get("volume.contacts.total").current());
    assertTrue(figures("/1/", Locale.ENGLISH).containsKey("volume.branch/Shanghai"));
  }

  @Test
  void contactCenterRatiosComeFromSums() throws SQLException {
    Map<String, KpiFigure> f = figures("/1/", Locale.SIMPLIFIED_CHINESE);
    // 82 answered within of 110 outcomes less 4 quick abandons: 77.4 %; the mean of the two rows' levels would be 51.7 %
    double sl = org.centralis.acd.domain.ServiceLevelFormula.ABANDONS_EXCLUDED.of(80 + 2, 4, 100 + 10);
    assertEquals(82d / 106, sl, 1e-12);
    assertEquals(sl, f.get("acd.serviceLevel").current(), 1e-9);
    assertEquals(1d, f.get("acd.serviceLevel").previous(), 1e-9);
    assertEquals(sl - 1, f.get("acd.serviceLevel").previousChange(), 1e-9, "rates change in points");
    assertNull(f.get("acd.serviceLevel").lastYear(), "no contacts last year: no figure, not 100 %");
    try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE ACD_QUEUE SET SL_FORMULA = 'ABANDONS_MET' WHERE ID = 1");
      // queue 1 counts its 4 quick abandons as met, queue 2 keeps its formula: (80 + 4 + 2) / (100 + 10)
      assertEquals(86d / 110, figures("/1/", Locale.SIMPLIFIED_CHINESE).get("acd.serviceLevel").current(), 1e-9);
      s.executeUpdate("UPDATE ACD_QUEUE SET SL_FORMULA = 'ABANDONS_EXCLUDED' WHERE ID = 1");
    }
    assertEquals(1200d / 100, f.get("acd.asa").current(), 1e-9);
    assertEquals(10d / 110, f.get("acd.abandonRate").current(), 1e-9);
    assertEquals((9000d + 900 + 1000) / 100, f.get("acd.aht").current(), 1e-9);
    assertEquals((109d - 110) / 110, f.get("acd.aht").previousChange(), 1e-9, "times change relatively");
  }

  @Test
  void firstContactResolutionSlaComplaintsAndCsat() throws SQLException {
    Map<String, KpiFigure> f = figures("/1/", Locale.SIMPLIFIED_CHINESE);
    assertEquals(24d / 28, f.get("fcr.rate").current(), 1e-9); // not (6/8 + 18/20) / 2
    assertEquals(5d / 10, f.get("fcr.rate").previous(), 1e-9);
    assertEquals(1d / 4, f.get("fcr.rate").lastYear(), 1e-9);
    assertEquals(9d / 12, f.get("sla.RESOLUTION").current(), 1e-9); // not (9/10 + 0/2) / 2
    assertEquals(1d, f.get("sla.FIRST_RESPONSE").current(), 1e-9);
    assertEquals(3d, f.get("sla.breached").current());
    assertEquals(3d, f.get("complaints.total").current());
    assertEquals(1d, f.get("complaints.total").previous());
    assertEquals(1d / 3, f.get("complaints.repeatShare").current(), 1e-9);
    assertEquals(0.5, f.get("complaints.regulatorOnTime").current(), 1e-9, "one of the two resolved was in time");
    assertEquals(2d, f.get("complaints.taxonomy/收费争议").current(), "a sub-type counts under its root");
    assertEquals(1d, f.get("complaints.taxonomy/服务态度").current());
    assertEquals(1d, f.get("complaints.rootCause/系统故障").current());
    assertEquals(2d, f.get("complaints.rootCause.none").current());
    assertEquals(3d, f.get("csat.visits").current());
    assertEquals(11d / 3, f.get("csat.mean").current(), 1e-9);
    assertEquals(3d, f.get("csat.mean").previous(), 1e-9);
    assertEquals(2d / 3, f.get("csat.satisfied").current(), 1e-9);
  }

  @Test
  void aBranchSubtreeSeesItsOwnRowsAndNoQueueFigures() throws SQLException {
    Map<String, KpiFigure> f = figures("/1/2/3/", Locale.SIMPLIFIED_CHINESE);
    assertEquals(40d, f.get("volume.tickets.total").current());
    assertFalse(f.containsKey("volume.branch/杭州分行"));
    assertFalse(f.containsKey("volume.contacts.VOICE"));
    assertNull(f.get("volume.contacts.total").current(), "queues are headquarters resources: n/a");
    assertNull(f.get("acd.serviceLevel").current());
    assertEquals(1d, f.get("complaints.total").current());
    assertEquals(1d, f.get("csat.visits").current());
    assertEquals(0.9, f.get("sla.RESOLUTION").current(), 1e-9);
  }

  /** The three periods are read as one bounded index range (lastYear.from .. current.to), not as a full scan. */
  @Test
  void theAggregatesAreReadThroughTheirDayAndIntervalIndexes() throws SQLException {
    String sql = ServiceQualityQuery.sql("NAME").replaceAll(":([a-zA-Z]+)", "?");
    try (Connection c = DriverManager.getConnection(url, "sa", "");
        PreparedStatement s = c.prepareStatement("EXPLAIN " + sql)) {
      for (int i = 1; i <= s.getParameterMetaData().getParameterCount(); i++) {
        s.setObject(i, null);
      }
      try (ResultSet rs = s.executeQuery()) {
        rs.next();
        String plan = rs.getString(1);
        // the high-volume aggregates by their day / interval index (complaints and visits are low-volume raw rows, ADR 0012)
        assertTrue(plan.contains("IX_TICKET_DAILY_STAT_DAY: STAT_DAY >=") && plan.contains("IX_SLA_DAILY_STAT_DAY: STAT_DAY >=")
            && plan.contains("IX_ACD_INTERVAL_STAT_START: INTERVAL_START"), plan);
        assertTrue(!plan.contains("TICKET_DAILY_STAT.tableScan") && !plan.contains("SLA_DAILY_STAT.tableScan")
            && !plan.contains("ACD_INTERVAL_STAT.tableScan"), "no full scan of an aggregate\n" + plan);
      }
    }
  }
}
