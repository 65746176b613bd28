package org.centralis.sla.rest;

import static org.centralis.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.util.Locale;
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

/** The business-calendar API: who may change a calendar, the arithmetic's answers, bad input as problem+json. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CalendarsApiIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.centralisWar();
  }

  @ArquillianResource URL base;

  /** A fresh code per test, so the tests do not depend on each other or on earlier runs against the same database. */
  static String newCode() {
    return "IT-" + Long.toString(System.nanoTime(), 36).toUpperCase(Locale.ROOT);
  }

  static String definition(String mondayTo) {
    return """
        {"name": "集成测试网点", "timezone": "Asia/Shanghai",
         "weeklyHours": {"MONDAY": [{"from": "13:30", "to": "%s"}, {"from": "09:00", "to": "12:00"}],
                         "TUESDAY": [{"from": "09:00", "to": "17:00"}]},
         "holidays": {"recurring": ["10-01"], "dates": ["2026-02-16"]},
         "workdays": [{"date": "2026-02-14", "hours": [{"from": "09:00", "to": "12:00"}]}],
         "breaks": [{"date": "2026-03-02", "from": "10:00", "to": "11:00"}]}
        """
        .formatted(mondayTo);
  }

  @Test
  void anAdministratorCreatesAndReplacesACalendarWhichEveryoneReads() throws Exception {
    Api api = new Api(base);
    String code = newCode();
    int audited = count("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'CALENDAR_CHANGED' AND TARGET_ID = ?", code);

    Api.Reply created = put(api, "admin1", code, definition("17:30"));
    assertEquals(201, created.status(), created.body());
    JsonObject stored = created.json();
    assertEquals(code, stored.getString("code"));
    assertEquals("09:00", stored.getJsonObject("weeklyHours").getJsonArray("MONDAY").getJsonObject(0).getString("from"), "windows come back sorted");
    assertEquals("2026-02-14", stored.getJsonArray("workdays").getJsonObject(0).getString("date"));

    Api.Reply replaced = put(api, "admin1", code, definition("18:00"));
    assertEquals(200, replaced.status(), replaced.body());
    Api.Reply read = api.get("staff1", "/api/calendars/" + code);
    assertEquals(200, read.status(), read.body());
    assertEquals("18:00", read.json().getJsonObject("weeklyHours").getJsonArray("MONDAY").getJsonObject(1).getString("to"));
    assertEquals(2, count("SELECT COUNT(*) FROM CALENDAR_WEEKLY_WINDOW w JOIN BUSINESS_CALENDAR c ON c.ID = w.CALENDAR_ID WHERE c.CODE = ? AND w.DAY_OF_WEEK = 'MONDAY'", code));
    assertEquals(audited + 2, count("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'CALENDAR_CHANGED' AND TARGET_ID = ?", code));

    // Monday 2026-03-02 17:00 Shanghai + 1 h: the replaced Monday closes at 18:00 (before, 17:30 + 30 min on Tuesday).
    assertEquals("2026-03-02T18:00:00+08:00", api.get("agent1", "/api/calendars/" + code + "/deadline?start=2026-03-02T09:00:00Z&seconds=3600").json().getString("deadline"));
    assertTrue(api.get("audit1", "/api/calendars").body().contains(code));
  }

  @Test
  void onlyAnAdministratorMayChangeACalendar() throws Exception {
    Api api = new Api(base);
    String code = newCode();
    assertProblem(put(api, "staff1", code, definition("17:30")), 403, "forbidden");
    assertProblem(put(api, "hq1", "CN-BANK-2026", definition("17:30")), 403, "forbidden");
    assertEquals(0, count("SELECT COUNT(*) FROM BUSINESS_CALENDAR WHERE CODE = ?", code));
    assertProblem(api.get("admin1", "/api/calendars/" + code), 404, "not-found");
  }

  @Test
  void deadlinesAndWorkingTimeOnTheReferenceCalendars() {
    Api api = new Api(base);
    // Saturday 2026-02-14 is a make-up workday; 02-15 to 02-23 is the Spring Festival.
    Api.Reply deadline = api.get("staff1", "/api/calendars/CN-BANK-2026/deadline?start=2026-02-14T09:00:00Z&seconds=3600");
    assertEquals(200, deadline.status(), deadline.body());
    assertEquals("2026-02-24T09:30:00+08:00", deadline.json().getString("deadline"));
    // A deadline on a window's end stays there: Friday 2026-03-06 09:00 + 7 h is 17:30 that day.
    assertEquals("2026-03-06T17:30:00+08:00", api.get("agent1", "/api/calendars/CN-BANK-2026/deadline?start=2026-03-06T01:00:00Z&seconds=25200").json().getString("deadline"));
    Api.Reply worked = api.get("staff1", "/api/calendars/CN-BANK-2026/working-time?from=2026-02-12T16:00:00Z&to=2026-02-24T16:00:00Z");
    assertEquals(200, worked.status(), worked.body());
    assertEquals(3 * 25_200, worked.json().getJsonNumber("seconds").longValue(), "Friday, the make-up Saturday and Tuesday");
    assertEquals(0, api.get("cti", "/api/calendars/7x24/working-time?from=2026-02-12T16:00:00Z&to=2026-02-12T15:00:00Z").json().getInt("seconds"));
    assertEquals("2026-01-01T08:00:00+08:00", api.get("cti", "/api/calendars/7x24/deadline?start=2025-12-31T00:00:00Z&seconds=86400").json().getString("deadline"));
  }

  @Test
  void badInputIsAProblemNamingTheField() throws Exception {
    Api api = new Api(base);
    String code = newCode();
    assertField(put(api, "admin1", code, definition("17:30").replace("Asia/Shanghai", "Asia/Atlantis")), "invalid-timezone", "timezone");
    assertField(put(api, "admin1", code, definition("11:00")), "invalid-time-window", "weeklyHours.MONDAY[0]");
    assertField(put(api, "admin1", code, definition("17:30").replace("\"13:30\"", "\"11:30\"")), "overlapping-windows", "weeklyHours.MONDAY");
    assertField(put(api, "admin1", code, definition("17:30").replace("2026-02-16", "2026-02-30")), "invalid-date", "holidays.dates[0]");
    assertField(put(api, "admin1", code, definition("17:30").replace("\"10-01\"", "\"1 Oct\"")), "invalid-date", "holidays.recurring[0]");
    assertField(put(api, "admin1", code, definition("17:30").replace("\"to\": \"11:00\"", "\"to\": \"09:30\"")), "invalid-time-window", "breaks[0]");
    assertField(put(api, "admin1", "no spaces", definition("17:30")), "invalid-code", "code");
    assertProblem(put(api, "admin1", code, definition("17:30").replace("\"集成测试网点\"", "\"\"")), 400, "validation");
    assertProblem(put(api, "admin1", code, "{\"name\": "), 400, "malformed-body");
    assertEquals(0, count("SELECT COUNT(*) FROM BUSINESS_CALENDAR WHERE CODE = ?", code), "nothing rejected was stored");

    String deadline = "/api/calendars/CN-BANK-2026/deadline";
    assertField(api.get("staff1", deadline + "?start=2026-03-02T09:00:00Z&seconds=" + 10L * 365 * 86_400), "beyond-horizon", "seconds");
    assertField(api.get("staff1", deadline + "?start=2026-03-02T09:00:00Z&seconds=-1"), "invalid-amount", "seconds");
    assertField(api.get("staff1", deadline + "?start=2026-03-02T09:00:00Z&seconds=ten"), "invalid-parameter", "seconds");
    assertField(api.get("staff1", deadline + "?start=2026-03-02&seconds=60"), "invalid-parameter", "start");
    assertField(api.get("staff1", deadline + "?seconds=60"), "invalid-parameter", "start");
    assertField(api.get("staff1", "/api/calendars/CN-BANK-2026/working-time?from=2026-03-02T09:00:00Z"), "invalid-parameter", "to");
    assertField(api.get("staff1", "/api/calendars/CN-BANK-2026/working-time?from=2016-03-02T09:00:00Z&to=2026-03-02T09:00:00Z"), "beyond-horizon", "to");
    assertProblem(api.get("staff1", "/api/calendars/NO-SUCH/deadline?start=2026-03-02T09:00:00Z&seconds=60"), 404, "not-found");
  }

  private static Api.Reply put(Api api, String user, String code, String json) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(api.uri("/api/calendars/" + code.replace(" ", "%20"))).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json));
    return api.send(user, Api.PASSWORD, request);
  }

  private static int count(String sql, Object... params) throws Exception {
    return Integer.parseInt(Db.scalar(sql, params));
  }

  static void assertField(Api.Reply reply, String type, String field) {
    assertProblem(reply, 400, type);
    assertEquals(field, reply.json().getJsonArray("errors").getJsonObject(0).getString("field"), reply.body());
  }

  // ---- Holiday dates imported from an iCalendar feed, and the calendar of a branch: read, assign, remove, with the open clocks following.



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
