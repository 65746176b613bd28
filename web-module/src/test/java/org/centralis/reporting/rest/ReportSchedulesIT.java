package org.centralis.reporting.rest;

import static org.centralis.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import jakarta.json.JsonObject;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import java.net.URL;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.concurrent.Callable;
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
}
