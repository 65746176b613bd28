package org.centralis.acd.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.centralis.acd.domain.Router.Match;
import org.centralis.acd.domain.Router.Reservation;
import org.junit.jupiter.api.Test;

class RouterTest {

  static final Instant NOW = Instant.parse("2026-11-26T02:00:00Z");

  static QueueRules queue(long id, RoutingStrategy strategy, Map<String, Integer> skills, OverflowStep... steps) {
    return new QueueRules(id, "Q" + id, strategy, skills, List.of(steps), null);
  }

  static ReadyAgent agent(long id, int idleSeconds, int contactsToday, double occupancy, Map<String, Integer> skills) {
    return new ReadyAgent(id, "agent" + id, skills, NOW.minusSeconds(idleSeconds), contactsToday, occupancy);
  }

  static WaitingContact contact(long id, long queue, int priority, int waitedSeconds) {
    return new WaitingContact(id, queue, priority, NOW.minusSeconds(waitedSeconds), NOW.minusSeconds(waitedSeconds), 0, 0, Set.of());
  }

  static long chosen(QueueRules q, List<ReadyAgent> agents) {
    List<Match> m = Router.plan(List.of(contact(1, q.id(), 0, 5)), agents, Map.of(q.id(), q), NOW);
    assertEquals(1, m.size());
    return m.get(0).agent().id();
  }

  static final Map<String, Integer> CARD5 = Map.of("CARD", 5);

  @Test
  void longestIdleTakesTheAgentIdleLongest() {
    QueueRules q = queue(1, RoutingStrategy.LONGEST_IDLE, CARD5);
    assertEquals(12, chosen(q, List.of(agent(11, 30, 0, 0, CARD5), agent(12, 90, 9, 0.9, CARD5), agent(13, 60, 0, 0, CARD5))));
  }

  @Test
  void leastOccupiedTakesTheLowestOccupancy() {
    QueueRules q = queue(1, RoutingStrategy.LEAST_OCCUPIED, CARD5);
    assertEquals(13, chosen(q, List.of(agent(11, 90, 0, 0.5, CARD5), agent(12, 60, 0, 0.8, CARD5), agent(13, 10, 5, 0.2, CARD5))));
  }

  @Test
  void fewestContactsTakesTheAgentWithFewestContactsToday() {
    QueueRules q = queue(1, RoutingStrategy.FEWEST_CONTACTS, CARD5);
    assertEquals(11, chosen(q, List.of(agent(11, 5, 2, 0.9, CARD5), agent(12, 90, 7, 0, CARD5), agent(13, 60, 3, 0, CARD5))));
  }

  @Test
  void highestSkillTakesTheBestLevelSum() {
    QueueRules q = queue(1, RoutingStrategy.HIGHEST_SKILL, Map.of("CARD", 5, "EN", 3));
    assertEquals(12, chosen(q, List.of(
        agent(11, 90, 0, 0, Map.of("CARD", 6, "EN", 3)),
        agent(12, 5, 0, 0, Map.of("CARD", 9, "EN", 5)),
        agent(13, 60, 0, 0, Map.of("CARD", 10, "EN", 2))))); // 13 lacks EN 3
  }

  @Test
  void roundRobinRotatesThroughAgentsInIdOrderAndWraps() {
    QueueRules q = queue(1, RoutingStrategy.ROUND_ROBIN, CARD5);
    List<ReadyAgent> agents = List.of(agent(13, 1, 0, 0, CARD5), agent(11, 1, 0, 0, CARD5), agent(12, 1, 0, 0, CARD5));
    assertEquals(11, chosen(q, agents));
    assertEquals(13, chosen(q.withRoundRobinLast(12L), agents));
    assertEquals(11, chosen(q.withRoundRobinLast(13L), agents));
    // Within one pass the pointer advances: three contacts go to 12, 13, 11.
    List<Match> m = Router.plan(List.of(contact(1, 1, 0, 30), contact(2, 1, 0, 20), contact(3, 1, 0, 10)), agents,
        Map.of(1L, q.withRoundRobinLast(11L)), NOW);
    assertEquals(List.of(12L, 13L, 11L), m.stream().map(x -> x.agent().id()).toList());
  }

  @Test
  void tiesBreakByLongestIdleThenLowestId() {
    QueueRules q = queue(1, RoutingStrategy.FEWEST_CONTACTS, CARD5);
    assertEquals(12, chosen(q, List.of(agent(11, 10, 1, 0, CARD5), agent(12, 50, 1, 0, CARD5))));
    assertEquals(11, chosen(q, List.of(agent(12, 50, 1, 0, CARD5), agent(11, 50, 1, 0, CARD5))));
  }

  @Test
  void agentsWithoutTheRequiredLevelsAreNotEligible() {
    QueueRules q = queue(1, RoutingStrategy.LONGEST_IDLE, CARD5);
    assertTrue(Router.plan(List.of(contact(1, 1, 0, 5)), List.of(agent(11, 99, 0, 0, Map.of("CARD", 4)), agent(12, 99, 0, 0, Map.of("LOAN", 9))),
        Map.of(1L, q), NOW).isEmpty());
  }

  @Test
  void priorityOrdersTheQueueBeforeArrivalTime() {
    QueueRules q = queue(1, RoutingStrategy.LONGEST_IDLE, CARD5);
    List<WaitingContact> waiting = List.of(contact(1, 1, 0, 300), contact(2, 1, 5, 10), contact(3, 1, 0, 400), contact(4, 1, 5, 20));
    List<Match> m = Router.plan(waiting, List.of(agent(11, 30, 0, 0, CARD5), agent(12, 20, 0, 0, CARD5), agent(13, 10, 0, 0, CARD5)),
        Map.of(1L, q), NOW);
    // priority 5 first (older first), then the oldest priority-0 contact; contact 1 waits.
    assertEquals(List.of(4L, 2L, 3L), m.stream().map(x -> x.contact().id()).toList());
    assertEquals(List.of(11L, 12L, 13L), m.stream().map(x -> x.agent().id()).toList());
  }

  @Test
  void anAgentInSeveralQueuesGetsTheHighestPriorityThenLongestWaitingContactAmongThem() {
    QueueRules cards = queue(1, RoutingStrategy.LONGEST_IDLE, CARD5);
    QueueRules english = queue(2, RoutingStrategy.LONGEST_IDLE, Map.of("EN", 5));
    QueueRules loans = queue(3, RoutingStrategy.LONGEST_IDLE, Map.of("LOAN", 5));
    ReadyAgent both = agent(11, 30, 0, 0, Map.of("CARD", 6, "EN", 6));
    Map<Long, QueueRules> queues = Map.of(1L, cards, 2L, english, 3L, loans);
    // Older English contact wins over a newer card contact at equal priority.
    assertEquals(2, Router.plan(List.of(contact(1, 1, 0, 40), contact(2, 2, 0, 90)), List.of(both), queues, NOW).get(0).contact().id());
    // A higher priority wins over a longer wait; a contact of a queue he does not serve is skipped.
    assertEquals(1, Router.plan(List.of(contact(1, 1, 3, 40), contact(2, 2, 0, 90), contact(3, 3, 9, 500)), List.of(both), queues, NOW)
        .get(0).contact().id());
  }

  @Test
  void aContactThatWentUnansweredGoesToTheNextAgentAndBackOnlyWhenNobodyElseIsLeft() {
    QueueRules q = queue(1, RoutingStrategy.LONGEST_IDLE, CARD5);
    WaitingContact declinedBy11 = new WaitingContact(1, 1, 0, NOW.minusSeconds(30), NOW.minusSeconds(30), 0, 0, Set.of(11L));
    List<ReadyAgent> agents = List.of(agent(11, 500, 0, 0, CARD5), agent(12, 5, 0, 0, CARD5));
    Match m = Router.plan(List.of(declinedBy11), agents, Map.of(1L, q), NOW).get(0);
    assertEquals(12, m.agent().id());
    Match alone = Router.plan(List.of(declinedBy11), List.of(agents.get(0)), Map.of(1L, q), NOW).get(0);
    assertEquals(11, alone.agent().id());
    assertTrue(alone.explanation().candidates().get(0).declinedBefore());
  }

  @Test
  void aLostRaceTriesTheNextCandidateAndNeverOffersTheLostAgentAgain() {
    QueueRules q = queue(1, RoutingStrategy.LONGEST_IDLE, CARD5);
    List<ReadyAgent> agents = List.of(agent(11, 90, 0, 0, CARD5), agent(12, 60, 0, 0, CARD5), agent(13, 30, 0, 0, CARD5));
    Set<Long> takenElsewhere = Set.of(11L);
    List<Long> tried = new ArrayList<>();
    List<Match> m = Router.assign(List.of(contact(1, 1, 0, 50), contact(2, 1, 0, 40)), agents, Map.of(1L, q), NOW, match -> {
      tried.add(match.agent().id());
      return takenElsewhere.contains(match.agent().id()) ? Reservation.AGENT_TAKEN : Reservation.RESERVED;
    });
    assertEquals(List.of(11L, 12L, 13L), tried);
    assertEquals(List.of(12L, 13L), m.stream().map(x -> x.agent().id()).toList());
    assertEquals(List.of("agent11"), m.get(0).explanation().lostRaces());
    // A contact taken by another router stops its own attempts; the agent stays available.
    Set<Long> tried2 = new HashSet<>();
    List<Match> m2 = Router.assign(List.of(contact(1, 1, 0, 50), contact(2, 1, 0, 40)), agents, Map.of(1L, q), NOW, match -> {
      tried2.add(match.contact().id() * 100 + match.agent().id());
      return match.contact().id() == 1 ? Reservation.CONTACT_TAKEN : Reservation.RESERVED;
    });
    assertEquals(Set.of(111L, 211L), tried2);
    assertEquals(11, m2.get(0).agent().id());
  }

  @Test
  void theExplanationListsCandidatesScoresRelaxedSkillsAndTheRule() {
    QueueRules q = queue(1, RoutingStrategy.LONGEST_IDLE, Map.of("CARD", 7));
    WaitingContact widened = new WaitingContact(1, 1, 2, NOW.minusSeconds(70), NOW.minusSeconds(70), 2, 1, Set.of());
    Match m = Router.plan(List.of(widened), List.of(agent(11, 40, 0, 0, Map.of("CARD", 5)), agent(12, 80, 0, 0, Map.of("CARD", 6))),
        Map.of(1L, q), NOW).get(0);
    RoutingExplanation e = m.explanation();
    assertEquals("agent12", e.chosen());
    assertEquals(List.of("CARD 7→5"), e.skillsRelaxed());
    assertEquals(2, e.candidates().size());
    assertEquals(80, e.candidates().get(0).score());
    assertEquals(70, e.waitedSeconds());
    assertTrue(e.rule().startsWith("LONGEST_IDLE: agent12 idle 80 s"), e.rule());
    String json = e.toJson();
    assertTrue(json.contains("\"chosen\":\"agent12\"") && json.contains("\"skillsRelaxed\":[\"CARD 7→5\"]") && json.contains("\"rank\":2"), json);
    assertFalse(json.contains("\n"));
  }
}
