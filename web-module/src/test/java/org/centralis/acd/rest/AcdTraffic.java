package org.centralis.acd.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.centralis.it.Api;
import org.centralis.it.Db;

/**
 * Many contacts and agents driven from parallel threads through the API of one or more nodes: contacts arrive and
 * some are abandoned, agents accept or reject offers, end contacts, end wrap-ups and take breaks at random. With
 * several nodes, each poster and each agent talks to its own node and the CTI's end and abandon events go to another
 * one, so every offer crosses nodes. Asserted from the offer and contact tables: no contact was ever offered to two
 * agents at once, no agent was ever offered or held two contacts at once, and every contact ended (none lost or stuck).
 * Run by the two-node test ({@code TwoNodesIT}).
 *
 * <p>CI runs it small (21 demo agents, 150 contacts). The full size runs the same code with
 * {@code -Dacd.traffic.agents=200 -Dacd.traffic.contacts=5000}: agents beyond the demo's are added to the database
 * first, as copies of agent1 (its branch, password and skills); docs/performance.md records that run.
 */
public final class AcdTraffic {

  public static final int CONTACTS = Integer.getInteger("acd.traffic.contacts", 150);
  public static final String PREFIX = "IT-CONC-";
  private static final int AGENTS = Integer.getInteger("acd.traffic.agents", 0);
  /** Staff ids of the added agents: far above the demo's and the load bench's (5,000,001…). */
  private static final long ADDED_AGENT_IDS = 6_000_000;

  private AcdTraffic() {}

  /**
   * Agents not used by AcdApiIT (every demo agent has RETAIL ≥ 3, which the RETAIL queue asks for), then added
   * agents {@code traffic001…} up to {@code acd.traffic.agents}.
   */
  public static List<String> agents() throws Exception {
    List<String> agents = new ArrayList<>(
        IntStream.rangeClosed(1, 30).filter(n -> n % 5 != 0 && n != 7 && n != 17 && n != 19).mapToObj(n -> "agent" + n).toList());
    for (int n = 1; agents.size() < AGENTS; n++) {
      agents.add(addAgentLike("agent1", String.format("traffic%03d", n), ADDED_AGENT_IDS + n));
    }
    return agents;
  }

  /** A new agent with {@code model}'s branch, password and skills (once: an existing login is kept as it is). */
  private static String addAgentLike(String model, String login, long id) throws Exception {
    if (count("SELECT COUNT(*) FROM STAFF WHERE LOGIN = '" + login + "'") == 0) {
      Db.update("INSERT INTO STAFF (ID, LOGIN, FULL_NAME, BRANCH_ID, LOCALE, PASSWORD_HASH, ACTIVE)"
          + " SELECT ?, ?, ?, BRANCH_ID, LOCALE, PASSWORD_HASH, 1 FROM STAFF WHERE LOGIN = ?", id, login, "话务压测 " + login, model);
      Db.update("INSERT INTO STAFF_ROLE (STAFF_ID, ROLE_NAME) VALUES (?, 'AGENT')", id);
      Db.update("INSERT INTO ACD_AGENT_STATE (STAFF_ID, LOGIN, BRANCH_PATH, STATE, EXTENSION, STATE_SINCE, VERSION)"
          + " SELECT ?, ?, BRANCH_PATH, 'LOGGED_OUT', ?, STATE_SINCE, 0 FROM ACD_AGENT_STATE WHERE LOGIN = ?", id, login, Long.toString(id % 100_000 + 80_000), model);
      Db.update("INSERT INTO ACD_AGENT_SKILL (STAFF_ID, SKILL_ID, SKILL_LEVEL) SELECT ?, SKILL_ID, SKILL_LEVEL FROM ACD_AGENT_SKILL"
          + " WHERE STAFF_ID = (SELECT ID FROM STAFF WHERE LOGIN = ?)", id, model);
    }
    return login;
  }

  /** Runs the traffic over the nodes and checks it; logs the agents out at the end, whatever happened. */
  public static void runAndCheck(List<Api> nodes) throws Exception {
    List<String> agents = agents();
    try {
      run(nodes, agents);
    } finally {
      for (String agent : agents) {
        nodes.get(0).post("cti", "/api/acd/agents/" + agent + "/state", "{\"state\":\"LOGGED_OUT\"}");
      }
    }
  }

  static void run(List<Api> nodes, List<String> agents) throws Exception {
    // Sign every agent in once first (a PBKDF2 check and an audited transaction each), so that the traffic
    // measures the ACD and not a storm of first sign-ins.
    for (int a = 0; a < agents.size(); a++) {
      assertEquals(200, node(nodes, a).get(agents.get(a), "/api/acd/agents/" + agents.get(a)).status());
    }
    // Offers reach the agents as they would reach their desks: pushed. One stream (every node publishes every event
    // on the topic) wakes the agent an offer names; agents do not poll their seats for offers.
    Map<String, BlockingQueue<Boolean>> wake = new ConcurrentHashMap<>();
    agents.forEach(a -> wake.put(a, new LinkedBlockingQueue<>()));
    Pattern offeredTo = Pattern.compile("\"type\":\"CONTACT_OFFERED\".*\"agent\":\"([^\"]+)\"");
    nodes.get(0).events("cti", "/api/acd/events", line -> {
      Matcher m = offeredTo.matcher(line);
      if (line.startsWith("data:") && m.find() && wake.containsKey(m.group(1))) {
        wake.get(m.group(1)).offer(Boolean.TRUE);
      }
    });
    ExecutorService pool = Executors.newFixedThreadPool(agents.size() + 4);
    AtomicBoolean posting = new AtomicBoolean(true);
    AtomicInteger accepted = new AtomicInteger();
    AtomicInteger rejected = new AtomicInteger();
    AtomicInteger liveViolations = new AtomicInteger();
    Map<String, String> errors = new ConcurrentHashMap<>();
    List<Future<?>> work = new ArrayList<>();
    for (int a = 0; a < agents.size(); a++) {
      Api own = node(nodes, a);
      Api cti = node(nodes, a + 1);
      String agent = agents.get(a);
      work.add(pool.submit(() -> agentLoop(own, cti, agent, wake.get(agent), posting, accepted, rejected, errors)));
    }
    List<Future<?>> posters = new ArrayList<>();
    for (int t = 0; t < 4; t++) {
      int thread = t;
      posters.add(pool.submit(() -> {
        SplittableRandom r = new SplittableRandom(thread);
        Api api = node(nodes, thread);
        Api other = node(nodes, thread + 1);
        for (int i = thread; i < CONTACTS; i += 4) {
          String id = PREFIX + i;
          Api.Reply reply = api.post("cti", "/api/acd/contacts", "{\"externalId\":\"" + id + "\",\"channel\":\"VOICE\",\"queue\":\"RETAIL\",\"callerNumber\":\"1390000"
              + String.format("%04d", i) + "\",\"priority\":" + r.nextInt(3) + "}");
          check(reply.status() == 202, errors, "post " + id + ": " + reply.status() + " " + reply.body());
          if (r.nextInt(20) == 0) {
            Api.Reply gone = other.post("cti", "/api/acd/contacts/" + id + "/abandoned", "");
            check(gone.status() == 200 || gone.status() == 409, errors, "abandon " + id + ": " + gone.status() + " " + gone.body());
          }
        }
        return null;
      }));
    }
    Future<?> watcher = pool.submit(() -> {
      while (posting.get()) {
        liveViolations.addAndGet(count("SELECT COUNT(*) FROM (SELECT INTERACTION_ID FROM ACD_OFFER WHERE OUTCOME = 'PENDING' GROUP BY INTERACTION_ID HAVING COUNT(*) > 1)"));
        liveViolations.addAndGet(count("SELECT COUNT(*) FROM (SELECT AGENT_ID FROM ACD_OFFER WHERE OUTCOME = 'PENDING' GROUP BY AGENT_ID HAVING COUNT(*) > 1)"));
        liveViolations.addAndGet(count("SELECT COUNT(*) FROM (SELECT AGENT_ID FROM ACD_INTERACTION WHERE STATE = 'CONNECTED' GROUP BY AGENT_ID HAVING COUNT(*) > 1)"));
        Thread.sleep(50);
      }
      return null;
    });
    for (Future<?> p : posters) {
      p.get(30, TimeUnit.MINUTES);
    }
    long deadline = System.currentTimeMillis() + Math.max(240_000, CONTACTS * 100L);
    while (open() > 0 && System.currentTimeMillis() < deadline) {
      Thread.sleep(250);
    }
    posting.set(false);
    for (Future<?> w : work) {
      w.get(2, TimeUnit.MINUTES);
    }
    watcher.get(1, TimeUnit.MINUTES);
    pool.shutdown();

    int contactOverlaps = count("SELECT COUNT(*) FROM ACD_OFFER A, ACD_OFFER B, ACD_INTERACTION I WHERE I.ID = A.INTERACTION_ID AND I.EXTERNAL_ID LIKE '" + PREFIX + "%'"
        + " AND B.INTERACTION_ID = A.INTERACTION_ID AND A.ID <> B.ID AND A.OFFERED_AT <= B.OFFERED_AT"
        + " AND B.OFFERED_AT < COALESCE(A.DECIDED_AT, TIMESTAMP '9999-12-31 00:00:00')");
    int agentOfferOverlaps = count("SELECT COUNT(*) FROM ACD_OFFER A, ACD_OFFER B, ACD_INTERACTION I WHERE I.ID = A.INTERACTION_ID AND I.EXTERNAL_ID LIKE '" + PREFIX + "%'"
        + " AND B.AGENT_ID = A.AGENT_ID AND A.ID <> B.ID AND A.OFFERED_AT <= B.OFFERED_AT"
        + " AND B.OFFERED_AT < COALESCE(A.DECIDED_AT, TIMESTAMP '9999-12-31 00:00:00')");
    int heldOverlaps = count("SELECT COUNT(*) FROM ACD_INTERACTION A, ACD_INTERACTION B WHERE A.EXTERNAL_ID LIKE '" + PREFIX + "%'"
        + " AND B.AGENT_ID = A.AGENT_ID AND A.ID <> B.ID AND A.ANSWERED_AT <= B.ANSWERED_AT AND B.ANSWERED_AT < COALESCE(A.ENDED_AT, TIMESTAMP '9999-12-31 00:00:00')");
    int twiceAccepted = count("SELECT COUNT(*) FROM (SELECT INTERACTION_ID FROM ACD_OFFER WHERE OUTCOME = 'ACCEPTED' GROUP BY INTERACTION_ID HAVING COUNT(*) > 1)");
    int stuck = open();
    int total = count("SELECT COUNT(*) FROM ACD_INTERACTION WHERE EXTERNAL_ID LIKE '" + PREFIX + "%'");
    int offers = count("SELECT COUNT(*) FROM ACD_OFFER O, ACD_INTERACTION I WHERE I.ID = O.INTERACTION_ID AND I.EXTERNAL_ID LIKE '" + PREFIX + "%'");
    System.out.printf("ACD traffic on %d node(s): %d contacts, %d offers (%d accepted, %d rejected by agents), %d agents;"
            + " violations: contact offered twice at once %d, agent offered twice at once %d, agent holding two %d, accepted twice %d, live %d; stuck %d%n",
        nodes.size(), total, offers, accepted.get(), rejected.get(), agents.size(), contactOverlaps, agentOfferOverlaps, heldOverlaps, twiceAccepted, liveViolations.get(), stuck);
    assertTrue(errors.isEmpty(), "unexpected answers: " + errors);
    assertEquals(CONTACTS, total);
    assertTrue(rejected.get() > 0 && accepted.get() > 100, "the run exercised both answers");
    assertEquals(0, contactOverlaps, "a contact offered to two agents at once");
    assertEquals(0, agentOfferOverlaps, "an agent offered two contacts at once");
    assertEquals(0, heldOverlaps, "an agent holding two contacts at once");
    assertEquals(0, twiceAccepted, "a contact accepted twice");
    assertEquals(0, liveViolations.get(), "violations seen live");
    assertEquals(0, stuck, "contacts neither ended, abandoned nor transferred");
  }

  /** One agent: READY, then take (or sometimes reject) offers, end them, end wrap-up, now and then a break. */
  static Void agentLoop(Api api, Api cti, String agent, BlockingQueue<Boolean> wake, AtomicBoolean running, AtomicInteger accepted,
      AtomicInteger rejected, Map<String, String> errors) throws InterruptedException {
    SplittableRandom r = new SplittableRandom(agent.hashCode());
    Api.Reply ready = api.post(agent, "/api/acd/agents/" + agent + "/state", "{\"state\":\"READY\"}");
    check(ready.status() == 200, errors, agent + " ready: " + ready.body());
    while (running.get()) {
      wake.clear(); // the seat read next shows every offer signalled so far
      JsonObject seat = api.get(agent, "/api/acd/agents/" + agent).json();
      String state = seat.getString("state");
      if ("RESERVED".equals(state) && !seat.isNull("offerId")) {
        long offer = seat.getJsonNumber("offerId").longValue();
        String contact = seat.getString("contactExternalId");
        if (r.nextInt(10) == 0) {
          Api.Reply no = api.post(agent, "/api/acd/offers/" + offer + "/reject", "");
          check(no.status() == 200 || no.status() == 409, errors, agent + " reject: " + no.body());
          if (no.status() == 200) {
            rejected.incrementAndGet();
          }
          continue;
        }
        Api.Reply yes = api.post(agent, "/api/acd/offers/" + offer + "/accept", "");
        // 409: the caller hung up meanwhile (offer cancelled).
        check(yes.status() == 200 || yes.status() == 409, errors, agent + " accept: " + yes.body());
        if (yes.status() != 200) {
          continue;
        }
        accepted.incrementAndGet();
        Thread.sleep(r.nextInt(30));
        Api.Reply end = cti.post("cti", "/api/acd/contacts/" + contact + (r.nextInt(10) == 0 ? "/transferred" : "/ended"), "");
        check(end.status() == 200, errors, agent + " end " + contact + ": " + end.body());
        Api.Reply wrap = api.post(agent, "/api/acd/agents/" + agent + "/state", "{\"state\":\"WRAP_UP_END\"}");
        check(wrap.status() == 200, errors, agent + " wrap-up end: " + wrap.body());
      } else if ("READY".equals(state) && r.nextInt(40) == 0) {
        Api.Reply pause = api.post(agent, "/api/acd/agents/" + agent + "/state", "{\"state\":\"NOT_READY\",\"reason\":\"BREAK\"}");
        // 409: an offer reached the agent first.
        check(pause.status() == 200 || pause.status() == 409, errors, agent + " break: " + pause.body());
        Thread.sleep(r.nextInt(50));
        api.post(agent, "/api/acd/agents/" + agent + "/state", "{\"state\":\"READY\"}");
      } else if ("NOT_READY".equals(state) || "WRAP_UP".equals(state)) {
        api.post(agent, "/api/acd/agents/" + agent + "/state", "{\"state\":\"" + ("WRAP_UP".equals(state) ? "WRAP_UP_END" : "READY") + "\"}");
      } else {
        wake.poll(IDLE_WAIT_MS, TimeUnit.MILLISECONDS);
      }
    }
    return null;
  }

  /**
   * How long an idle agent waits for an offer before reading its seat anyway. An offer wakes it at once (the event
   * stream); the wait bounds how long a lost event goes unnoticed and spaces the random breaks. Longer with more
   * agents, so that 200 idle agents do not read their seats hundreds of times a second and crowd out routing.
   */
  private static final int IDLE_WAIT_MS = Math.max(250, AGENTS * 10);

  private static Api node(List<Api> nodes, int i) {
    return nodes.get(i % nodes.size());
  }

  static void check(boolean ok, Map<String, String> errors, String what) {
    if (!ok) {
      errors.putIfAbsent(what, what);
    }
  }

  static int open() throws Exception {
    return count("SELECT COUNT(*) FROM ACD_INTERACTION WHERE EXTERNAL_ID LIKE '" + PREFIX + "%' AND STATE IN ('WAITING', 'OFFERED', 'CONNECTED')");
  }

  static int count(String sql) throws Exception {
    return Integer.parseInt(Db.scalar(sql));
  }
}
