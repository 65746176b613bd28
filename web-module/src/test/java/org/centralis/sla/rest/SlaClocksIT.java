package org.centralis.sla.rest;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.URL;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.centralis.it.Api;
import org.centralis.it.Db;
import org.centralis.it.Deployments;
import org.centralis.it.Fixtures;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.centralis.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * SLA clocks on the deployed application: pause and resume on PENDING_CUSTOMER, and warnings,
 * breach and a two-level escalation chain fired exactly once while several sweeps race. The
 * policies here match only complaints about waiting time (category 33) logged by e-mail or from
 * the mobile app, which no other test logs, and run on the 7x24 calendar so that seconds of
 * working time are seconds of real time.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SlaClocksIT {

  private static final long PAUSE_POLICY = 901;
  private static final long RACE_POLICY = 902;
  private static final long CHAIN = 901;
  private static final long CALENDAR_POLICY = 903;

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.centralisWar();
  }

  @ArquillianResource URL base;

  @BeforeEach
  void policies() throws Exception {
    if (Db.scalar("SELECT ID FROM ESCALATION_CHAIN WHERE ID = ?", CHAIN) == null) {
      String opsTeam = Db.scalar("SELECT ID FROM TEAM WHERE CODE = 'HQ-OPS-SUPPORT'");
      Db.update("INSERT INTO ESCALATION_CHAIN (ID, CODE, NAME) VALUES (?, 'IT-CHAIN', 'IT chain')", CHAIN);
      Db.update("INSERT INTO ESCALATION_LEVEL (CHAIN_ID, LEVEL_NO, DELAY_SECONDS, NOTIFY_ROLE, NOTIFY_AT, RAISE_PRIORITY) VALUES (?, 1, 0, 'SUPERVISOR', 'HEADQUARTERS', 'URGENT')", CHAIN);
      Db.update(
          "INSERT INTO ESCALATION_LEVEL (CHAIN_ID, LEVEL_NO, DELAY_SECONDS, NOTIFY_ROLE, NOTIFY_AT, REASSIGN_TEAM_ID) VALUES (?, 2, 3, 'HQ_MANAGER', 'HEADQUARTERS', ?)",
          CHAIN, Long.valueOf(opsTeam));
      Db.update(
          "INSERT INTO SLA_POLICY (ID, NAME, CATEGORY_ID, CHANNEL, FIRST_RESPONSE_SECONDS, NEXT_UPDATE_SECONDS, RESOLUTION_SECONDS, WARN_PERCENTS, CALENDAR_CODE)"
              + " VALUES (?, 'IT pause', 33, 'EMAIL', 3600, 3600, 7200, '75,90', '7x24')",
          PAUSE_POLICY);
      Db.update(
          "INSERT INTO SLA_POLICY (ID, NAME, CATEGORY_ID, CHANNEL, FIRST_RESPONSE_SECONDS, RESOLUTION_SECONDS, WARN_PERCENTS, CALENDAR_CODE, ESCALATION_CHAIN_ID)"
              + " VALUES (?, 'IT race', 33, 'MOBILE_APP', 8, 86400, '50,75', '7x24', ?)",
          RACE_POLICY, CHAIN);
    }
  }

  @Test
  void theClocksPauseWhileWaitingOnTheCustomerAndTheDeadlineMovesByThePause() throws Exception {
    Api api = new Api(base);
    String number = logComplaint(api, "EMAIL", "SLA：等待客户暂停");
    String member = Db.scalar("SELECT MIN(S.LOGIN) FROM STAFF S JOIN TEAM T ON T.ID = S.TEAM_ID WHERE T.CODE = 'HQ-COMPLAINT' AND S.ACTIVE = 1");
    String path = "/api/tickets/" + number + "/actions/";

    JsonObject resolution = clock(api, number, "RESOLUTION");
    assertEquals(PAUSE_POLICY, resolution.getJsonNumber("policyId").longValue(), resolution.toString());
    assertEquals("7x24", resolution.getString("calendarCode"));
    assertEquals("RUNNING", resolution.getString("state"));
    Instant started = Instant.parse(resolution.getString("startedAt")).truncatedTo(ChronoUnit.SECONDS);
    Instant due = Instant.parse(resolution.getString("dueAt"));
    assertEquals(started.plusSeconds(7200), due, "7x24: two working hours are two hours");

    assertEquals(200, api.post(member, path + "accept", "{}").status());
    assertEquals("MET", clock(api, number, "FIRST_RESPONSE").getString("state"), "the acceptance is the first response");
    assertEquals("RUNNING", clock(api, number, "NEXT_UPDATE").getString("state"));
    assertEquals(200, api.post(member, path + "start", "{}").status());
    assertEquals(200, api.post(member, path + "pend", "{\"reason\":\"等待客户补充材料\"}").status());
    JsonObject paused = clock(api, number, "RESOLUTION");
    assertEquals("PAUSED", paused.getString("state"));
    assertEquals("PAUSED", clock(api, number, "NEXT_UPDATE").getString("state"));
    Thread.sleep(2_500);
    assertEquals(200, api.post(member, path + "resume", "{}").status());

    JsonObject resumed = clock(api, number, "RESOLUTION");
    assertEquals("RUNNING", resumed.getString("state"));
    long pausedSeconds = resumed.getJsonNumber("pausedSeconds").longValue();
    assertTrue(pausedSeconds >= 2 && pausedSeconds <= 4, resumed.toString());
    assertEquals(due.plusSeconds(pausedSeconds), Instant.parse(resumed.getString("dueAt")), "the deadline moved by exactly the paused working time");
    assertEquals(String.valueOf(pausedSeconds), Db.scalar("SELECT PAUSED_SECONDS FROM SLA_CLOCK WHERE TICKET_NO = ? AND METRIC = 'RESOLUTION'", number));

    assertEquals(200, Fixtures.recordComplaintResolution(api, member, number).status(), "a complaint needs root cause and corrective action before RESOLVED");
    assertEquals(200, api.post(member, path + "resolve", "{\"note\":\"已处理\"}").status());
    assertEquals("MET", clock(api, number, "RESOLUTION").getString("state"));
    assertEquals(404, api.get("staff2", "/api/tickets/" + number + "/sla").status(), "another region does not see the deadlines either");
  }

  /**
   * A policy may pause on DISPATCHED (its clocks wait while the ticket sits in a team's queue). Dispatch reads no clock
   * unless some policy pauses on the statuses it leaves or enters; this one does, so the dispatch pauses the clocks and
   * the acceptance resumes them.
   */
  @Test
  void aPolicyThatPausesOnDispatchedPausesAtTheDispatchAndResumesAtTheAcceptance() throws Exception {
    Api api = new Api(base);
    long policy = 905;
    if (Db.scalar("SELECT ID FROM SLA_POLICY WHERE ID = ?", policy) == null) {
      Db.update("INSERT INTO SLA_POLICY (ID, NAME, CATEGORY_ID, CHANNEL, FIRST_RESPONSE_SECONDS, RESOLUTION_SECONDS, WARN_PERCENTS, PAUSE_STATUSES, CALENDAR_CODE)"
          + " VALUES (?, 'IT pause on dispatch', 34, 'EMAIL', 3600, 7200, '75', 'DISPATCHED', '7x24')", policy);
    }
    String number = logComplaint(api, 34, "EMAIL", "SLA：派单后暂停");
    JsonObject dispatched = clock(api, number, "RESOLUTION");
    assertEquals(policy, dispatched.getJsonNumber("policyId").longValue(), dispatched.toString());
    assertEquals("PAUSED", dispatched.getString("state"), "the dispatch paused the clock");
    assertEquals("PAUSED", clock(api, number, "FIRST_RESPONSE").getString("state"));
    Thread.sleep(1_500);
    String member = Db.scalar("SELECT MIN(S.LOGIN) FROM STAFF S JOIN TICKET T ON T.ASSIGNED_TEAM_ID = S.TEAM_ID WHERE T.TICKET_NO = ? AND S.ACTIVE = 1", number);
    assertEquals(200, api.post(member, "/api/tickets/" + number + "/actions/accept", "{}").status());
    JsonObject accepted = clock(api, number, "RESOLUTION");
    assertEquals("RUNNING", accepted.getString("state"), "leaving DISPATCHED resumed it");
    assertTrue(accepted.getJsonNumber("pausedSeconds").longValue() >= 1, accepted.toString());
    assertEquals("MET", clock(api, number, "FIRST_RESPONSE").getString("state"), "the acceptance is the first response");
  }

  /**
   * Chains are data an administrator edits through the API (and the admin page): a bad chain is refused whole; a
   * changed delay reschedules the next level of the clocks already breached on that chain.
   */
  @Test
  void anAdministratorChangesAChainAndTheBreachedClocksOnItFollowTheNewDelays() throws Exception {
    Api api = new Api(base);
    long chain = 951;
    String level1 = "{\"delaySeconds\":0,\"notifyRole\":\"SUPERVISOR\",\"notifyAt\":\"HEADQUARTERS\"}";
    String body = "{\"code\":\"IT-RESCHEDULE\",\"name\":\"IT 改期\",\"levels\":[" + level1 + ",{\"delaySeconds\":3600,\"notifyRole\":\"HQ_MANAGER\",\"notifyAt\":\"HEADQUARTERS\"}]}";
    assertEquals(403, api.put("super1", "/api/sla/chains/" + chain, body).status(), "supervisors read chains, administrators change them");
    Api.Reply created = api.put("admin1", "/api/sla/chains/" + chain, body);
    assertEquals(200, created.status(), created.body());
    assertEquals(2, created.json().getJsonObject("chain").getJsonArray("levels").size());
    assertEquals("1", Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'SLA_CHAIN_CHANGED' AND TARGET_ID = ?", String.valueOf(chain)));
    assertTrue(api.get("super1", "/api/sla/chains").body().contains("\"IT-RESCHEDULE\""));

    assertProblem(api.put("admin1", "/api/sla/chains/" + chain, body.replace("3600", "-5")), 400, "invalid-chain");
    assertProblem(api.put("admin1", "/api/sla/chains/" + chain, body.replace("\"delaySeconds\":0", "\"delaySeconds\":7200")), 400, "invalid-chain");
    assertProblem(api.put("admin1", "/api/sla/chains/" + chain, body.replace("\"HQ_MANAGER\"", "\"CTI\"")), 400, "invalid-chain");
    assertProblem(api.put("admin1", "/api/sla/chains/" + chain, body.replace("\"notifyAt\":\"HEADQUARTERS\"}]", "\"notifyAt\":\"HEADQUARTERS\",\"reassignTeamId\":999999}]")), 400,
        "unknown-team");
    assertProblem(api.put("admin1", "/api/sla/chains/" + chain, body.replace("IT-RESCHEDULE", Db.scalar("SELECT CODE FROM ESCALATION_CHAIN WHERE ID = 1"))), 409,
        "chain-conflict");
    assertProblem(api.get("super1", "/api/sla/chains/999999"), 404, "not-found");

    // A complaint at the counter whose first response breaches after 2 s on this chain.
    if (Db.scalar("SELECT ID FROM SLA_POLICY WHERE ID = ?", chain) == null) {
      Db.update("INSERT INTO SLA_POLICY (ID, NAME, CATEGORY_ID, CHANNEL, FIRST_RESPONSE_SECONDS, RESOLUTION_SECONDS, WARN_PERCENTS, CALENDAR_CODE, ESCALATION_CHAIN_ID)"
          + " VALUES (?, 'IT reschedule', 33, 'BRANCH_COUNTER', 2, 86400, '50', '7x24', ?)", chain, chain);
    }
    String number = logComplaint(api, "BRANCH_COUNTER", "SLA：升级链改期");
    for (int i = 0; i < 300 && !"1".equals(Db.scalar("SELECT ESCALATION_LEVEL FROM SLA_CLOCK WHERE TICKET_NO = ? AND METRIC = 'FIRST_RESPONSE'", number)); i++) {
      api.post("admin1", "/api/sla/sweep", null); // the timer waits out its start grace; an on-demand sweep does not
      Thread.sleep(100);
    }
    JsonObject breached = clock(api, number, "FIRST_RESPONSE");
    assertEquals(1, breached.getInt("escalationLevel"), breached.toString());
    Instant breachedAt = Instant.parse(breached.getString("breachedAt"));
    assertEquals(breachedAt.plusSeconds(3600).toString(), nextDue(number));

    Api.Reply changed = api.put("admin1", "/api/sla/chains/" + chain, body.replace("3600", "7200"));
    assertEquals(200, changed.status(), changed.body());
    assertTrue(changed.json().getInt("recomputedClocks") >= 1, changed.body());
    assertEquals(breachedAt.plusSeconds(7200).toString(), nextDue(number), "level 2 now two hours after the breach");
    assertEquals(1, clock(api, number, "FIRST_RESPONSE").getInt("escalationLevel"), "what fired stays fired");
  }

  /**
   * A level that asks for a confirmation: the supervisor told confirms from the inbox, and the next level (the HQ
   * managers, ten seconds later) never fires for that deadline; a second confirmation is refused.
   */
  @Test
  void aConfirmedEscalationStopsTheChain() throws Exception {
    Api api = new Api(base);
    long id = 941;
    Api.Reply chain = api.put("admin1", "/api/sla/chains/" + id, "{\"code\":\"IT-ACK\",\"name\":\"IT 确认\",\"levels\":["
        + "{\"delaySeconds\":0,\"notifyRole\":\"SUPERVISOR\",\"notifyAt\":\"HEADQUARTERS\",\"ackRequired\":true},"
        + "{\"delaySeconds\":10,\"notifyRole\":\"HQ_MANAGER\",\"notifyAt\":\"HEADQUARTERS\"}]}");
    assertEquals(200, chain.status(), chain.body());
    if (Db.scalar("SELECT ID FROM SLA_POLICY WHERE ID = ?", id) == null) {
      Db.update("INSERT INTO SLA_POLICY (ID, NAME, CATEGORY_ID, CHANNEL, FIRST_RESPONSE_SECONDS, RESOLUTION_SECONDS, WARN_PERCENTS, CALENDAR_CODE, ESCALATION_CHAIN_ID)"
          + " VALUES (?, 'IT acknowledge', 32, 'MOBILE_APP', 2, 86400, '50', '7x24', ?)", id, id);
    }
    String number = logComplaint(api, 32, "MOBILE_APP", "SLA：确认后停止升级");
    String notification = null;
    for (int i = 0; i < 300 && notification == null; i++) {
      api.post("admin1", "/api/sla/sweep", null);
      notification = Db.scalar("SELECT N.ID FROM NOTIFICATION N JOIN STAFF S ON S.ID = N.STAFF_ID WHERE S.LOGIN = 'super1' AND N.TICKET_NO = ? AND N.KIND = 'ESCALATION' AND N.SEQ = 1", number);
      Thread.sleep(100);
    }
    assertTrue(notification != null, "level 1 told super1");
    String mine = notification;
    JsonObject item = api.get("super1", "/api/notifications?size=200").json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
        .filter(n -> n.getJsonNumber("id").toString().equals(mine)).findFirst().orElseThrow();
    assertTrue(item.getBoolean("ackRequired"), item.toString());

    assertEquals(404, api.post("hq1", "/api/notifications/" + notification + "/acknowledge", null).status(), "not hq1's");
    Api.Reply confirmed = api.post("super1", "/api/notifications/" + notification + "/acknowledge", null);
    assertEquals(200, confirmed.status(), confirmed.body());
    assertTrue(confirmed.json().containsKey("ackedAt"), confirmed.body());
    assertEquals("super1", Db.scalar("SELECT ACKNOWLEDGED_BY FROM SLA_CLOCK WHERE TICKET_NO = ? AND METRIC = 'FIRST_RESPONSE'", number));
    assertProblem(api.post("super1", "/api/notifications/" + notification + "/acknowledge", null), 409, "not-acknowledgeable");
    assertEquals("1", Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'SLA_ESCALATION_ACKNOWLEDGED' AND TARGET_ID = ?", number));

    for (int i = 0; i < 120; i++) { // 12 s: past level 2's ten seconds, with sweeps
      api.post("admin1", "/api/sla/sweep", null);
      Thread.sleep(100);
    }
    assertEquals("0", Db.scalar("SELECT COUNT(*) FROM SLA_EVENT WHERE TICKET_NO = ? AND KIND = 'ESCALATION' AND SEQ = 2", number), "level 2 did not fire");
    assertEquals(1, clock(api, number, "FIRST_RESPONSE").getInt("escalationLevel"));
  }

  private static String nextDue(String number) throws Exception {
    try (var c = Db.connect(); var ps = c.prepareStatement("SELECT NEXT_DUE_AT FROM SLA_CLOCK WHERE TICKET_NO = ? AND METRIC = 'FIRST_RESPONSE'")) {
      ps.setString(1, number);
      try (var rs = ps.executeQuery()) {
        rs.next();
        return rs.getObject(1, java.time.OffsetDateTime.class).toInstant().toString();
      }
    }
  }

  /**
   * The team finds the complaint is about something else and more urgent: the new category matches another policy,
   * whose terms replace the old ones on the running clocks — the deadlines are recomputed from the ticket's start.
   */
  @Test
  void reclassifyingATicketMatchesItsPolicyAgainAndMovesItsDeadlines() throws Exception {
    Api api = new Api(base);
    String number = logComplaint(api, 32, "EMAIL", "SLA：改类后重算时限");
    String was = api.get("staff1", "/api/tickets/" + number).json().getString("priority"); // a repeat complaint is raised
    String target = "URGENT".equals(was) ? "NORMAL" : "URGENT";
    String member = Db.scalar("SELECT MIN(S.LOGIN) FROM STAFF S JOIN TEAM T ON T.ID = S.TEAM_ID WHERE T.CODE = 'HQ-COMPLAINT' AND S.ACTIVE = 1");
    String path = "/api/tickets/" + number + "/actions/reclassify";
    JsonObject before = clock(api, number, "FIRST_RESPONSE");
    assertTrue(before.getJsonNumber("policyId").longValue() != PAUSE_POLICY, before.toString());

    assertProblem(api.post("staff1", path, "{\"categoryId\":33,\"reason\":\"登记人不处理\"}"), 403, "ticket-action-forbidden");
    assertProblem(api.post(member, path, "{\"categoryId\":999999,\"reason\":\"r\"}"), 400, "unknown-category");
    String inquiry = Db.scalar("SELECT MIN(ID) FROM TICKET_CATEGORY WHERE TICKET_TYPE <> 'COMPLAINT' AND ACTIVE = 1");
    assertProblem(api.post(member, path, "{\"categoryId\":" + inquiry + ",\"reason\":\"r\"}"), 400, "category-type-mismatch");
    assertProblem(api.post(member, path, "{\"categoryId\":32,\"priority\":\"" + was + "\",\"reason\":\"r\"}"), 400, "nothing-to-change");
    assertProblem(api.post(member, path, "{\"categoryId\":33}"), 400, "reason-required");

    Api.Reply changed = api.post(member, path, "{\"categoryId\":33,\"priority\":\"" + target + "\",\"reason\":\"客户补充：涉及盗刷\"}");
    assertEquals(200, changed.status(), changed.body());
    assertEquals(target, changed.json().getString("priority"));
    assertEquals(Db.scalar("SELECT CODE FROM TICKET_CATEGORY WHERE ID = 33"), changed.json().getString("categoryCode"));
    assertEquals("DISPATCHED", changed.json().getString("status"), "the status stays");
    JsonArray timeline = changed.json().getJsonArray("timeline");
    JsonObject last = timeline.getJsonObject(timeline.size() - 1);
    assertEquals("RECLASSIFIED", last.getString("kind"));
    assertTrue(last.getString("detail").contains("priority " + was + "→" + target) && last.getString("detail").endsWith("客户补充：涉及盗刷"), last.toString());

    // Category 33 by e-mail is the test's pause policy: 1 h first response, 2 h resolution, round the clock.
    for (String[] metric : new String[][] {{"FIRST_RESPONSE", "3600"}, {"RESOLUTION", "7200"}}) {
      JsonObject now = clock(api, number, metric[0]);
      assertEquals(PAUSE_POLICY, now.getJsonNumber("policyId").longValue(), now.toString());
      assertEquals("7x24", now.getString("calendarCode"));
      Instant started = Instant.parse(now.getString("startedAt")).truncatedTo(ChronoUnit.SECONDS);
      assertEquals(started.plusSeconds(Long.parseLong(metric[1])), Instant.parse(now.getString("dueAt")), metric[0] + " recomputed from the start");
    }
    assertEquals("1", Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'TICKET_RECLASSIFIED' AND TARGET_ID = ?", number));
    assertProblem(api.post(member, path, "{\"priority\":\"" + target + "\",\"reason\":\"再次\"}"), 400, "nothing-to-change");
  }

  /**
   * Two nodes are simulated: besides the per-second timer of the server, four client threads call
   * the on-demand sweep continuously, each call its own transactions on the same clock rows.
   */
  @Test
  void warningsBreachAndEscalationFireExactlyOnceWhileSweepsRaceLevelOneRaisesAndLevelTwoReassigns() throws Exception {
    Api api = new Api(base);
    // A first complaint of its customer at normal priority (a repeat complaint would already be raised).
    long customer = Fixtures.firstTimeComplainantOf("staff1");
    String number = logComplaint(api, customer, "\"priority\":\"NORMAL\"", 33, "MOBILE_APP", "SLA：超时升级");
    assertEquals("NORMAL", api.get("staff1", "/api/tickets/" + number).json().getString("priority"));
    JsonObject first = clock(api, number, "FIRST_RESPONSE");
    assertEquals(RACE_POLICY, first.getJsonNumber("policyId").longValue(), first.toString());

    ExecutorService sweepers = Executors.newFixedThreadPool(4);
    List<Future<Integer>> runs = new ArrayList<>();
    Instant until = Instant.now().plusSeconds(15);
    for (int i = 0; i < 4; i++) {
      runs.add(sweepers.submit(() -> {
        int fired = 0;
        while (Instant.now().isBefore(until) && !levelTwoDone(number)) {
          Api.Reply r = api.post("admin1", "/api/sla/sweep", null);
          assertEquals(200, r.status(), r.body());
          fired += r.json().getInt("fired");
        }
        return fired;
      }));
    }
    int firedByClients = 0;
    for (Future<Integer> f : runs) {
      firedByClients += f.get(30, TimeUnit.SECONDS);
    }
    sweepers.shutdown();
    Thread.sleep(1_500); // a last timer tick would fire a duplicate now, if it could

    String clockId = Db.scalar("SELECT ID FROM SLA_CLOCK WHERE TICKET_NO = ? AND METRIC = 'FIRST_RESPONSE'", number);
    for (String[] step : new String[][] {{"WARNING", "1"}, {"WARNING", "2"}, {"BREACH", "1"}, {"ESCALATION", "1"}, {"ESCALATION", "2"}}) {
      assertEquals("1", Db.scalar("SELECT COUNT(*) FROM SLA_EVENT WHERE CLOCK_ID = ? AND KIND = ? AND SEQ = ?", Long.valueOf(clockId), step[0], Integer.valueOf(step[1])),
          step[0] + " " + step[1]);
    }
    assertEquals("5", Db.scalar("SELECT COUNT(*) FROM SLA_EVENT WHERE CLOCK_ID = ?", Long.valueOf(clockId)));
    assertEquals("2", Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'SLA_WARNING' AND TARGET_ID = ?", number));
    assertEquals("1", Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'SLA_BREACH' AND TARGET_ID = ?", number));
    assertEquals("2", Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'SLA_ESCALATION' AND TARGET_ID = ?", number));
    assertEquals("2", Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'TICKET_ESCALATED' AND TARGET_ID = ?", number), "raised, then reassigned");
    assertTrue(firedByClients >= 0);

    JsonObject ticket = api.get("staff1", "/api/tickets/" + number).json();
    assertEquals("运营支持组", ticket.getJsonObject("assignedTeam").getString("name"), "level 2 took the ticket over");
    assertEquals("URGENT", ticket.getString("priority"), "level 1 raised the priority");
    assertTrue(ticket.getJsonArray("timeline").getValuesAs(JsonObject.class).stream()
        .anyMatch(e -> "RECLASSIFIED".equals(e.getString("kind")) && e.getString("detail").startsWith("priority NORMAL→URGENT: SLA escalation level 1")), ticket.toString());
    assertEquals("BREACHED", clock(api, number, "FIRST_RESPONSE").getString("state"));
    assertEquals(2, clock(api, number, "FIRST_RESPONSE").getInt("escalationLevel"));

    // Level 1 told the supervisors at headquarters, once each; level 2 the HQ managers.
    assertEquals("1", Db.scalar(
        "SELECT COUNT(*) FROM NOTIFICATION N JOIN STAFF S ON S.ID = N.STAFF_ID WHERE S.LOGIN = 'super1' AND N.TICKET_NO = ? AND N.KIND = 'ESCALATION' AND N.SEQ = 1", number));
    assertEquals("1", Db.scalar(
        "SELECT COUNT(*) FROM NOTIFICATION N JOIN STAFF S ON S.ID = N.STAFF_ID WHERE S.LOGIN = 'hq1' AND N.TICKET_NO = ? AND N.KIND = 'ESCALATION' AND N.SEQ = 2", number));
    Api.Reply inbox = api.get("super1", "/api/notifications?size=200");
    assertEquals(200, inbox.status(), inbox.body());
    JsonArray items = inbox.json().getJsonArray("items");
    JsonObject mine = items.getValuesAs(JsonObject.class).stream().filter(n -> number.equals(n.getString("ticketNo"))).findFirst().orElseThrow();
    assertEquals(false, mine.getBoolean("read"));
    Api.Reply read = api.post("super1", "/api/notifications/" + mine.getJsonNumber("id") + "/read", null);
    assertEquals(200, read.status(), read.body());
    assertEquals(true, read.json().getBoolean("read"));
    assertEquals(404, api.post("hq1", "/api/notifications/" + mine.getJsonNumber("id") + "/read", null).status(), "not hq1's");
    assertEquals(403, api.post("super1", "/api/sla/sweep", null).status(), "the on-demand sweep is for administrators");
  }

  @Test
  void aWhatIfCountsTheDeadlinesAPolicyChangeWouldMoveWithoutSavingIt() throws Exception {
    Api api = new Api(base);
    String number = logComplaint(api, "EMAIL", "SLA：假设分析");
    String before = Db.scalar("SELECT DUE_AT FROM SLA_CLOCK WHERE TICKET_NO = ? AND METRIC = 'RESOLUTION'", number);
    String shorter =
        "{\"name\":\"IT pause\",\"categoryId\":33,\"channel\":\"EMAIL\",\"firstResponseSeconds\":3600,\"nextUpdateSeconds\":3600,"
            + "\"resolutionSeconds\":60,\"warnPercents\":\"75,90\",\"calendarCode\":\"7x24\"}";
    Api.Reply whatIf = api.post("admin1", "/api/sla/policies/" + PAUSE_POLICY + "/what-if", shorter);
    assertEquals(200, whatIf.status(), whatIf.body());
    JsonObject answer = whatIf.json();
    assertTrue(answer.getJsonNumber("earlierCount").longValue() >= 1, answer.toString());
    assertTrue(answer.getJsonArray("earlier").getValuesAs(JsonObject.class).stream().anyMatch(e -> number.equals(e.getString("ticketNo"))), answer.toString());
    assertEquals(before, Db.scalar("SELECT DUE_AT FROM SLA_CLOCK WHERE TICKET_NO = ? AND METRIC = 'RESOLUTION'", number), "nothing saved");
    assertEquals(403, api.post("super1", "/api/sla/policies/" + PAUSE_POLICY + "/what-if", shorter).status());
    Api.Reply unchanged = api.send("admin1", Api.PASSWORD, java.net.http.HttpRequest.newBuilder(api.uri("/api/sla/policies/" + PAUSE_POLICY))
        .header("Content-Type", "application/json").PUT(java.net.http.HttpRequest.BodyPublishers.ofString(shorter.replace("\"resolutionSeconds\":60", "\"resolutionSeconds\":7200"))));
    assertEquals(200, unchanged.status(), unchanged.body());
    assertTrue(unchanged.json().getInt("recomputedClocks") >= 1, unchanged.body());
    assertEquals(before, Db.scalar("SELECT DUE_AT FROM SLA_CLOCK WHERE TICKET_NO = ? AND METRIC = 'RESOLUTION'", number), "the same terms give the same deadline");
    assertEquals("1", Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'SLA_POLICY_CHANGED' AND TARGET_ID = ?", String.valueOf(PAUSE_POLICY)));
    Api.Reply bad = api.post("admin1", "/api/sla/policies/" + PAUSE_POLICY + "/what-if", shorter.replace("75,90", "90,75"));
    assertEquals(400, bad.status(), bad.body());
    assertEquals("https://centralis.org/problems/invalid-thresholds", bad.json().getString("type"));
  }

  @Test
  void anAdministratorAddsAPolicyThatMatchesTicketsOnceActive() throws Exception {
    Api api = new Api(base);
    // The customer's tier as a criterion: more specific than the other tests' category-and-channel policies (TwoNodesIT's is 33/PHONE).
    String tier = Db.scalar("SELECT TIER FROM CUSTOMER WHERE ID = ?", Fixtures.customerOf("staff1"));
    String policy =
        "{\"name\":\"IT phone complaints\",\"ticketType\":\"COMPLAINT\",\"categoryId\":33,\"channel\":\"PHONE\",\"customerTier\":\"" + tier + "\",\"firstResponseSeconds\":600,"
            + "\"resolutionSeconds\":1200,\"warnPercents\":\"50\",\"pauseStatuses\":[\"PENDING_CUSTOMER\",\"RETURNED\"],\"calendarCode\":\"7x24\",\"active\":false}";
    assertProblem(api.post("super1", "/api/sla/policies", policy), 403, "forbidden");
    assertProblem(api.post("admin1", "/api/sla/policies", policy.replace("COMPLAINT", "INQUIRY")), 400, "category-of-other-type");
    assertProblem(api.post("admin1", "/api/sla/policies", policy.replace("RETURNED", "DONE")), 400, "invalid-value");
    Api.Reply created = api.post("admin1", "/api/sla/policies", policy);
    assertEquals(201, created.status(), created.body());
    long id = created.json().getJsonNumber("id").longValue();
    assertEquals(List.of("PENDING_CUSTOMER", "RETURNED"), created.json().getJsonArray("pauseStatuses").getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList());
    assertEquals("1", Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'SLA_POLICY_CHANGED' AND TARGET_ID = ?", String.valueOf(id)));

    String inactive = logComplaint(api, "PHONE", "SLA：新策略未启用");
    assertTrue(clock(api, inactive, "RESOLUTION").getJsonNumber("policyId").longValue() != id, "an inactive policy matches nothing");
    try {
      assertEquals(200, api.put("admin1", "/api/sla/policies/" + id, policy.replace("\"active\":false", "\"active\":true")).status());
      String matched = logComplaint(api, "PHONE", "SLA：新策略已启用");
      JsonObject resolution = clock(api, matched, "RESOLUTION");
      assertEquals(id, resolution.getJsonNumber("policyId").longValue(), resolution.toString());
      Instant started = Instant.parse(resolution.getString("startedAt")).truncatedTo(ChronoUnit.SECONDS);
      assertEquals(started.plusSeconds(1200), Instant.parse(resolution.getString("dueAt")));
    } finally {
      api.put("admin1", "/api/sla/policies/" + id, policy); // inactive again: other tests log phone complaints in category 33
    }
  }

  @Test
  void theAtRiskListPutsTheNearestDeadlinesFirstWithinTheCallersScope() throws Exception {
    Api api = new Api(base);
    String number = logComplaint(api, "EMAIL", "SLA：超时预警列表");
    Api.Reply list = api.get("super1", "/api/sla/at-risk?limit=500");
    assertEquals(200, list.status(), list.body());
    List<JsonObject> rows = list.parse().asJsonArray().getValuesAs(JsonObject.class);
    for (int i = 1; i < rows.size(); i++) {
      assertTrue(!Instant.parse(rows.get(i - 1).getString("dueAt")).isAfter(Instant.parse(rows.get(i).getString("dueAt"))),
          "by due time: " + rows.get(i - 1) + " / " + rows.get(i));
    }
    JsonObject resolution = rows.stream()
        .filter(r -> number.equals(r.getString("ticketNo")) && "RESOLUTION".equals(r.getString("metric"))).findFirst()
        .orElseThrow(() -> new AssertionError(number + " not in " + rows.size() + " rows"));
    assertEquals("RUNNING", resolution.getString("state"));
    long left = resolution.getJsonNumber("remainingSeconds").longValue();
    assertTrue(left > 7_000 && left <= 7_200, "2 h on 7x24 minus a few seconds: " + left);
    assertEquals("SLA：超时预警列表", resolution.getString("subject"));

    Api.Reply breached = api.get("super1", "/api/sla/at-risk?breached=true&limit=500");
    assertTrue(breached.parse().asJsonArray().getValuesAs(JsonObject.class).stream().allMatch(r -> "BREACHED".equals(r.getString("state"))), breached.body());
    Api.Reply firstResponse = api.get("super1", "/api/sla/at-risk?metric=first_response&limit=500");
    assertTrue(firstResponse.parse().asJsonArray().getValuesAs(JsonObject.class).stream().allMatch(r -> "FIRST_RESPONSE".equals(r.getString("metric"))));

    // Branch scope: a branch member elsewhere does not see the ticket; agents have no such list.
    String ticketPath = Db.scalar("SELECT OWNING_BRANCH_PATH FROM TICKET WHERE TICKET_NO = ?", number);
    String outsider = Db.scalar(
        "SELECT S.LOGIN FROM STAFF S JOIN STAFF_ROLE R ON R.STAFF_ID = S.ID JOIN BRANCH B ON B.ID = S.BRANCH_ID"
            + " WHERE R.ROLE_NAME = 'BRANCH_STAFF' AND ? NOT LIKE B.PATH || '%' ORDER BY S.LOGIN FETCH FIRST 1 ROWS ONLY", ticketPath);
    Api.Reply theirs = api.get(outsider, "/api/sla/at-risk?limit=500");
    assertEquals(200, theirs.status(), theirs.body());
    assertTrue(theirs.parse().asJsonArray().getValuesAs(JsonObject.class).stream().noneMatch(r -> number.equals(r.getString("ticketNo"))), outsider);
    assertEquals(403, api.get("agent1", "/api/sla/at-risk").status());
    Api.Reply bad = api.get("super1", "/api/sla/at-risk?metric=LUNCH");
    assertEquals(400, bad.status(), bad.body());
    assertTrue(bad.contentType().startsWith("application/problem+json"), bad.contentType());

    // The same list as a spreadsheet: this ticket's row, in the reader's language; the outsider's has none; audited.
    java.net.http.HttpResponse<byte[]> csv = api.download("super1", "/api/sla/at-risk/export?format=csv&lang=en");
    assertEquals(200, csv.statusCode());
    String text = new String(csv.body(), java.nio.charset.StandardCharsets.UTF_8);
    assertTrue(text.startsWith("\uFEFFTicket no.,") && text.lines().anyMatch(l -> l.startsWith(number + ",")), text.substring(0, Math.min(200, text.length())));
    assertTrue(new String(api.download(outsider, "/api/sla/at-risk/export?format=csv").body(), java.nio.charset.StandardCharsets.UTF_8).lines()
        .noneMatch(l -> l.startsWith(number + ",")), "scoped like the list");
    assertEquals("1", Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'AT_RISK_EXPORTED' AND ACTOR_LOGIN = ?", outsider));
  }

  @Test
  void changingACalendarRecomputesTheOpenDeadlinesOnIt() throws Exception {
    Api api = new Api(base);
    String roundTheClock = "{\"name\":\"IT recompute\",\"timezone\":\"Asia/Shanghai\",\"weeklyHours\":{"
        + String.join(",", java.util.Arrays.stream(java.time.DayOfWeek.values()).map(d -> "\"" + d + "\":[{\"from\":\"00:00\",\"to\":\"24:00\"}]").toList()) + "}}";
    assertTrue(List.of(200, 201).contains(api.put("admin1", "/api/calendars/IT-RECOMP", roundTheClock).status()));
    if (Db.scalar("SELECT ID FROM SLA_POLICY WHERE ID = ?", CALENDAR_POLICY) == null) {
      Db.update(
          "INSERT INTO SLA_POLICY (ID, NAME, CATEGORY_ID, CHANNEL, FIRST_RESPONSE_SECONDS, RESOLUTION_SECONDS, WARN_PERCENTS, CALENDAR_CODE)"
              + " VALUES (?, 'IT calendar', 33, 'WEB', 3600, 7200, '75,90', 'IT-RECOMP')",
          CALENDAR_POLICY);
    }
    String number = logComplaint(api, "WEB", "SLA：日历修改重算");
    String before = Db.scalar("SELECT DUE_AT FROM SLA_CLOCK WHERE TICKET_NO = ? AND METRIC = 'RESOLUTION' AND CALENDAR_CODE = 'IT-RECOMP'", number);
    assertTrue(before != null, "the resolution clock runs on the test calendar");

    // Half an hour on Mondays only: two working hours now take four weeks.
    Api.Reply changed = api.put("admin1", "/api/calendars/IT-RECOMP",
        "{\"name\":\"IT recompute\",\"timezone\":\"Asia/Shanghai\",\"weeklyHours\":{\"MONDAY\":[{\"from\":\"00:00\",\"to\":\"00:30\"}]}}");
    assertEquals(200, changed.status(), changed.body());
    Instant due = Instant.parse(clock(api, number, "RESOLUTION").getString("dueAt"));
    assertTrue(due.isAfter(Instant.now().plus(20, ChronoUnit.DAYS)), "recomputed on the new hours: " + due + " (was " + before + ")");
    assertTrue(api.put("admin1", "/api/calendars/IT-RECOMP", roundTheClock).status() == 200);
    assertTrue(Instant.parse(clock(api, number, "RESOLUTION").getString("dueAt")).isBefore(Instant.now().plus(3, ChronoUnit.HOURS)), "and back");
  }

  // ---------------------------------------------------------------- helpers

  private static boolean levelTwoDone(String number) throws Exception {
    return "1".equals(Db.scalar("SELECT COUNT(*) FROM SLA_EVENT WHERE TICKET_NO = ? AND KIND = 'ESCALATION' AND SEQ = 2", number));
  }

  private static String logComplaint(Api api, String channel, String subject) throws Exception {
    return logComplaint(api, 33, channel, subject);
  }

  private static String logComplaint(Api api, int category, String channel, String subject) throws Exception {
    return logComplaint(api, Fixtures.customerOf("staff1"), "\"priority\":\"HIGH\"", category, channel, subject);
  }

  private static String logComplaint(Api api, long customer, String priority, int category, String channel, String subject) throws Exception {
    String body = Fixtures.complaint(customer, subject).replace("\"categoryId\":32", "\"categoryId\":" + category).replace("BRANCH_COUNTER", channel)
        .replace("\"priority\":\"HIGH\"", priority);
    Api.Reply created = api.post("staff1", "/api/tickets", body);
    assertEquals(201, created.status(), created.body());
    String number = created.json().getString("number");
    for (int i = 0; i < 150 && !"DISPATCHED".equals(api.get("staff1", "/api/tickets/" + number).json().getString("status")); i++) {
      Thread.sleep(100);
    }
    assertEquals("DISPATCHED", api.get("staff1", "/api/tickets/" + number).json().getString("status"));
    return number;
  }

  private static JsonObject clock(Api api, String number, String metric) {
    Api.Reply r = api.get("staff1", "/api/tickets/" + number + "/sla");
    assertEquals(200, r.status(), r.body());
    return r.parse().asJsonArray().getValuesAs(JsonObject.class).stream()
        .filter(c -> metric.equals(c.getString("metric")))
        .findFirst()
        .orElseThrow(() -> new AssertionError(metric + " not in " + r.body()));
  }

  // ---- moved from CalendarsApiIT: The business-calendar API: who may change a calendar, the arithmetic's answers, bad input as problem+json.



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
    String code = newCode();
    Api.Reply created = api.put("admin1", "/api/calendars/" + code, definition("17:30"));
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
