package org.centralis.reporting.rest;

import jakarta.json.JsonObject;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.centralis.it.Api;
import org.centralis.it.Db;
import org.centralis.it.Deployments;
import org.centralis.it.ItRuntime;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.centralis.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Subscriptions: a schedule that is due fires once for its period, its run is archived once, delivered into the
 * recipients' inboxes and by e-mail (GreenMail in the test JVM), and a branch manager's schedule covers their subtree.
 * The race of two nodes sweeping together is ScheduleClaimsTest's (two transactions on the real schema).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ReportSchedulesIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.centralisWar();
  }

  @ArquillianResource URL base;

  @Test
  void aDueScheduleFiresOncePerPeriodAndIsDeliveredToInboxAndMail() throws Exception {
    Api api = new Api(base);
    Api.Reply created =
        api.post(
            "hq1", "/api/reports/schedules",
            "{\"name\":\"每月网点对比\",\"report\":\"branch-comparison\",\"cron\":\"0 7 1 * *\",\"period\":\"PREVIOUS_MONTH\",\"format\":\"PDF\","
                + "\"recipients\":[\"user:hq1\",\"role:HQ_MANAGER\"]}");
    assertEquals(201, created.status(), created.body());
    long id = created.json().getJsonNumber("id").longValue();
    OffsetDateTime next = OffsetDateTime.parse(created.json().getString("nextFireAt"));
    assertEquals(1, next.atZoneSameInstant(java.time.ZoneId.of("Asia/Shanghai")).getDayOfMonth(), created.body());

    // Make it due: as if the 1st of last month at 07:00 had come while the server was up.
    OffsetDateTime due = OffsetDateTime.parse("2026-11-01T07:00:00+08:00");
    Db.update("UPDATE REPORT_SCHEDULE SET NEXT_FIRE_AT = ? WHERE ID = ?", due.withOffsetSameInstant(ZoneOffset.UTC), id);
    String runId = await("the schedule fires", () -> Db.scalar("SELECT RUN_ID FROM REPORT_SCHEDULE_FIRING WHERE SCHEDULE_ID = ?", id));
    assertEquals("2026-10-01/2026-10-31", Db.scalar("SELECT PERIOD_KEY FROM REPORT_SCHEDULE_FIRING WHERE SCHEDULE_ID = ?", id));
    assertEquals("{\"from\":\"2026-10-01\",\"to\":\"2026-10-31\",\"locale\":\"zh_CN\"}", Db.scalar("SELECT PARAMETERS FROM REPORT_RUN WHERE ID = ?", Long.valueOf(runId)));
    await("the run is delivered", () -> Db.scalar("SELECT DELIVERED_AT FROM REPORT_SCHEDULE_FIRING WHERE SCHEDULE_ID = ?", id));
    assertEquals("DONE", Db.scalar("SELECT STATUS FROM REPORT_RUN WHERE ID = ?", Long.valueOf(runId)));
    OffsetDateTime moved = OffsetDateTime.parse(api.get("hq1", "/api/reports/schedules/" + id).json().getString("nextFireAt"));
    assertTrue(moved.toInstant().isAfter(due.toInstant()), "the next firing moved on: " + moved);

    // The same period again (an operator resets the schedule): no second run.
    Db.update("UPDATE REPORT_SCHEDULE SET NEXT_FIRE_AT = ? WHERE ID = ?", due.plusMinutes(1).withOffsetSameInstant(ZoneOffset.UTC), id);
    await("the sweeper passes again", () -> "0".equals(Db.scalar("SELECT COUNT(*) FROM REPORT_SCHEDULE WHERE ID = ? AND NEXT_FIRE_AT <= CURRENT_TIMESTAMP", id)) ? "yes" : null);
    assertEquals("1", Db.scalar("SELECT COUNT(*) FROM REPORT_SCHEDULE_FIRING WHERE SCHEDULE_ID = ?", id));
    assertEquals("1", Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'REPORT_RUN_SCHEDULED' AND TARGET_ID = ?", runId));
    assertEquals("1", Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'REPORT_DELIVERED' AND TARGET_ID = ?", runId));

    // hq1 is named twice (as a user and by role): one inbox item, one e-mail with the PDF attached.
    assertEquals("1", Db.scalar("SELECT COUNT(*) FROM REPORT_INBOX_ITEM WHERE RUN_ID = ? AND RECIPIENT_LOGIN = 'hq1'", Long.valueOf(runId)));
    JsonObject inbox = api.get("hq1", "/api/reports/inbox").json();
    JsonObject item =
        inbox.getJsonArray("items").getValuesAs(JsonObject.class).stream().filter(i -> i.getJsonNumber("runId").toString().equals(runId)).findFirst().orElseThrow();
    assertEquals("每月网点对比", item.getString("scheduleName"));
    assertEquals("hq1@bank.example", item.getString("emailedTo"), item.toString());
    assertFalse(item.containsKey("readAt"), "unread: " + item); // JSON-B leaves out null fields
    // found by recipient and subject, not by position: GreenMail lists messages mailbox by mailbox
    MimeMessage mail = Arrays.stream(ItRuntime.mail().getReceivedMessages())
        .filter(m -> Arrays.toString(unchecked(m::getAllRecipients)).contains("hq1@") && unchecked(m::getSubject).contains("每月网点对比"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no e-mail to hq1"));
    assertTrue(mail.getSubject().contains("每月网点对比") && mail.getSubject().contains("2026-10-01"), mail.getSubject());
    Multipart parts = (Multipart) mail.getContent();
    assertEquals(2, parts.getCount());
    assertEquals("branch-comparison-" + runId + ".pdf", parts.getBodyPart(1).getFileName());

    // Reading it from the inbox: marked read; the download is audited like any other.
    assertEquals(200, api.post("hq1", "/api/reports/inbox/" + item.getJsonNumber("id") + "/read", "").status());
    assertTrue(api.get("hq1", "/api/reports/inbox").json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .filter(i -> i.getJsonNumber("runId").toString().equals(runId)).findFirst().orElseThrow().containsKey("readAt"));
    assertEquals(200, api.get("hq1", "/api/reports/runs/" + runId + "/file").status());
    assertEquals("1", Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'REPORT_DOWNLOADED' AND TARGET_ID = ?", runId));

    // Cancelled: it fires no more.
    assertEquals(200, api.send("hq1", Api.PASSWORD, java.net.http.HttpRequest.newBuilder(api.uri("/api/reports/schedules/" + id)).DELETE()).status());
    assertEquals("0", Db.scalar("SELECT ACTIVE FROM REPORT_SCHEDULE WHERE ID = ?", id));
  }

  @Test
  void aBranchManagersScheduleCoversOnlyTheirSubtree() throws Exception {
    // A supervisor at the Shanghai city branch (same password as super1).
    String shanghai = Db.scalar("SELECT ID FROM BRANCH WHERE CODE = 'BR-SH'");
    String shanghaiPath = Db.scalar("SELECT PATH FROM BRANCH WHERE CODE = 'BR-SH'");
    if (Db.scalar("SELECT COUNT(*) FROM STAFF WHERE LOGIN = 'mgr-sh'").equals("0")) {
      Db.update(
          "INSERT INTO STAFF (ID, LOGIN, FULL_NAME, BRANCH_ID, EMAIL, LOCALE, PASSWORD_HASH, ACTIVE, FAILED_LOGINS, CREATED_AT, VERSION)"
              + " SELECT STAFF_SEQ.NEXTVAL, 'mgr-sh', '上海分行经理', ?, 'mgr-sh@bank.example', 'zh_CN', PASSWORD_HASH, 1, 0, CURRENT_TIMESTAMP, 0"
              + " FROM STAFF WHERE LOGIN = 'super1'",
          Long.valueOf(shanghai));
      Db.update("INSERT INTO STAFF_ROLE (STAFF_ID, ROLE_NAME) SELECT ID, 'SUPERVISOR' FROM STAFF WHERE LOGIN = 'mgr-sh'");
    }
    Api api = new Api(base);
    String body = "{\"name\":\"上海周报\",\"report\":\"branch-comparison\",\"cron\":\"30 7 * * 1\",\"period\":\"PREVIOUS_WEEK\",\"format\":\"HTML\",\"recipients\":[%s]}";
    // Nobody outside the subtree's readers may be named: staff1 cannot read reports; agent1 neither.
    assertProblem(api.post("mgr-sh", "/api/reports/schedules", body.formatted("\"user:staff1\"")), 400, "invalid-recipient");
    assertProblem(api.post("mgr-sh", "/api/reports/schedules", body.formatted("\"role:AGENT\"")), 400, "invalid-recipient");
    assertProblem(api.post("mgr-sh", "/api/reports/schedules", body.formatted("\"someone\"")), 400, "invalid-recipient");
    Api.Reply created = api.post("mgr-sh", "/api/reports/schedules", body.formatted("\"role:HQ_MANAGER\", \"user:mgr-sh\""));
    assertEquals(201, created.status(), created.body());
    assertEquals(shanghaiPath, created.json().getString("scopePath"));
    long id = created.json().getJsonNumber("id").longValue();

    Db.update("UPDATE REPORT_SCHEDULE SET NEXT_FIRE_AT = ? WHERE ID = ?", OffsetDateTime.parse("2026-11-23T07:30:00+08:00").withOffsetSameInstant(ZoneOffset.UTC), id);
    String runId = await("the schedule fires", () -> Db.scalar("SELECT RUN_ID FROM REPORT_SCHEDULE_FIRING WHERE SCHEDULE_ID = ?", id));
    await("the run is delivered", () -> Db.scalar("SELECT DELIVERED_AT FROM REPORT_SCHEDULE_FIRING WHERE SCHEDULE_ID = ?", id));
    assertEquals(shanghaiPath, Db.scalar("SELECT SCOPE_PATH FROM REPORT_RUN WHERE ID = ?", Long.valueOf(runId)));
    String html = api.get("mgr-sh", "/api/reports/runs/" + runId + "/file").body();
    assertTrue(html.contains("上海分行"), html.length() > 400 ? html.substring(0, 400) : html);
    assertFalse(html.contains("北京分行"), "Beijing is outside the Shanghai manager's subtree");
    // HQ managers oversee Shanghai and got it; the manager too; another city's staff did not.
    assertEquals("1", Db.scalar("SELECT COUNT(*) FROM REPORT_INBOX_ITEM WHERE RUN_ID = ? AND RECIPIENT_LOGIN = 'hq1'", Long.valueOf(runId)));
    assertEquals("1", Db.scalar("SELECT COUNT(*) FROM REPORT_INBOX_ITEM WHERE RUN_ID = ? AND RECIPIENT_LOGIN = 'mgr-sh'", Long.valueOf(runId)));
    // Headquarters' schedules lie outside the manager's subtree: not found, as any object outside one's scope.
    Api.Reply hqSchedule = api.post("hq1", "/api/reports/schedules", body.formatted("\"user:hq1\""));
    assertEquals(201, hqSchedule.status(), hqSchedule.body());
    assertProblem(api.get("mgr-sh", "/api/reports/schedules/" + hqSchedule.json().getJsonNumber("id")), 404, "not-found");
    assertFalse(api.get("mgr-sh", "/api/reports/schedules").body().contains("\"id\":" + hqSchedule.json().getJsonNumber("id") + ","));
    assertEquals(200, api.get("hq1", "/api/reports/schedules/" + id).status(), "HQ oversees Shanghai");
  }

  @Test
  void badSchedulesAreProblems() {
    Api api = new Api(base);
    String template = "{\"name\":\"x\",\"report\":\"%s\",\"cron\":\"%s\",\"period\":\"%s\"%s}";
    assertProblem(api.post("hq1", "/api/reports/schedules", template.formatted("branch-comparison", "0 25 * * *", "PREVIOUS_DAY", "")), 400, "invalid-cron");
    assertProblem(api.post("hq1", "/api/reports/schedules", template.formatted("branch-comparison", "0 7 30 2 *", "PREVIOUS_DAY", "")), 400, "invalid-cron");
    assertProblem(api.post("hq1", "/api/reports/schedules", template.formatted("branch-comparison", "0 7 * * *", "LAST_CENTURY", "")), 400, "invalid-period");
    assertProblem(api.post("hq1", "/api/reports/schedules", template.formatted("branch-comparison", "0 7 * * *", "PREVIOUS_DAY", ",\"calendar\":\"nope\"")), 400, "unknown-calendar");
    assertProblem(api.post("hq1", "/api/reports/schedules", template.formatted("branch-comparison", "0 7 * * *", "PREVIOUS_DAY", ",\"format\":\"DOC\"")), 400, "invalid-parameter");
    assertProblem(api.post("hq1", "/api/reports/schedules", template.formatted("no-such-report", "0 7 * * *", "PREVIOUS_DAY", "")), 404, "not-found");
    assertProblem(api.post("staff1", "/api/reports/schedules", template.formatted("branch-comparison", "0 7 * * *", "PREVIOUS_DAY", "")), 403, "forbidden");
    assertProblem(api.get("hq1", "/api/reports/schedules/999999999"), 404, "not-found");
    Api.Reply preview = api.get("hq1", "/api/reports/schedules/preview?cron=0+7+1+*+*&period=PREVIOUS_MONTH");
    assertEquals(200, preview.status(), preview.body());
    assertEquals(5, preview.parse().asJsonArray().size(), preview.body());
  }

  private interface Check<T> {
    T get() throws Exception;
  }

  private static <T> T unchecked(Check<T> c) {
    try {
      return c.get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** Polls until the value is there; the sweeper runs every 10 s and the report fills in a few seconds. */
  private static String await(String what, Callable<String> value) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
    while (System.nanoTime() < deadline) {
      String v = value.call();
      if (v != null) {
        return v;
      }
      Thread.sleep(500);
    }
    fail("timed out waiting until " + what);
    return null;
  }

  // ---- moved from ReportsApiIT: A headquarters manager runs the branch league table on the demo data; the archived PDF agrees with SQL.

  private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");



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
