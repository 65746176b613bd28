package org.centralis.acd.rest;

import static org.centralis.it.Problems.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URL;
import java.util.List;
import java.util.function.Predicate;
import org.centralis.it.Api;
import org.centralis.it.Db;
import org.centralis.it.Fixtures;
import org.centralis.it.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The ACD through its API: a contact is routed to the right agent with its explanation, accepted,
 * answered, ended, wrapped up; repeats are idempotent; bad input is problem+json; an unanswered
 * offer goes to the next agent and repeated misses set the agent NOT_READY. Each test uses its own
 * queue and agents (see AcdDemoData) and logs them out at the end.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AcdApiIT {

  @Deployment(testable = false)
  static WebArchive deployment() {
    return Deployments.centralisWar();
  }

  @ArquillianResource URL base;

  static String contact(String externalId, String queue, String caller) {
    return "{\"externalId\":\"" + externalId + "\",\"channel\":\"VOICE\",\"queue\":\"" + queue + "\",\"callerNumber\":\"" + caller + "\"}";
  }

  static String state(String state) {
    return "{\"state\":\"" + state + "\"}";
  }

  /** Polls the seat until the predicate holds (10 s at most). */
  static JsonObject awaitSeat(Api api, String user, String login, Predicate<JsonObject> until) throws InterruptedException {
    JsonObject seat = null;
    for (int i = 0; i < 100; i++) {
      Api.Reply r = api.get(user, "/api/acd/agents/" + login);
      assertEquals(200, r.status(), r.body());
      seat = r.json();
      if (until.test(seat)) {
        return seat;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("seat of " + login + " never reached the expected state: " + seat);
  }

  static boolean offered(JsonObject seat) {
    return seat.containsKey("offerId") && !seat.isNull("offerId");
  }

  @Test
  void aContactIsOfferedToTheBestAgentAcceptedEndedAndTheAgentIsReadyAgain() throws Exception {
    Api api = new Api(base);
    List<String> sse = new Api(base).events("cti", "/api/acd/events");
    logOut(api, "agent16", "agent18", "agent20", "agent21", "agent22", "agent23", "agent24", "agent25"); // other CORPORATE agents
    // CORPORATE is HIGHEST_SKILL with CORPORATE ≥ 6: agent17 has 7, agent19 has 9.
    assertEquals(200, api.post("agent17", "/api/acd/agents/agent17/state", "{\"state\":\"READY\",\"extension\":\"8017\"}").status());
    Api.Reply forced = api.post("super1", "/api/acd/agents/agent19/state", state("READY"));
    assertEquals(200, forced.status(), forced.body());
    assertEquals("READY", forced.json().getString("state"));

    JsonObject statsBefore = api.get("super1", "/api/acd/queues/CORPORATE/stats").json(); // the demo has traffic today
    Api.Reply arrived = api.post("cti", "/api/acd/contacts", contact("IT-CORP-1", "CORPORATE", "13800138000"));
    assertEquals(202, arrived.status(), arrived.body());
    assertEquals("CORPORATE", arrived.json().getString("queue"));

    JsonObject seat = awaitSeat(api, "agent19", "agent19", AcdApiIT::offered);
    assertEquals("RESERVED", seat.getString("state"));
    assertEquals("IT-CORP-1", seat.getString("contactExternalId"));
    assertEquals("*******8000", seat.getString("callerNumber"), "masked for the agent");
    assertEquals("READY", api.get("agent17", "/api/acd/agents/agent17").json().getString("state"));
    long offerId = seat.getJsonNumber("offerId").longValue();

    JsonObject routing = api.get("super1", "/api/acd/contacts/IT-CORP-1/routing").json();
    JsonObject offer = routing.getJsonArray("offers").getJsonObject(0);
    assertEquals("agent19", offer.getString("agent"));
    assertEquals("PENDING", offer.getString("outcome"));
    JsonObject why = offer.getJsonObject("explanation");
    assertEquals("HIGHEST_SKILL", why.getString("strategy"));
    assertEquals(2, why.getJsonArray("candidates").size(), why.toString());
    assertEquals("agent19", why.getJsonArray("candidates").getJsonObject(0).getString("login"));
    assertEquals(9, why.getJsonArray("candidates").getJsonObject(0).getInt("score"));
    assertEquals("agent17", why.getJsonArray("candidates").getJsonObject(1).getString("login"));
    assertTrue(why.getString("rule").startsWith("HIGHEST_SKILL: agent19 level sum 9"), why.getString("rule"));
    assertEquals(6, why.getJsonObject("requiredLevels").getInt("CORPORATE"));

    assertProblem(api.post("agent17", "/api/acd/offers/" + offerId + "/accept", ""), 404, "not-found"); // not agent17's offer
    Api.Reply accepted = api.post("agent19", "/api/acd/offers/" + offerId + "/accept", "");
    assertEquals(200, accepted.status(), accepted.body());
    assertEquals("BUSY", accepted.json().getString("state"));
    assertEquals(200, api.post("agent19", "/api/acd/offers/" + offerId + "/accept", "").status(), "a repeat is harmless");
    Api.Reply answered = api.post("cti", "/api/acd/contacts/IT-CORP-1/answered", "");
    assertEquals(200, answered.status(), answered.body());
    assertEquals("CONNECTED", answered.json().getString("state"));
    assertEquals("agent19", answered.json().getString("agent"));
    assertEquals("13800138000", answered.json().getString("callerNumber"), "the CTI sent it, the CTI sees it");

    Api.Reply ended = api.post("cti", "/api/acd/contacts/IT-CORP-1/ended", "");
    assertEquals("ENDED", ended.json().getString("state"));
    assertEquals("ENDED", api.post("cti", "/api/acd/contacts/IT-CORP-1/ended", "").json().getString("state"), "idempotent");
    assertProblem(api.post("cti", "/api/acd/contacts/IT-CORP-1/abandoned", ""), 409, "contact-state");
    assertEquals("WRAP_UP", api.get("agent19", "/api/acd/agents/agent19").json().getString("state"));
    Api.Reply ready = api.post("agent19", "/api/acd/agents/agent19/state", state("WRAP_UP_END"));
    assertEquals("READY", ready.json().getString("state"), ready.body());
    assertEquals(1, ready.json().getInt("contactsToday"));

    JsonObject stats = api.get("super1", "/api/acd/queues/CORPORATE/stats").json();
    assertEquals(statsBefore.getInt("offeredToday") + 1, stats.getInt("offeredToday"), stats.toString());
    assertEquals(statsBefore.getInt("answeredToday") + 1, stats.getInt("answeredToday"), stats.toString());
    assertEquals(statsBefore.getInt("answeredWithinThreshold") + 1, stats.getInt("answeredWithinThreshold"), "answered at once: " + stats);
    assertEquals(2, stats.getJsonObject("agentsByState").getInt("READY"), stats.toString());
    double level = stats.getJsonNumber("serviceLevel").doubleValue();
    assertTrue(level > 0 && level <= 1, stats.toString());

    // The PBX adapter heard it: offered to agent19 at extension 8019.
    for (int i = 0; i < 50 && sse.stream().noneMatch(l -> l.contains("CONTACT_OFFERED") && l.contains("agent19")); i++) {
      Thread.sleep(100);
    }
    assertTrue(sse.stream().anyMatch(l -> l.contains("\"CONTACT_OFFERED\"") && l.contains("\"agent19\"") && l.contains("\"8019\"")), String.join("\n", sse));
    assertTrue(sse.stream().anyMatch(l -> l.equals("event: AGENT_STATE")), String.join("\n", sse));
    logOut(api, "agent17", "agent19");
  }

  @Test
  void theSameContactAgainIsTheSameContactAndDifferentDataIsAConflict() {
    Api api = new Api(base);
    Api.Reply first = api.post("cti", "/api/acd/contacts", contact("IT-IDEM-1", "COMPLAINT", "13911112222"));
    assertEquals(202, first.status(), first.body());
    Api.Reply again = api.post("cti", "/api/acd/contacts", contact("IT-IDEM-1", "COMPLAINT", "13911112222"));
    assertEquals(202, again.status(), again.body());
    assertEquals(first.json().getString("arrivedAt"), again.json().getString("arrivedAt"));
    assertProblem(api.post("cti", "/api/acd/contacts", contact("IT-IDEM-1", "COMPLAINT", "13911113333")), 409, "contact-conflict");
    assertEquals("ABANDONED", api.post("cti", "/api/acd/contacts/IT-IDEM-1/abandoned", "").json().getString("state"));
    assertEquals("ABANDONED", api.post("cti", "/api/acd/contacts/IT-IDEM-1/abandoned", "").json().getString("state"));
  }

  @Test
  void badInputIsProblemJson() {
    Api api = new Api(base);
    assertProblem(api.post("cti", "/api/acd/contacts", "{\"channel\":\"VOICE\",\"queue\":\"RETAIL\"}"), 400, "validation");
    assertProblem(api.post("cti", "/api/acd/contacts", "{\"externalId\":\"X-1\",\"channel\":\"FAX\",\"queue\":\"RETAIL\"}"), 400, "invalid-parameter");
    assertProblem(api.post("cti", "/api/acd/contacts", "{\"externalId\":\"X-1\",\"channel\":\"VOICE\",\"queue\":\"NOPE\"}"), 400, "unknown-queue");
    assertProblem(api.post("cti", "/api/acd/contacts", "{\"externalId\":\"X-1\",\"channel\":\"VOICE\",\"queue\":\"RETAIL\",\"priority\":12}"), 400, "validation");
    assertProblem(api.post("cti", "/api/acd/contacts", "{\"externalId\":\"X-1\",\"channel\":\"VOICE\",\"queue\":\"RETAIL\",\"customerId\":999999999}"), 400, "unknown-customer");
    assertProblem(api.post("cti", "/api/acd/contacts", "{\"externalId\":"), 400, "malformed-body");
    assertProblem(api.post("agent1", "/api/acd/contacts", contact("X-2", "RETAIL", "13800000000")), 403, "forbidden");
    assertProblem(api.post("cti", "/api/acd/contacts/NO-SUCH/ended", ""), 404, "not-found");
    assertProblem(api.post("cti", "/api/acd/contacts/NO-SUCH/exploded", ""), 400, "invalid-parameter");
    assertProblem(api.post("agent7", "/api/acd/agents/agent7/state", state("NOT_READY")), 400, "invalid-reason");
    assertProblem(api.post("agent7", "/api/acd/agents/agent7/state", "{\"state\":\"NOT_READY\",\"reason\":\"NO_ANSWER\"}"), 400, "invalid-reason");
    assertProblem(api.post("agent7", "/api/acd/agents/agent7/state", state("BUSY")), 400, "invalid-parameter");
    assertProblem(api.post("agent7", "/api/acd/agents/agent8/state", state("READY")), 404, "not-found");
    assertProblem(api.post("staff1", "/api/acd/agents/agent8/state", state("READY")), 403, "forbidden");
    assertProblem(api.post("cti", "/api/acd/offers/abc/accept", ""), 400, "invalid-parameter");
    assertProblem(api.post("cti", "/api/acd/offers/1/accept", ""), 404, "not-found");
    assertProblem(api.get("cti", "/api/acd/queues/NOPE/stats"), 404, "not-found");
    Api.Reply breakTime = api.post("agent7", "/api/acd/agents/agent7/state", "{\"state\":\"NOT_READY\",\"reason\":\"BREAK\"}");
    assertEquals(200, breakTime.status(), breakTime.body());
    assertEquals("BREAK", breakTime.json().getString("reason"));
    logOut(api, "agent7");
  }

  @Test
  void anUnansweredOfferGoesToTheNextAgentAndRepeatedMissesSetNotReady() throws Exception {
    Api api = new Api(base);
    // ENGLISH: round robin, offer timeout 8 s, 2 misses → NOT_READY, wrap-up 5 s. agent5 and agent10 speak English.
    api.post("cti", "/api/acd/agents/agent5/state", state("READY"));
    api.post("cti", "/api/acd/agents/agent10/state", state("READY"));
    assertEquals(202, api.post("cti", "/api/acd/contacts", contact("IT-EN-1", "ENGLISH", "+4420700000")).status());
    String first = awaitOffer(api, "IT-EN-1", null);
    String second = first.equals("agent5") ? "agent10" : "agent5";
    // Nobody answers: after the timeout the contact goes to the other agent.
    assertEquals(second, awaitOffer(api, "IT-EN-1", first));
    JsonObject missed = api.get("cti", "/api/acd/agents/" + first).json();
    assertEquals(1, missed.getInt("misses"));
    assertEquals("READY", missed.getString("state"));
    JsonObject routing = api.get("cti", "/api/acd/contacts/IT-EN-1/routing").json();
    assertEquals("TIMED_OUT", routing.getJsonArray("offers").getJsonObject(1).getString("outcome"));
    // The second agent takes it, ends it; the wrap-up timer (5 s) makes him READY again.
    long offerId = api.get("cti", "/api/acd/contacts/IT-EN-1").json().getJsonNumber("offerId").longValue();
    assertEquals("BUSY", api.post(second, "/api/acd/offers/" + offerId + "/accept", "").json().getString("state"));
    api.post("cti", "/api/acd/contacts/IT-EN-1/ended", "");
    awaitSeat(api, "cti", second, s -> "READY".equals(s.getString("state")));
    // Round robin comes back to the first agent, who misses again: NOT_READY, reason NO_ANSWER.
    api.post("cti", "/api/acd/agents/" + second + "/state", "{\"state\":\"NOT_READY\",\"reason\":\"MEETING\"}");
    assertEquals(202, api.post("cti", "/api/acd/contacts", contact("IT-EN-2", "ENGLISH", "+4420700001")).status());
    assertEquals(first, awaitOffer(api, "IT-EN-2", null));
    JsonObject noAnswer = awaitSeat(api, "cti", first, s -> "NOT_READY".equals(s.getString("state")));
    assertEquals("NO_ANSWER", noAnswer.getString("reason"));
    assertEquals("WAITING", api.get("cti", "/api/acd/contacts/IT-EN-2").json().getString("state"));
    api.post("cti", "/api/acd/contacts/IT-EN-2/abandoned", "");
    logOut(api, "agent5", "agent10");
  }

  /** A supervisor steers the waiting line: a higher priority, then another queue; the arrival time stays, both audited. */
  @Test
  void aSupervisorRaisesAWaitingContactsPriorityAndMovesItToAnotherQueue() throws Exception {
    Api api = new Api(base);
    logOut(api, "agent5", "agent10"); // nobody takes English calls: the contact waits
    Api.Reply posted = api.post("cti", "/api/acd/contacts", contact("IT-STEER-1", "ENGLISH", "13912345678"));
    assertEquals(202, posted.status(), posted.body());
    String arrived = posted.json().getString("arrivedAt");
    String line = api.get("super1", "/api/acd/waiting").body();
    assertTrue(line.contains("\"IT-STEER-1\"") && line.contains("139****5678") && !line.contains("13912345678"), "listed, number masked: " + line);
    assertEquals(403, api.get("agent1", "/api/acd/waiting").status());

    assertProblem(api.post("super1", "/api/acd/contacts/IT-STEER-1/priority", "{\"priority\":12}"), 400, "invalid-priority");
    assertProblem(api.post("agent1", "/api/acd/contacts/IT-STEER-1/priority", "{\"priority\":7}"), 403, "forbidden");
    Api.Reply raised = api.post("super1", "/api/acd/contacts/IT-STEER-1/priority", "{\"priority\":7,\"reason\":\"客户第三次来电\"}");
    assertEquals(200, raised.status(), raised.body());
    assertEquals(7, raised.json().getInt("priority"));

    assertProblem(api.post("super1", "/api/acd/contacts/IT-STEER-1/move", "{\"queue\":\"ENGLISH\"}"), 400, "same-queue");
    assertProblem(api.post("super1", "/api/acd/contacts/IT-STEER-1/move", "{\"queue\":\"NOPE\"}"), 400, "unknown-queue");
    Api.Reply moved = api.post("super1", "/api/acd/contacts/IT-STEER-1/move", "{\"queue\":\"COMPLAINT\",\"reason\":\"英文坐席均不在线\"}");
    assertEquals(200, moved.status(), moved.body());
    assertEquals("COMPLAINT", moved.json().getString("queue"));
    assertEquals(arrived, moved.json().getString("arrivedAt"), "moved, not sent to the back of the line");
    assertEquals("SUPERVISOR", Db.scalar("SELECT V.REASON FROM ACD_QUEUE_VISIT V JOIN ACD_INTERACTION I ON I.ID = V.INTERACTION_ID"
        + " WHERE I.EXTERNAL_ID = 'IT-STEER-1' AND V.VISIT_NO = 2"));
    assertEquals("priority 0 → priority 7: 客户第三次来电", Db.scalar(
        "SELECT BEFORE_SUMMARY || ' → ' || AFTER_SUMMARY FROM AUDIT_EVENT WHERE ACTION = 'ACD_CONTACT_PRIORITY_CHANGED' AND TARGET_ID = 'IT-STEER-1'"));
    assertEquals("1", Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'ACD_CONTACT_MOVED' AND TARGET_ID = 'IT-STEER-1' AND ACTOR_LOGIN = 'super1'"));
    api.post("cti", "/api/acd/contacts/IT-STEER-1/abandoned", "");
  }

  /** The agent a contact is offered to, waiting up to 15 s for an offer to someone other than {@code not}. */
  static String awaitOffer(Api api, String externalId, String not) throws InterruptedException {
    for (int i = 0; i < 150; i++) {
      JsonObject c = api.get("cti", "/api/acd/contacts/" + externalId).json();
      if ("OFFERED".equals(c.getString("state")) && c.containsKey("agent") && !c.isNull("agent") && !c.getString("agent").equals(not)) {
        assertNotNull(c.get("offerId"));
        return c.getString("agent");
      }
      Thread.sleep(100);
    }
    throw new AssertionError(externalId + " was not offered (to anyone but " + not + ")");
  }

  /**
   * Night mode with a callback list (回拨): CORPORATE closed for the test (a calendar without working hours, closed
   * action CALLBACK). A call then ends at once as CALLBACK and waits on the list — once, however often the CTI repeats
   * it; agents of the queue see it masked, one takes it and sees the number, others cannot take or record it;
   * unanswered calls put it back until the third, which gives it up; a reached caller ends it. Each step audited.
   */
  @Test
  void aCallOutsideHoursWaitsOnTheCallbackListUntilAnAgentReachesTheCaller() throws Exception {
    Api api = new Api(base);
    List<String> corporate = logins("SELECT S.LOGIN FROM STAFF S JOIN ACD_AGENT_SKILL K ON K.STAFF_ID = S.ID JOIN ACD_SKILL SK ON SK.ID = K.SKILL_ID"
        + " WHERE SK.CODE = 'CORPORATE' AND K.SKILL_LEVEL >= 6 ORDER BY S.LOGIN");
    String outsider = logins("SELECT S.LOGIN FROM STAFF S JOIN STAFF_ROLE R ON R.STAFF_ID = S.ID WHERE R.ROLE_NAME = 'AGENT' AND S.ID NOT IN"
        + " (SELECT K.STAFF_ID FROM ACD_AGENT_SKILL K JOIN ACD_SKILL SK ON SK.ID = K.SKILL_ID WHERE SK.CODE = 'CORPORATE' AND K.SKILL_LEVEL >= 6)"
        + " ORDER BY S.LOGIN").get(0);
    String a = corporate.get(0);
    String b = corporate.get(1);
    try (AutoCloseable night = Fixtures.nightWithCallbacks("CORPORATE")) {
      JsonObject closed = api.post("cti", "/api/acd/contacts", contact("IT-CB-1", "CORPORATE", "13800138111")).json();
      assertEquals("ENDED", closed.getString("state"));
      assertEquals("CALLBACK", closed.getString("disposition"));
      assertEquals(202, api.post("cti", "/api/acd/contacts", contact("IT-CB-1", "CORPORATE", "13800138111")).status());
      assertEquals(202, api.post("cti", "/api/acd/contacts", contact("IT-CB-2", "CORPORATE", "13800138222")).status());
      assertEquals("1", Db.scalar("SELECT COUNT(*) FROM ACD_CALLBACK C JOIN ACD_INTERACTION I ON I.ID = C.INTERACTION_ID WHERE I.EXTERNAL_ID = 'IT-CB-1'"));

      JsonObject listed = callback(api, a, "IT-CB-1");
      assertEquals("OPEN", listed.getString("status"));
      assertEquals("CORPORATE", listed.getString("queue"));
      assertTrue(listed.getString("callerNumber").contains("*") && !listed.getString("callerNumber").contains("00138"), "masked in the list: " + listed);
      assertNotNull(callback(api, "super1", "IT-CB-1"));
      assertFalse(api.get(outsider, "/api/acd/callbacks").body().contains("IT-CB-1"), "not a queue the outsider serves");
      long id = listed.getJsonNumber("id").longValue();
      String path = "/api/acd/callbacks/" + id;

      assertProblem(api.post(outsider, path + "/claim", ""), 403, "callback-not-your-queue");
      assertEquals(403, api.post("staff1", path + "/claim", "").status());
      assertProblem(api.post(a, path + "/outcome", "{\"reached\":true}"), 409, "callback-not-claimed");
      JsonObject taken = api.post(a, path + "/claim", "").json();
      assertEquals("13800138111", taken.getString("callerNumber"), "the agent who holds it sees the number");
      assertTrue(taken.getBoolean("mine"));
      assertProblem(api.post(b, path + "/claim", ""), 409, "callback-taken");
      assertFalse(callback(api, b, "IT-CB-1").getString("callerNumber").equals("13800138111"), "others still see it masked");
      assertProblem(api.post(b, path + "/outcome", "{\"reached\":false}"), 403, "callback-of-another-agent");
      assertProblem(api.post(a, path + "/outcome", "{}"), 400, "reached-required");

      // Three unanswered calls by whoever holds it: back on the list twice, then given up.
      JsonObject again = api.post(a, path + "/outcome", "{\"reached\":false,\"note\":\"无人接听\"}").json();
      assertEquals("OPEN", again.getString("status"));
      assertEquals(1, again.getInt("attempts"));
      assertEquals(200, api.post(b, path + "/claim", "").status());
      assertEquals("OPEN", api.post(b, path + "/outcome", "{\"reached\":false}").json().getString("status"));
      assertEquals(200, api.post(a, path + "/claim", "").status());
      JsonObject given = api.post(a, path + "/outcome", "{\"reached\":false,\"note\":\"空号\"}").json();
      assertEquals("GAVE_UP", given.getString("status"));
      assertEquals(3, given.getInt("attempts"));
      assertFalse(api.get(a, "/api/acd/callbacks").body().contains("IT-CB-1"), "a finished callback leaves the list");
      assertProblem(api.post(b, path + "/claim", ""), 409, "callback-taken");

      long second = callback(api, b, "IT-CB-2").getJsonNumber("id").longValue();
      assertEquals(200, api.post(b, "/api/acd/callbacks/" + second + "/claim", "").status());
      assertEquals("DONE", api.post(b, "/api/acd/callbacks/" + second + "/outcome", "{\"reached\":true,\"note\":\"已答复开户进度\"}").json().getString("status"));
      assertEquals("4", Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'CALLBACK_CLAIMED' AND TARGET_ID IN (?, ?)", Long.toString(id), Long.toString(second)));
      assertEquals("1", Db.scalar("SELECT COUNT(*) FROM AUDIT_EVENT WHERE ACTION = 'CALLBACK_REACHED' AND TARGET_ID = ?", Long.toString(second)));
    }
  }

  private static JsonObject callback(Api api, String user, String externalId) {
    Api.Reply list = api.get(user, "/api/acd/callbacks");
    assertEquals(200, list.status(), list.body());
    return list.parse().asJsonArray().getValuesAs(JsonObject.class).stream()
        .filter(c -> c.getString("contactExternalId").equals(externalId)).findFirst()
        .orElseThrow(() -> new AssertionError(externalId + " not on " + user + "'s callback list: " + list.body()));
  }

  private static List<String> logins(String sql) throws Exception {
    List<String> logins = new java.util.ArrayList<>();
    try (var c = Db.connect(); var rs = c.createStatement().executeQuery(sql)) {
      while (rs.next()) {
        logins.add(rs.getString(1));
      }
    }
    return logins;
  }

  static void logOut(Api api, String... logins) {
    for (String login : logins) {
      Api.Reply r = api.post("cti", "/api/acd/agents/" + login + "/state", state("LOGGED_OUT"));
      assertEquals(200, r.status(), r.body());
    }
  }

  // ---- The Erlang C planner over HTTP: figures, roles, and bad parameters named in problem+json.



  static final String CLASSIC = "arrivalsPerHour=360&ahtSeconds=240";

  @Test
  void supervisorGetsTheErlangCFigures() {
    Api.Reply reply = new Api(base).get("super1", "/api/planning/erlang-c?" + CLASSIC + "&agents=29&thresholdSeconds=20");
    assertEquals(200, reply.status(), reply.body());
    assertTrue(reply.contentType().startsWith("application/json"), reply.contentType());
    JsonObject f = reply.json();
    // 24 Erlangs on 29 agents (docs/erlang-c.md).
    assertEquals(24.0, f.getJsonNumber("trafficErlangs").doubleValue(), 1e-12);
    assertEquals(0.242273984673597, f.getJsonNumber("probabilityOfWaiting").doubleValue(), 1e-9);
    assertEquals(0.840283145662605, f.getJsonNumber("serviceLevel").doubleValue(), 1e-9);
    assertEquals(11.62915126433268, f.getJsonNumber("asaSeconds").doubleValue(), 1e-9);
    assertEquals(24.0 / 29, f.getJsonNumber("occupancy").doubleValue(), 1e-12);
    assertTrue(f.getBoolean("stable"));
  }

  @Test
  void overloadedQueueAnswersNullWaitAndNotStable() {
    Api.Reply reply = new Api(base).get("hq1", "/api/planning/erlang-c?" + CLASSIC + "&agents=24&thresholdSeconds=20");
    assertEquals(200, reply.status(), reply.body());
    JsonObject f = reply.json();
    assertFalse(f.getBoolean("stable"));
    assertTrue(f.containsKey("asaSeconds"), "the null is written, not left out: " + reply.body());
    assertEquals(JsonValue.NULL, f.get("asaSeconds"));
    assertEquals(1.0, f.getJsonNumber("probabilityOfWaiting").doubleValue(), 0);
    assertEquals(0.0, f.getJsonNumber("serviceLevel").doubleValue(), 0);
  }

  @Test
  void requiredAgentsWithOccupancyCapAndShrinkage() {
    Api api = new Api(base);
    Api.Reply reply = api.get("super1", "/api/planning/required-agents?" + CLASSIC + "&thresholdSeconds=20&targetServiceLevel=0.8&maxOccupancy=0.85&shrinkage=0.3");
    assertEquals(200, reply.status(), reply.body());
    JsonObject s = reply.json();
    assertEquals(29, s.getInt("agents"));
    assertEquals(42, s.getInt("agentsWithShrinkage")); // ⌈29 / 0.7⌉
    assertEquals(0.840283145662605, s.getJsonNumber("serviceLevel").doubleValue(), 1e-9);
    assertEquals(24.0 / 29, s.getJsonNumber("occupancy").doubleValue(), 1e-12);
    assertEquals(0.242273984673597, s.getJsonNumber("probabilityOfWaiting").doubleValue(), 1e-9);
    // maxOccupancy and shrinkage are optional; decimal shrinkage: ⌈21 / 0.7⌉ is 30, not 31.
    JsonObject plain = api.get("admin1", "/api/planning/required-agents?arrivalsPerHour=340&ahtSeconds=180&thresholdSeconds=20&targetServiceLevel=0.8&shrinkage=0.3").json();
    assertEquals(21, plain.getInt("agents"));
    assertEquals(30, plain.getInt("agentsWithShrinkage"));
    // A large center stays exact and fast: 1,400 Erlangs need 1,414 agents for 80/20.
    assertEquals(1414, api.get("super1", "/api/planning/required-agents?arrivalsPerHour=21000&ahtSeconds=240&thresholdSeconds=20&targetServiceLevel=0.8").json().getInt("agents"));
  }

  @Test
  void onlyPlannersMayAsk() {
    Api api = new Api(base);
    String path = "/api/planning/erlang-c?" + CLASSIC + "&agents=29&thresholdSeconds=20";
    assertProblem(api.get("staff1", path), 403, "forbidden");
    assertProblem(api.get("agent1", path), 403, "forbidden");
    assertProblem(api.get("cti", "/api/planning/required-agents?" + CLASSIC + "&thresholdSeconds=20&targetServiceLevel=0.8"), 403, "forbidden");
    assertProblem(api.get(null, path), 401, "unauthorized");
  }

  @Test
  void badParametersAreNamed() {
    Api api = new Api(base);
    assertField(api.get("super1", "/api/planning/erlang-c?ahtSeconds=240&agents=29&thresholdSeconds=20"), "arrivalsPerHour");
    assertField(api.get("super1", "/api/planning/erlang-c?arrivalsPerHour=abc&ahtSeconds=240&agents=29&thresholdSeconds=20"), "arrivalsPerHour");
    assertField(api.get("super1", "/api/planning/erlang-c?arrivalsPerHour=NaN&ahtSeconds=240&agents=29&thresholdSeconds=20"), "arrivalsPerHour");
    assertField(api.get("super1", "/api/planning/erlang-c?arrivalsPerHour=-5&ahtSeconds=240&agents=29&thresholdSeconds=20"), "arrivalsPerHour");
    assertField(api.get("super1", "/api/planning/erlang-c?" + "arrivalsPerHour=360&ahtSeconds=0&agents=29&thresholdSeconds=20"), "ahtSeconds");
    assertField(api.get("super1", "/api/planning/erlang-c?" + CLASSIC + "&agents=2.5&thresholdSeconds=20"), "agents");
    assertField(api.get("super1", "/api/planning/erlang-c?" + CLASSIC + "&agents=100001&thresholdSeconds=20"), "agents");
    assertField(api.get("super1", "/api/planning/erlang-c?" + CLASSIC + "&agents=29&thresholdSeconds=-1"), "thresholdSeconds");
    String required = "/api/planning/required-agents?" + CLASSIC + "&thresholdSeconds=20";
    assertField(api.get("super1", required), "targetServiceLevel");
    assertField(api.get("super1", required + "&targetServiceLevel=80"), "targetServiceLevel");
    assertField(api.get("super1", required + "&targetServiceLevel=0.8&maxOccupancy=0"), "maxOccupancy");
    assertField(api.get("super1", required + "&targetServiceLevel=0.8&shrinkage=1"), "shrinkage");
    Api.Reply tooBig = api.get("super1", "/api/planning/required-agents?arrivalsPerHour=1500000&ahtSeconds=240&thresholdSeconds=20&targetServiceLevel=0.8");
    assertProblem(tooBig, 400, "staffing-limit");
  }

  static void assertField(Api.Reply reply, String field) {
    assertProblem(reply, 400, "invalid-parameter");
    JsonObject error = reply.json().getJsonArray("errors").getJsonObject(0);
    assertEquals(field, error.getString("field"), reply.body());
  }
}
