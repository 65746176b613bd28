package org.centralis.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.centralis.acd.domain.ServiceLevelFormula;
import org.centralis.it.Api;
import org.centralis.it.Browser;
import org.centralis.it.Db;
import org.centralis.it.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The monthly service-quality report for the current month, run by hq1 as PDF and XLSX: its figures equal SQL over the
 * same aggregates and raw rows for the same period and scope, the XLSX carries the PDF's figures, Chinese renders; the
 * HQ dashboard shows the same numbers. Adds its own deltas to the aggregates (this month, a category that does not
 * exist) so the figures are not all zero before the rollers land, and takes them back afterwards.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ServiceQualityReportIT {

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final LocalDate TODAY = LocalDate.now(CHINA);
  private static final LocalDate FROM = TODAY.withDayOfMonth(1);
  private static final LocalDate TO = FROM.plusMonths(1).minusDays(1);
  private static final long NO_CATEGORY = -7_311L;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.centralisWar();
  }

  @ArquillianResource URL base;

  private static String hqPath;
  private static String branchId;
  private static String branchPath;
  private static String queueId;
  private static OffsetDateTime interval;

  @BeforeAll
  static void addDeltas() throws Exception {
    hqPath = Db.scalar("SELECT B.PATH FROM BRANCH B JOIN STAFF S ON S.BRANCH_ID = B.ID WHERE S.LOGIN = 'hq1'");
    branchId = Db.scalar("SELECT MIN(ID) FROM BRANCH WHERE KIND = 'BRANCH'");
    branchPath = Db.scalar("SELECT PATH FROM BRANCH WHERE ID = ?", Long.valueOf(branchId));
    queueId = Db.scalar("SELECT MIN(ID) FROM ACD_QUEUE");
    interval = FROM.atStartOfDay(CHINA).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
    deltas(1);
  }

  @AfterAll
  static void takeDeltasBack() throws Exception {
    deltas(-1);
  }

  /** Adds (sign 1) or removes (-1) this test's counts; rows are keyed so that the rollers never write the ticket/SLA ones. */
  private static void deltas(int sign) throws Exception {
    if (Db.update("UPDATE TICKET_DAILY_STAT SET LOGGED = LOGGED + ?, CLOSED = CLOSED + ?, CLOSED_FIRST_CONTACT = CLOSED_FIRST_CONTACT + ?"
        + " WHERE BRANCH_ID = ? AND STAT_DAY = ? AND CATEGORY_ID = ? AND TICKET_TYPE = 'INQUIRY' AND CHANNEL = 'PHONE'",
        7 * sign, 4 * sign, 3 * sign, Long.valueOf(branchId), FROM, NO_CATEGORY) == 0) {
      Db.update("INSERT INTO TICKET_DAILY_STAT (BRANCH_ID, STAT_DAY, CATEGORY_ID, TICKET_TYPE, CHANNEL, BRANCH_PATH, LOGGED, CLOSED,"
          + " CLOSED_FIRST_CONTACT) VALUES (?, ?, ?, 'INQUIRY', 'PHONE', ?, 7, 4, 3)", Long.valueOf(branchId), FROM, NO_CATEGORY, branchPath);
    }
    if (Db.update("UPDATE SLA_DAILY_STAT SET MET = MET + ?, BREACHED = BREACHED + ? WHERE BRANCH_ID = ? AND STAT_DAY = ? AND CATEGORY_ID = ?"
        + " AND METRIC = 'RESOLUTION'", 3 * sign, sign, Long.valueOf(branchId), FROM, NO_CATEGORY) == 0) {
      Db.update("INSERT INTO SLA_DAILY_STAT (BRANCH_ID, STAT_DAY, CATEGORY_ID, METRIC, BRANCH_PATH, MET, BREACHED) VALUES (?, ?, ?, 'RESOLUTION', ?, 3, 1)",
          Long.valueOf(branchId), FROM, NO_CATEGORY, branchPath);
    }
    // the queue's first interval of the month: a contact rolled up there meanwhile adds to the same row, so add / subtract
    if (Db.update("UPDATE ACD_INTERVAL_STAT SET OFFERED = OFFERED + ?, ANSWERED = ANSWERED + ?, ANSWERED_WITHIN = ANSWERED_WITHIN + ?,"
        + " ABANDONED = ABANDONED + ?, ABANDONED_WITHIN = ABANDONED_WITHIN + ?, ANSWER_WAIT_SECONDS = ANSWER_WAIT_SECONDS + ?,"
        + " TALK_SECONDS = TALK_SECONDS + ? WHERE QUEUE_ID = ? AND INTERVAL_START = ? AND CHANNEL = 'VOICE'",
        10 * sign, 8 * sign, 6 * sign, 2 * sign, sign, 80 * sign, 800 * sign, Long.valueOf(queueId), interval) == 0) {
      Db.update("INSERT INTO ACD_INTERVAL_STAT (QUEUE_ID, INTERVAL_START, CHANNEL, OFFERED, ANSWERED, ANSWERED_WITHIN, ABANDONED,"
          + " ABANDONED_WITHIN, ANSWER_WAIT_SECONDS, TALK_SECONDS) VALUES (?, ?, 'VOICE', 10, 8, 6, 2, 1, 80, 800)", Long.valueOf(queueId), interval);
    }
  }

  /** Waits until the roll-up has folded every pending fact, so the report and the SQL below read the same aggregates. */
  private static void awaitRolledUp() throws Exception {
    for (int i = 0; i < 100; i++) {
      if ("0".equals(Db.scalar("SELECT COUNT(*) FROM REPORT_FACT_PENDING"))) {
        return;
      }
      Thread.sleep(200);
    }
  }

  /** The figures as the report computes them, by SQL written here over the same tables, period and scope. */
  private static Map<String, String> expected(Instant asOf) throws Exception {
    Object start = FROM.atStartOfDay(CHINA).toOffsetDateTime();
    Object end = TO.plusDays(1).atStartOfDay(CHINA).toOffsetDateTime();
    Object scope = hqPath + "%";
    Object at = asOf.atOffset(ZoneOffset.UTC);
    Map<String, String> e = new HashMap<>();
    e.put("工单受理量合计", count(Db.scalar("SELECT COALESCE(SUM(LOGGED), 0) FROM TICKET_DAILY_STAT WHERE BRANCH_PATH LIKE ? AND STAT_DAY BETWEEN ? AND ?",
        scope, FROM, TO)));
    e.put("呼入量合计", count(Db.scalar("SELECT COALESCE(SUM(OFFERED), 0) FROM ACD_INTERVAL_STAT WHERE INTERVAL_START >= ? AND INTERVAL_START < ?", start, end)));
    long within = Long.parseLong(Db.scalar("SELECT SUM(ANSWERED_WITHIN) FROM ACD_INTERVAL_STAT WHERE INTERVAL_START >= ? AND INTERVAL_START < ?", start, end));
    long quick = Long.parseLong(Db.scalar("SELECT SUM(ABANDONED_WITHIN) FROM ACD_INTERVAL_STAT WHERE INTERVAL_START >= ? AND INTERVAL_START < ?", start, end));
    long outcomes = Long.parseLong(Db.scalar("SELECT SUM(ANSWERED + ABANDONED) FROM ACD_INTERVAL_STAT WHERE INTERVAL_START >= ? AND INTERVAL_START < ?", start, end));
    e.put("服务水平", percent(ServiceLevelFormula.ABANDONS_EXCLUDED.of(within, quick, outcomes)));
    double fcr = Double.parseDouble(Db.scalar("SELECT SUM(CLOSED_FIRST_CONTACT) FROM TICKET_DAILY_STAT WHERE BRANCH_PATH LIKE ? AND STAT_DAY BETWEEN ? AND ?",
        scope, FROM, TO)) / Double.parseDouble(Db.scalar("SELECT SUM(CLOSED) FROM TICKET_DAILY_STAT WHERE BRANCH_PATH LIKE ? AND STAT_DAY BETWEEN ? AND ?",
        scope, FROM, TO));
    e.put("一次解决率", percent(fcr));
    double met = Double.parseDouble(Db.scalar("SELECT SUM(MET) FROM SLA_DAILY_STAT WHERE BRANCH_PATH LIKE ? AND STAT_DAY BETWEEN ? AND ? AND METRIC = 'RESOLUTION'",
        scope, FROM, TO));
    double all = Double.parseDouble(Db.scalar("SELECT SUM(MET + BREACHED) FROM SLA_DAILY_STAT WHERE BRANCH_PATH LIKE ? AND STAT_DAY BETWEEN ? AND ?"
        + " AND METRIC = 'RESOLUTION'", scope, FROM, TO));
    e.put("解决时限达标率", percent(met / all));
    e.put("投诉量", count(Db.scalar("SELECT COUNT(*) FROM COMPLAINT WHERE OWNING_BRANCH_PATH LIKE ? AND CREATED_AT >= ? AND CREATED_AT < ? AND CREATED_AT <= ?",
        scope, start, end, at)));
    e.put("回访成功量", count(Db.scalar("SELECT COUNT(*) FROM RETURN_VISIT WHERE OWNING_BRANCH_PATH LIKE ? AND STATUS = 'COMPLETED' AND CSAT IS NOT NULL"
        + " AND COMPLETED_AT >= ? AND COMPLETED_AT < ? AND COMPLETED_AT <= ?", scope, start, end, at)));
    return e;
  }

  private static String count(String n) {
    return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.SIMPLIFIED_CHINESE)).format(Long.parseLong(n));
  }

  private static String percent(double v) {
    return new DecimalFormat("0.0%", DecimalFormatSymbols.getInstance(Locale.SIMPLIFIED_CHINESE)).format(v);
  }

  /** The current-period figure of each line of the PDF that starts with a label ("label value previous change ..."). */
  private static Map<String, String> pdfFigures(String text, Iterable<String> labels) {
    Map<String, String> found = new HashMap<>();
    for (String label : labels) {
      Matcher m = Pattern.compile("(?m)^" + Pattern.quote(label) + " (\\S+)").matcher(text);
      if (m.find()) {
        found.put(label, m.group(1));
      }
    }
    return found;
  }

  @Test
  void pdfAgreesWithSqlAndTheXlsxWithThePdf() throws Exception {
    awaitRolledUp();
    Api api = new Api(base);
    long pdfRun = run(api, "PDF");
    JsonObject run = awaitFinished(api, pdfRun);
    String text;
    try (PDDocument pdf = PDDocument.load(download(pdfRun))) {
      text = new PDFTextStripper().getText(pdf);
    }
    assertTrue(text.contains("服务质量月报") && text.contains("一、业务量") && text.contains("二、呼叫中心") && text.contains("五、投诉"), text);
    Map<String, String> expected = expected(Instant.parse(run.getString("dataAsOf")));
    Map<String, String> shown = pdfFigures(text, expected.keySet());
    assertEquals(expected, shown, text);
    assertTrue(Long.parseLong(expected.get("工单受理量合计").replace(",", "")) >= 7, "this test's own tickets are in");

    long xlsxRun = run(api, "XLSX");
    assertEquals("DONE", awaitFinished(api, xlsxRun).getString("status"));
    Map<String, String> xlsx = new HashMap<>();
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(download(xlsxRun)))) {
      for (Row r : book.getSheetAt(0)) {
        String label = null;
        for (Cell c : r) {
          if (label == null && c.getCellType() == CellType.STRING && expected.containsKey(c.getStringCellValue())) {
            label = c.getStringCellValue();
          } else if (label != null && c.getCellType() == CellType.NUMERIC) {
            double v = c.getNumericCellValue();
            xlsx.putIfAbsent(label, shown.get(label).endsWith("%") ? percent(v) : count(String.valueOf(Math.round(v))));
          }
        }
      }
    }
    assertEquals(shown, xlsx, "the XLSX holds the PDF's figures as numbers");
  }

  @Test
  void dashboardShowsTheReportFigures(TestInfo info) throws Exception {
    awaitRolledUp();
    Map<String, String> expected = expected(Instant.now());
    try (Browser browser = Browser.open(base, info)) {
      browser.signIn("hq1");
      browser.driver().get(browser.base() + "/reports/dashboard.xhtml");
      browser.await().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#tile-volume-tickets-total .sqm-value")));
      assertEquals(12, browser.driver().findElements(By.cssSelector(".sqm-tile")).size());
      assertEquals(expected.get("工单受理量合计"), browser.driver().findElement(By.cssSelector("#tile-volume-tickets-total .sqm-value")).getText());
      assertEquals(expected.get("服务水平"), browser.driver().findElement(By.cssSelector("#tile-acd-serviceLevel .sqm-value")).getText());
      assertEquals(expected.get("一次解决率"), browser.driver().findElement(By.cssSelector("#tile-fcr-rate .sqm-value")).getText());
      assertTrue(browser.driver().findElement(By.cssSelector("#tile-volume-tickets-total .cz-kpi-label")).getText().contains("工单受理量"));
      assertTrue(browser.driver().findElements(By.cssSelector("canvas")).size() >= 2, "the charts are drawn");
      browser.screenshot("dashboard-zh");
      browser.driver().findElement(By.id("languageForm:en")).click();
      browser.await().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#tile-volume-tickets-total .cz-kpi-label"), "Tickets logged"));
      browser.screenshot("dashboard-en");
    }
  }

  private long run(Api api, String format) {
    Api.Reply started = api.post("hq1", "/api/reports/service-quality-monthly/runs",
        "{\"from\":\"" + FROM + "\",\"to\":\"" + TO + "\",\"format\":\"" + format + "\"}");
    assertEquals(202, started.status(), started.body());
    return started.json().getJsonNumber("id").longValue();
  }

  private static JsonObject awaitFinished(Api api, long id) throws InterruptedException {
    for (int i = 0; i < 150; i++) {
      JsonObject run = api.get("hq1", "/api/reports/runs/" + id).json();
      if (List.of("DONE", "FAILED").contains(run.getString("status"))) {
        assertEquals("DONE", run.getString("status"), run.toString());
        return run;
      }
      Thread.sleep(200);
    }
    return fail("run " + id + " did not finish");
  }

  private byte[] download(long id) {
    HttpResponse<byte[]> file = new Api(base).download("hq1", "/api/reports/runs/" + id + "/file");
    assertEquals(200, file.statusCode());
    return file.body();
  }
}
