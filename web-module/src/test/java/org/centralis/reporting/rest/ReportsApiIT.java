package org.centralis.reporting.rest;

import static org.centralis.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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

/** A headquarters manager runs the branch league table on the demo data; the archived PDF agrees with SQL. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReportsApiIT {

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.centralisWar();
  }

  @ArquillianResource URL base;

  @Test
  void catalogTellsWhatIsAvailable() {
    Api.Reply catalog = new Api(base).get("hq1", "/api/reports");
    assertEquals(200, catalog.status(), catalog.body());
    assertEquals(6, catalog.parse().asJsonArray().size(), catalog.body());
    JsonObject branchComparison =
        catalog.parse().asJsonArray().getValuesAs(JsonObject.class).stream().filter(r -> r.getString("code").equals("branch-comparison")).findFirst().orElseThrow();
    assertTrue(branchComparison.getBoolean("available"));
    long available = catalog.parse().asJsonArray().getValuesAs(JsonObject.class).stream().filter(r -> r.getBoolean("available")).count();
    assertEquals(6, available, catalog.body()); // every report of issue 6 has its template and data source
  }

  @Test
  void branchComparisonPdfMatchesSqlAndEveryDownloadIsAudited() throws Exception {
    Api api = new Api(base);
    LocalDate to = LocalDate.now(CHINA);
    LocalDate from = to.minusDays(89);
    String body = "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"format\":\"PDF\"}";

    assertProblem(api.post("staff1", "/api/reports/branch-comparison/runs", body), 403, "forbidden");

    Api.Reply started = api.post("hq1", "/api/reports/branch-comparison/runs", body);
    assertEquals(202, started.status(), started.body());
    long id = started.json().getJsonNumber("id").longValue();
    assertEquals("QUEUED", started.json().getString("status"));

    JsonObject run = awaitFinished(api, id);
    assertEquals("DONE", run.getString("status"), run.toString());
    assertEquals(100, run.getInt("progress"));
    assertEquals(64, run.getString("templateVersion").length());

    HttpResponse<byte[]> first = download("hq1", id);
    HttpResponse<byte[]> second = download("hq1", id);
    assertEquals(200, first.statusCode());
    // web.xml sets response-character-encoding, so the container appends "; charset=UTF-8" even to a PDF
    assertTrue(first.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf"), first.headers().toString());
    assertTrue(first.headers().firstValue("Content-Disposition").orElse("").contains("branch-comparison-" + id + ".pdf"));
    assertArrayEquals(first.body(), second.body(), "an archived run is re-read byte for byte");
    assertEquals(run.getString("fileSha256"), sha256(first.body()));
    assertEquals(run.getJsonNumber("fileSize").longValue(), first.body().length);

    String text;
    try (PDDocument pdf = PDDocument.load(first.body())) {
      text = new PDFTextStripper().getText(pdf);
    }
    assertTrue(text.contains("网点对比报表") && text.contains("合计"), text);
    Matcher total = Pattern.compile("合计\\s+([\\d,]+)\\s+([\\d,]+)").matcher(text);
    assertTrue(total.find(), text);
    Instant asOf = Instant.parse(run.getString("dataAsOf"));
    String hqPath = Db.scalar("SELECT B.PATH FROM BRANCH B JOIN STAFF S ON S.BRANCH_ID = B.ID WHERE S.LOGIN = 'hq1'");
    String expected =
        Db.scalar(
            "SELECT COUNT(*) FROM TICKET WHERE OWNING_BRANCH_PATH LIKE ? AND CREATED_AT >= ? AND CREATED_AT < ? AND CREATED_AT <= ?",
            hqPath + "%",
            from.atStartOfDay(CHINA).toOffsetDateTime(),
            to.plusDays(1).atStartOfDay(CHINA).toOffsetDateTime(),
            asOf.atOffset(ZoneOffset.UTC));
    assertNotEquals("0", expected, "the demo data has tickets in the last 90 days");
    assertEquals(expected, total.group(1).replace(",", ""), "total tickets logged\n" + text);
    String closed =
        Db.scalar(
            "SELECT COUNT(*) FROM TICKET WHERE OWNING_BRANCH_PATH LIKE ? AND CREATED_AT >= ? AND CREATED_AT < ? AND CREATED_AT <= ? AND STATUS = 'CLOSED'",
            hqPath + "%",
            from.atStartOfDay(CHINA).toOffsetDateTime(),
            to.plusDays(1).atStartOfDay(CHINA).toOffsetDateTime(),
            asOf.atOffset(ZoneOffset.UTC));
    assertEquals(closed, total.group(2).replace(",", ""), "total closed\n" + text);

    assertEquals("2", Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'REPORT_DOWNLOADED' AND TARGET_ID = ?", String.valueOf(id)));
    assertProblem(api.get("staff1", "/api/reports/runs/" + id), 403, "forbidden");
  }

  @Test
  void complaintAnalysisPdfMatchesSql() throws Exception {
    Api api = new Api(base);
    LocalDate to = LocalDate.now(CHINA);
    LocalDate from = to.minusDays(89);
    Api.Reply started =
        api.post("hq1", "/api/reports/complaint-analysis/runs", "{\"from\":\"" + from + "\",\"to\":\"" + to + "\",\"format\":\"PDF\"}");
    assertEquals(202, started.status(), started.body());
    JsonObject run = awaitFinished(api, started.json().getJsonNumber("id").longValue());
    assertEquals("DONE", run.getString("status"), run.toString());
    String text;
    try (PDDocument pdf = PDDocument.load(download("hq1", run.getJsonNumber("id").longValue()).body())) {
      text = new PDFTextStripper().getText(pdf);
    }
    assertTrue(text.contains("投诉分析报表") && text.contains("合计"), text);
    Matcher total = Pattern.compile("合计\\s+([\\d,]+)\\s+([\\d,]+)\\s+([\\d,]+)").matcher(text);
    assertTrue(total.find(), text);
    Instant asOf = Instant.parse(run.getString("dataAsOf"));
    Object[] window = {
      from.atStartOfDay(CHINA).toOffsetDateTime(), to.plusDays(1).atStartOfDay(CHINA).toOffsetDateTime(), asOf.atOffset(ZoneOffset.UTC)
    };
    String complaints = Db.scalar("SELECT COUNT(*) FROM COMPLAINT WHERE CREATED_AT >= ? AND CREATED_AT < ? AND CREATED_AT <= ?", window);
    assertNotEquals("0", complaints, "the demo data has complaints in the last 90 days");
    assertEquals(complaints, total.group(1).replace(",", ""), "total complaints\n" + text);
    assertEquals(
        Db.scalar("SELECT COUNT(*) FROM COMPLAINT WHERE CREATED_AT >= ? AND CREATED_AT < ? AND CREATED_AT <= ? AND SEVERITY = 'CRITICAL'", window),
        total.group(2).replace(",", ""), "critical\n" + text);
    assertEquals(
        Db.scalar("SELECT COUNT(*) FROM COMPLAINT WHERE CREATED_AT >= ? AND CREATED_AT < ? AND CREATED_AT <= ? AND REPEAT_COMPLAINT = 1", window),
        total.group(3).replace(",", ""), "repeats\n" + text);
  }

  @Test
  void theArchiveIsSearchedByReportPeriodAndBranch() throws Exception {
    Api api = new Api(base);
    String shanghai = Db.scalar("SELECT BRANCH_ID FROM STAFF WHERE LOGIN = 'ops-sh1'");
    long september = api.post("hq1", "/api/reports/branch-comparison/runs", "{\"from\":\"2026-09-01\",\"to\":\"2026-09-30\"}").json().getJsonNumber("id").longValue();
    long october = api.post("hq1", "/api/reports/branch-comparison/runs", "{\"from\":\"2026-10-01\",\"to\":\"2026-10-31\",\"branch\":" + shanghai + "}")
        .json().getJsonNumber("id").longValue();
    awaitFinished(api, september);
    awaitFinished(api, october);

    String list = "/api/reports/runs?report=branch-comparison&size=200";
    assertEquals(Set.of(september), archived(api, list + "&periodFrom=2026-09-10&periodTo=2026-09-20", september, october), "overlapping mid-September");
    assertEquals(Set.of(september, october), archived(api, list + "&periodFrom=2026-09-30&periodTo=2026-10-01", september, october), "both sides of a month end");
    assertEquals(Set.of(october), archived(api, list + "&periodFrom=2026-10-31", september, october), "from the last day of October on");
    assertEquals(Set.of(october), archived(api, list + "&branch=" + shanghai, september, october), "in the Shanghai subtree");
    assertEquals(Set.of(), archived(api, list + "&branch=" + shanghai + "&periodTo=2026-09-30", september, october));
    assertProblem(api.get("hq1", list + "&periodFrom=2026-13-01"), 400, "invalid-parameter");
    assertProblem(api.get("hq1", list + "&branch=abc"), 400, "invalid-parameter");
  }

  /** Which of the given runs the archive search lists. */
  private static Set<Long> archived(Api api, String search, long... runs) {
    Api.Reply reply = api.get("hq1", search);
    assertEquals(200, reply.status(), reply.body());
    Set<Long> listed = reply.json().getJsonArray("items").getValuesAs(JsonObject.class).stream().map(r -> r.getJsonNumber("id").longValue()).collect(Collectors.toSet());
    return Arrays.stream(runs).filter(listed::contains).boxed().collect(Collectors.toSet());
  }

  @Test
  void badRequestsAreProblems() {
    Api api = new Api(base);
    assertProblem(api.post("hq1", "/api/reports/branch-comparison/runs", "{\"from\":\"2026-13-01\",\"to\":\"2026-12-01\"}"), 400, "invalid-period");
    assertProblem(api.post("hq1", "/api/reports/branch-comparison/runs", "{\"from\":\"2026-12-01\",\"to\":\"2026-11-01\"}"), 400, "invalid-period");
    assertProblem(api.post("hq1", "/api/reports/branch-comparison/runs", "{\"from\":\"2026-11-01\",\"to\":\"2026-11-02\",\"format\":\"DOC\"}"), 400, "invalid-parameter");
    assertProblem(api.post("hq1", "/api/reports/no-such-report/runs", "{\"from\":\"2026-11-01\",\"to\":\"2026-11-02\"}"), 404, "not-found");
    assertProblem(api.get("hq1", "/api/reports/runs/999999999"), 404, "not-found");
  }

  private JsonObject awaitFinished(Api api, long id) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (System.nanoTime() < deadline) {
      Api.Reply status = api.get("hq1", "/api/reports/runs/" + id);
      assertEquals(200, status.status(), status.body());
      JsonObject run = status.json();
      String s = run.getString("status");
      if (s.equals("DONE") || s.equals("FAILED")) {
        return run;
      }
      Thread.sleep(250);
    }
    fail("run " + id + " did not finish");
    return null;
  }

  private HttpResponse<byte[]> download(String user, long id) {
    return new Api(base).download(user, "/api/reports/runs/" + id + "/file");
  }

  private static String sha256(byte[] bytes) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

}
