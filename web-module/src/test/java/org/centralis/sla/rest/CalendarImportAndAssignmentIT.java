package org.centralis.sla.rest;

import static org.centralis.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest;
import org.centralis.it.Api;
import org.centralis.it.Db;
import org.centralis.it.Deployments;
import org.centralis.it.Fixtures;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Holiday dates imported from an iCalendar feed, and the calendar of a branch: read, assign, remove, with the open clocks following. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CalendarImportAndAssignmentIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.centralisWar();
  }

  @ArquillianResource URL base;

  /** 国庆节 2026 (7 days, DTEND exclusive) with a folded SUMMARY, and 元旦 without DTEND; CRLF line ends. */
  static final String FEED = String.join("\r\n",
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//IT//CN holidays//ZH",
      "BEGIN:VEVENT", "UID:gq-2026@it", "DTSTART;VALUE=DATE:20261001", "DTEND;VALUE=DATE:20261008", "SUMMARY:国庆节", " （放假）", "END:VEVENT",
      "BEGIN:VEVENT", "UID:yd-2026@it", "DTSTART;VALUE=DATE:20260101", "SUMMARY:元旦", "END:VEVENT",
      "END:VCALENDAR", "");

  @Test
  void anAdministratorImportsHolidayDatesOnceAndAMalformedFeedNamesItsLine() throws Exception {
    Api api = new Api(base);
    String code = CalendarsApiIT.newCode();
    Api.Reply created = api.put("admin1", "/api/calendars/" + code, CalendarsApiIT.definition("17:30"));
    assertEquals(201, created.status(), created.body());
    String audits = "SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'CALENDAR_CHANGED' AND TARGET_ID = ?";

    Api.Reply first = ical(api, "admin1", code, FEED);
    assertEquals(200, first.status(), first.body());
    assertEquals(8, first.json().getInt("added"), first.body());
    assertEquals(0, first.json().getInt("alreadyPresent"));
    Api.Reply again = ical(api, "admin1", code, FEED);
    assertEquals(0, again.json().getInt("added"), again.body());
    assertEquals(8, again.json().getInt("alreadyPresent"));
    assertEquals("9", Db.scalar("SELECT COUNT(*) FROM CALENDAR_HOLIDAY_DATE h JOIN BUSINESS_CALENDAR c ON c.ID = h.CALENDAR_ID WHERE c.CODE = ?", code), "8 imported + 2026-02-16 kept");
    assertEquals("2", Db.scalar(audits, code), "the create and the first import; the second changed nothing");
    // The calendar works Mondays and Tuesdays: without the import, Monday 2026-10-05 would be open.
    assertEquals("2026-10-12T09:01:00+08:00", api.get("agent1", "/api/calendars/" + code + "/deadline?start=2026-09-30T16:00:00Z&seconds=60").json().getString("deadline"));

    Api.Reply malformed = ical(api, "admin1", code, FEED.replace("DTEND;VALUE=DATE:20261008", "DTEND;VALUE=DATE:2026-10-08"));
    assertProblem(malformed, 400, "invalid-ical");
    assertTrue(malformed.json().getString("detail").startsWith("line 7:"), malformed.body());
    assertProblem(ical(api, "admin1", "NO-SUCH-CAL", FEED), 404, "not-found");
    assertProblem(ical(api, "hq1", code, FEED), 403, "forbidden");
    assertEquals("2", Db.scalar(audits, code));
  }

  @Test
  void aBranchCalendarIsAssignedAndRemovedAndTheOpenClocksOfTheSubtreeFollow() throws Exception {
    Api api = new Api(base);
    Api.Reply logged = api.post("staff1", "/api/tickets", Fixtures.complaint(Fixtures.customerOf("staff1"), "SLA：网点日历"));
    assertEquals(201, logged.status(), logged.body());
    String number = logged.json().getString("number");
    String clockCalendar = "SELECT MIN(c.CALENDAR_CODE) FROM SLA_CLOCK c JOIN SLA_POLICY p ON p.ID = c.POLICY_ID WHERE c.TICKET_NO = ? AND p.CALENDAR_CODE IS NULL AND c.STOPPED_AT IS NULL";
    String path = null;
    for (int i = 0; i < 100 && path == null; i++) {
      path = Db.scalar("SELECT MIN(BRANCH_PATH) FROM SLA_CLOCK WHERE TICKET_NO = ?", number);
      Thread.sleep(path == null ? 100 : 0);
    }
    assertNotNull(path, "the ticket's clocks started");
    String[] ids = path.split("/");
    long branch = Long.parseLong(ids[ids.length - 1]);
    assertEquals("CN-BANK-2026", Db.scalar(clockCalendar, number), "inherited from HQ");

    JsonObject inherited = api.get("staff1", "/api/branches/" + branch + "/calendar").json();
    assertEquals("CN-BANK-2026", inherited.getString("calendar"), inherited.toString());
    assertEquals("INHERITED", inherited.getString("source"));
    assertEquals("HQ", inherited.getString("fromBranchCode"));
    assertProblem(api.put("staff1", "/api/branches/" + branch + "/calendar", "{\"calendar\":\"7x24\"}"), 403, "forbidden");
    assertProblem(api.put("admin1", "/api/branches/" + branch + "/calendar", "{\"calendar\":\"NO-SUCH\"}"), 400, "unknown-calendar");
    assertProblem(api.put("admin1", "/api/branches/999999/calendar", "{\"calendar\":\"7x24\"}"), 404, "not-found");
    assertProblem(api.get("staff2", "/api/branches/" + branch + "/calendar"), 404, "not-found");

    String audits = "SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'BRANCH_CALENDAR_CHANGED' AND TARGET_ID = ?";
    int before = Integer.parseInt(Db.scalar(audits, String.valueOf(branch)));
    try {
      Api.Reply assigned = api.put("admin1", "/api/branches/" + branch + "/calendar", "{\"calendar\":\"7x24\"}");
      assertEquals(200, assigned.status(), assigned.body());
      assertEquals("ASSIGNED", assigned.json().getJsonObject("branch").getString("source"));
      assertTrue(assigned.json().getInt("recomputedClocks") >= 1, assigned.body());
      assertEquals("7x24", Db.scalar(clockCalendar, number), "the open clock moved to the branch's new calendar");
    } finally {
      Api.Reply removed = api.send("admin1", Api.PASSWORD, HttpRequest.newBuilder(api.uri("/api/branches/" + branch + "/calendar")).DELETE());
      assertEquals(200, removed.status(), removed.body());
      assertEquals("INHERITED", removed.json().getJsonObject("branch").getString("source"));
    }
    assertEquals("CN-BANK-2026", Db.scalar(clockCalendar, number), "back on the inherited calendar");
    assertEquals(before + 2, Integer.parseInt(Db.scalar(audits, String.valueOf(branch))));
  }

  private static Api.Reply ical(Api api, String user, String code, String body) {
    return api.send(user, Api.PASSWORD, HttpRequest.newBuilder(api.uri("/api/calendars/" + code + "/holidays/ical"))
        .header("Content-Type", "text/calendar; charset=utf-8").POST(HttpRequest.BodyPublishers.ofString(body)));
  }
}
