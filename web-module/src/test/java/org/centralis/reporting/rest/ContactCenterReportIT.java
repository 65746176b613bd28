package org.centralis.reporting.rest;

import static org.centralis.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.centralis.it.Api;
import org.centralis.it.Db;
import org.centralis.it.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Contacts driven through the CTI API (one answered and ended, one abandoned) reach the contact-center daily report once
 * the roll-up has folded their facts: the PDF's totals for the queue equal SQL over ACD_INTERVAL_STAT for today, the
 * XLSX carries the same figures, the text is Chinese; a bad queue and a scope without seats are problem+json.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ContactCenterReportIT {

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");
  /** COMPLAINT needs skill COMPLAINT ≥ 6: agent4, 8, …, 28 (AcdDemoData); agent4 takes the call, the others sign out. */
  private static final String QUEUE = "COMPLAINT";

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.centralisWar();
  }

  @ArquillianResource URL base;

  @Test
  void reportTotalsAgreeWithTheAggregatesAfterLiveContacts() throws Exception {
    Api api = new Api(base);
    for (int n = 8; n <= 28; n += 4) {
      state(api, "agent" + n, "LOGGED_OUT");
    }
    state(api, "agent4", "READY");
    String run = Long.toString(System.currentTimeMillis(), 36);
    String answered = "IT-CCR-" + run + "-A";
    String abandoned = "IT-CCR-" + run + "-B";

    assertEquals(202, api.post("cti", "/api/acd/contacts", contact(answered)).status());
    JsonObject seat = awaitOffer(api);
    Api.Reply accepted = api.post("agent4", "/api/acd/offers/" + seat.getJsonNumber("offerId").longValue() + "/accept", "");
    assertEquals(200, accepted.status(), accepted.body());
    Thread.sleep(1100); // a talk time of at least a second
    Api.Reply ended = api.post("cti", "/api/acd/contacts/" + answered + "/ended", "");
    assertEquals("ENDED", ended.json().getString("state"), ended.body());
    // agent4 is in wrap-up now: the second caller waits and hangs up
    assertEquals(202, api.post("cti", "/api/acd/contacts", contact(abandoned)).status());
    Api.Reply gone = api.post("cti", "/api/acd/contacts/" + abandoned + "/abandoned", "");
    assertEquals("ABANDONED", gone.json().getString("state"), gone.body());
    state(api, "agent4", "LOGGED_OUT");

    String queueId = Db.scalar("SELECT ID FROM ACD_QUEUE WHERE CODE = ?", QUEUE);
    awaitRolled(queueId);
    assertEquals("2", Db.scalar("SELECT COUNT(*) FROM ACD_INTERACTION WHERE EXTERNAL_ID IN (?, ?) AND STATE IN ('ENDED', 'ABANDONED')", answered, abandoned));

    LocalDate today = LocalDate.now(CHINA);
    String body = "{\"from\":\"" + today + "\",\"to\":\"" + today + "\",\"queue\":\"" + QUEUE + "\",\"format\":\"%s\"}";
    JsonObject pdfRun = runReport(api, body.formatted("PDF"));
    JsonObject xlsxRun = runReport(api, body.formatted("XLSX"));

    String text;
    try (PDDocument pdf = PDDocument.load(download(pdfRun))) {
      text = new PDFTextStripper().getText(pdf);
    }
    assertTrue(text.contains("呼叫中心日报") && text.contains("服务水平") && text.contains("投诉专线"), text);
    Matcher total = Pattern.compile("合计\\s+([\\d,]+)\\s+([\\d,]+)\\s+([\\d,]+)").matcher(text);
    assertTrue(total.find(), text);
    List<Long> pdfTotals = List.of(number(total.group(1)), number(total.group(2)), number(total.group(3)));

    Instant asOf = Instant.parse(pdfRun.getString("dataAsOf"));
    String[] sums = {"OFFERED", "ANSWERED", "ABANDONED"};
    List<Long> sqlTotals = new ArrayList<>();
    for (String column : sums) {
      sqlTotals.add(number(Db.scalar("SELECT COALESCE(SUM(" + column + "), 0) FROM ACD_INTERVAL_STAT WHERE QUEUE_ID = ?"
          + " AND INTERVAL_START >= ? AND INTERVAL_START < ? AND INTERVAL_START <= ?", Long.parseLong(queueId),
          today.atStartOfDay(CHINA).toOffsetDateTime(), today.plusDays(1).atStartOfDay(CHINA).toOffsetDateTime(), asOf.atOffset(ZoneOffset.UTC))));
    }
    assertEquals(sqlTotals, pdfTotals, "offered, answered, abandoned of " + QUEUE + " today\n" + text);
    assertTrue(pdfTotals.get(0) >= 2 && pdfTotals.get(1) >= 1 && pdfTotals.get(2) >= 1, "this test's two contacts count\n" + text);

    List<Double> xlsxTotals = numbersAfter(download(xlsxRun), "合计");
    assertTrue(xlsxTotals.size() >= 3, String.valueOf(xlsxTotals));
    assertEquals(pdfTotals, xlsxTotals.subList(0, 3).stream().map(Double::longValue).toList(), "the XLSX has the PDF's figures");
  }

  @Test
  void aBadQueueAndAScopeWithoutSeatsAreRefused() throws Exception {
    Api api = new Api(base);
    assertProblem(api.post("hq1", "/api/reports/contact-center-daily/runs", "{\"from\":\"2026-11-01\",\"to\":\"2026-11-01\",\"queue\":\"NO-SUCH\"}"),
        400, "invalid-parameter");
    String region = Db.scalar("SELECT ID FROM BRANCH WHERE CODE = 'R-EAST'");
    Api.Reply refused = api.post("hq1", "/api/reports/contact-center-daily/runs", "{\"from\":\"2026-11-01\",\"to\":\"2026-11-01\",\"branch\":" + region + "}");
    assertProblem(refused, 400, "no-contact-center");
    assertTrue(refused.body().contains("branch"), refused.body());
  }

  private static String contact(String externalId) {
    return "{\"externalId\":\"" + externalId + "\",\"channel\":\"VOICE\",\"queue\":\"" + QUEUE + "\",\"callerNumber\":\"13900139000\"}";
  }

  private static void state(Api api, String login, String state) {
    Api.Reply r = api.post("cti", "/api/acd/agents/" + login + "/state", "{\"state\":\"" + state + "\"}");
    assertEquals(200, r.status(), r.body());
  }

  private static JsonObject awaitOffer(Api api) throws InterruptedException {
    JsonObject seat = null;
    for (int i = 0; i < 300; i++) { // 30 s: a loaded CI machine routes slowly
      seat = api.get("agent4", "/api/acd/agents/agent4").json();
      if (seat.containsKey("offerId") && !seat.isNull("offerId")) {
        return seat;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("agent4 was never offered the contact: " + seat);
  }

  /** Waits (60 s at most) until no contact fact of the queue is pending: the aggregates hold every outcome so far. */
  private static void awaitRolled(String queueId) throws Exception {
    String pending = "SELECT COUNT(*) FROM REPORT_FACT_PENDING p JOIN ACD_INTERACTION i ON i.ID = p.REF_ID WHERE p.FACT = 'CONTACT' AND i.QUEUE_ID = ?";
    for (int i = 0; i < 240; i++) {
      if ("0".equals(Db.scalar(pending, Long.parseLong(queueId)))) {
        return;
      }
      Thread.sleep(250);
    }
    fail("contact facts of queue " + queueId + " still pending after 60 s");
  }

  private JsonObject runReport(Api api, String body) throws InterruptedException {
    Api.Reply started = api.post("hq1", "/api/reports/contact-center-daily/runs", body);
    assertEquals(202, started.status(), started.body());
    long id = started.json().getJsonNumber("id").longValue();
    for (int i = 0; i < 720; i++) {
      JsonObject run = api.get("hq1", "/api/reports/runs/" + id).json();
      if (run.getString("status").equals("DONE")) {
        return run;
      }
      assertTrue(!run.getString("status").equals("FAILED"), run.toString());
      Thread.sleep(250);
    }
    throw new AssertionError("run " + id + " did not finish");
  }

  private byte[] download(JsonObject run) {
    HttpResponse<byte[]> response = new Api(base).download("hq1", "/api/reports/runs/" + run.getJsonNumber("id").longValue() + "/file");
    assertEquals(200, response.statusCode());
    return response.body();
  }

  private static long number(String text) {
    return Long.parseLong(text.replace(",", "").trim());
  }

  /** The numeric cells of the first row that has a text cell {@code label}, after it, in column order. */
  private static List<Double> numbersAfter(byte[] xlsx, String label) throws Exception {
    try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
      for (var sheet : book) {
        for (Row r : sheet) {
          List<Double> numbers = new ArrayList<>();
          boolean found = false;
          for (Cell c : r) {
            if (c.getCellType() == CellType.STRING && c.getStringCellValue().trim().equals(label)) {
              found = true;
            } else if (found && c.getCellType() == CellType.NUMERIC) {
              numbers.add(c.getNumericCellValue());
            }
          }
          if (found) {
            return numbers;
          }
        }
      }
    }
    return List.of();
  }
}
