package org.centralis.reporting.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.centralis.it.Api;
import org.centralis.it.Db;
import org.centralis.it.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The SLA breach report on the deployed application: tickets logged through the API whose clocks breach (a policy of a
 * few seconds on the 7x24 calendar, matching only card-statement inquiries of low priority from the web, which no other
 * test logs), rolled up by the fact roll-up, then reported as PDF and XLSX. The PDF's totals per target equal SQL over
 * SLA_DAILY_STAT for the same days, the breached list names the tickets, the XLSX has the PDF's figures, and a
 * supervisor of the Shanghai city branch sees only Shanghai's breaches.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SlaBreachReportIT {

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  private static final long POLICY = 931;
  private static final String MANAGER = "sla-mgr-sh";
  private static final String TICKET = "{\"type\":\"INQUIRY\",\"categoryId\":4,\"priority\":\"LOW\",\"channel\":\"WEB\",\"subject\":\"%s\"}";
  private static final String[] TARGETS = {"首次响应", "解决"};

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.centralisWar();
  }

  @ArquillianResource URL base;

  @BeforeAll
  static void policyAndManager() throws Exception {
    if (Db.scalar("SELECT ID FROM SLA_POLICY WHERE ID = ?", POLICY) == null) {
      Db.update(
          "INSERT INTO SLA_POLICY (ID, NAME, CATEGORY_ID, PRIORITY, CHANNEL, FIRST_RESPONSE_SECONDS, RESOLUTION_SECONDS, WARN_PERCENTS, CALENDAR_CODE)"
              + " VALUES (?, 'IT breach report', 4, 'LOW', 'WEB', 1, 2, '50', '7x24')",
          POLICY);
    }
    if (Db.scalar("SELECT ID FROM STAFF WHERE LOGIN = ?", MANAGER) == null) {
      // a supervisor at the Shanghai city branch, with the demo password (copied from a Shanghai operations clerk)
      Db.update(
          "INSERT INTO STAFF (ID, LOGIN, FULL_NAME, BRANCH_ID, LOCALE, PASSWORD_HASH, ACTIVE, FAILED_LOGINS, CREATED_AT, VERSION)"
              + " SELECT STAFF_SEQ.NEXTVAL, ?, '上海分行时限主管', BRANCH_ID, 'zh_CN', PASSWORD_HASH, 1, 0, CURRENT_TIMESTAMP, 0 FROM STAFF WHERE LOGIN = 'ops-sh1'",
          MANAGER);
      Db.update("INSERT INTO STAFF_ROLE (STAFF_ID, ROLE_NAME) SELECT ID, 'SUPERVISOR' FROM STAFF WHERE LOGIN = ?", MANAGER);
    }
  }

  @Test
  void breachesAreRolledUpAndTheReportAgreesWithSqlInPdfAndXlsxWithinTheReadersScope() throws Exception {
    Api api = new Api(base);
    String shanghai1 = log(api, "staff1", "账单查询超时一");
    String shanghai2 = log(api, "staff1", "账单查询超时二");
    String beijing = log(api, "staff2", "账单查询超时三");
    List<String> ids = new ArrayList<>();
    for (String number : List.of(shanghai1, shanghai2, beijing)) {
      ids.add(Db.scalar("SELECT ID FROM TICKET WHERE TICKET_NO = ?", number));
      await("both clocks of " + number + " breach",
          () -> "2".equals(Db.scalar("SELECT COUNT(*) FROM SLA_CLOCK WHERE TICKET_NO = ? AND STATE = 'BREACHED'", number)));
    }
    // the facts of these tickets are rolled; then no TICKET fact at all is pending, so SQL and report read the same sums
    for (String id : ids) {
      await("the facts of ticket " + id + " are rolled up",
          () -> "0".equals(Db.scalar("SELECT COUNT(*) FROM REPORT_FACT_PENDING WHERE FACT = 'TICKET' AND REF_ID = ?", Long.valueOf(id))));
    }
    await("no ticket fact is pending", () -> "0".equals(Db.scalar("SELECT COUNT(*) FROM REPORT_FACT_PENDING WHERE FACT = 'TICKET'")));

    LocalDate to = LocalDate.now(CHINA);
    LocalDate from = to.minusDays(89);
    String period = "\"from\":\"" + from + "\",\"to\":\"" + to + "\"";
    String hqPath = Db.scalar("SELECT B.PATH FROM BRANCH B JOIN STAFF S ON S.BRANCH_ID = B.ID WHERE S.LOGIN = 'hq1'");
    String shanghaiPath = Db.scalar("SELECT B.PATH FROM BRANCH B JOIN STAFF S ON S.BRANCH_ID = B.ID WHERE S.LOGIN = ?", MANAGER);

    String hqText = pdfText(run(api, "hq1", "{" + period + ",\"format\":\"PDF\"}"));
    assertTrue(hqText.contains("SLA超时报表") && hqText.contains("超时工单清单"), hqText);
    long[][] hqTotals = totals(hqText);
    for (int m = 0; m < TARGETS.length; m++) {
      String metric = m == 0 ? "FIRST_RESPONSE" : "RESOLUTION";
      assertEquals(sql("MET", metric, hqPath, from, to), hqTotals[m][0], TARGETS[m] + " met\n" + hqText);
      assertEquals(sql("BREACHED", metric, hqPath, from, to), hqTotals[m][1], TARGETS[m] + " breached\n" + hqText);
      assertTrue(hqTotals[m][1] >= 3, "at least this test's three tickets breached " + TARGETS[m]);
    }
    assertTrue(hqText.contains(shanghai1) && hqText.contains(shanghai2) && hqText.contains(beijing), hqText);

    long[][] xlsxTotals = xlsxTotals(run(api, "hq1", "{" + period + ",\"format\":\"XLSX\"}"));
    for (int m = 0; m < TARGETS.length; m++) {
      assertEquals(hqTotals[m][0], xlsxTotals[m][0], TARGETS[m] + " met: XLSX as PDF");
      assertEquals(hqTotals[m][1], xlsxTotals[m][1], TARGETS[m] + " breached: XLSX as PDF");
    }

    String managerText = pdfText(run(api, MANAGER, "{" + period + ",\"format\":\"PDF\"}"));
    assertTrue(managerText.contains(shanghai1) && managerText.contains(shanghai2), managerText);
    assertFalse(managerText.contains(beijing), "Beijing's ticket is outside the Shanghai supervisor's subtree\n" + managerText);
    assertFalse(managerText.contains("北京"), managerText);
    long[][] managerTotals = totals(managerText);
    for (int m = 0; m < TARGETS.length; m++) {
      String metric = m == 0 ? "FIRST_RESPONSE" : "RESOLUTION";
      assertEquals(sql("BREACHED", metric, shanghaiPath, from, to), managerTotals[m][1], TARGETS[m] + " breached in Shanghai\n" + managerText);
      assertTrue(managerTotals[m][1] < hqTotals[m][1], "Shanghai is a part of the whole");
    }
  }

  private static String log(Api api, String user, String subject) {
    Api.Reply created = api.post(user, "/api/tickets", TICKET.formatted(subject));
    assertEquals(201, created.status(), created.body());
    return created.json().getString("number");
  }

  private static long sql(String column, String metric, String path, LocalDate from, LocalDate to) throws Exception {
    return Long.parseLong(Db.scalar(
        "SELECT COALESCE(SUM(" + column + "), 0) FROM SLA_DAILY_STAT WHERE METRIC = ? AND BRANCH_PATH LIKE ? AND STAT_DAY >= ? AND STAT_DAY <= ?",
        metric, path + "%", from, to));
  }

  /** Met and breached of the totals rows per target, first response first. */
  private static long[][] totals(String text) {
    long[][] totals = new long[TARGETS.length][];
    for (int m = 0; m < TARGETS.length; m++) {
      Matcher total = Pattern.compile("合计 · " + TARGETS[m] + "\\s+([\\d,]+)\\s+([\\d,]+)").matcher(text);
      assertTrue(total.find(), TARGETS[m] + "\n" + text);
      totals[m] = new long[] {Long.parseLong(total.group(1).replace(",", "")), Long.parseLong(total.group(2).replace(",", ""))};
    }
    return totals;
  }

  private static long[][] xlsxTotals(byte[] xlsx) throws Exception {
    long[][] totals = new long[TARGETS.length][];
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      for (Sheet sheet : book) {
        for (Row row : sheet) {
          List<Cell> cells = new ArrayList<>();
          row.forEach(c -> {
            if (c.getCellType() != CellType.BLANK && !c.toString().isEmpty()) {
              cells.add(c);
            }
          });
          for (int m = 0; m < TARGETS.length; m++) {
            if (!cells.isEmpty() && cells.get(0).getCellType() == CellType.STRING && cells.get(0).getStringCellValue().equals("合计 · " + TARGETS[m])) {
              totals[m] = new long[] {(long) cells.get(1).getNumericCellValue(), (long) cells.get(2).getNumericCellValue()};
            }
          }
        }
      }
    }
    for (long[] t : totals) {
      assertTrue(t != null, "a totals row per target in the XLSX");
    }
    return totals;
  }

  private byte[] run(Api api, String user, String body) throws Exception {
    Api.Reply started = api.post(user, "/api/reports/sla-breaches/runs", body);
    assertEquals(202, started.status(), started.body());
    long id = started.json().getJsonNumber("id").longValue();
    JsonObject[] run = new JsonObject[1];
    await("report run " + id + " finishes", () -> {
      run[0] = api.get(user, "/api/reports/runs/" + id).json();
      return run[0].getString("status").equals("DONE") || run[0].getString("status").equals("FAILED");
    });
    assertEquals("DONE", run[0].getString("status"), run[0].toString());
    HttpResponse<byte[]> file = api.download(user, "/api/reports/runs/" + id + "/file");
    assertEquals(200, file.statusCode());
    return file.body();
  }

  private static String pdfText(byte[] pdf) throws Exception {
    try (PDDocument doc = PDDocument.load(pdf)) {
      return new PDFTextStripper().getText(doc).replaceAll("[ \\t]+", " ");
    }
  }

  private interface Condition {
    boolean holds() throws Exception;
  }

  private static void await(String what, Condition condition) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.holds()) {
        return;
      }
      Thread.sleep(250);
    }
    fail(what + ": not within 90 s");
  }
}
