package org.centralis.acd.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OverflowTest {

  static final Instant NOW = RouterTest.NOW;
  static final QueueRules CARDS = RouterTest.queue(1, RoutingStrategy.LONGEST_IDLE, Map.of("CARD", 7),
      OverflowStep.widen(20, 2), OverflowStep.widen(40, 2), OverflowStep.move(60, 2));

  static WaitingContact waiting(int inQueueSeconds, int relaxation, int steps) {
    return new WaitingContact(1, 1, 0, NOW.minusSeconds(inQueueSeconds + 100), NOW.minusSeconds(inQueueSeconds), relaxation, steps, Set.of());
  }

  @Test
  void nothingIsDueBeforeTheFirstStep() {
    assertTrue(Overflow.due(waiting(19, 0, 0), CARDS, NOW).isEmpty());
  }

  @Test
  void stepsApplyInOrderByTimeInTheQueue() {
    Overflow.Outcome first = Overflow.due(waiting(20, 0, 0), CARDS, NOW).orElseThrow();
    assertEquals(2, first.relaxation());
    assertEquals(1, first.overflowSteps());
    assertFalse(first.moved());
    assertTrue(Overflow.due(waiting(39, 2, 1), CARDS, NOW).isEmpty());
    // A sweep that comes late applies every due step at once.
    Overflow.Outcome both = Overflow.due(waiting(45, 0, 0), CARDS, NOW).orElseThrow();
    assertEquals(4, both.relaxation());
    assertEquals(2, both.overflowSteps());
  }

  @Test
  void aMoveGoesToTheTargetQueueAndRestartsItsSteps() {
    Overflow.Outcome moved = Overflow.due(waiting(61, 4, 2), CARDS, NOW).orElseThrow();
    assertTrue(moved.moved());
    assertEquals(2, moved.queueId());
    assertEquals(0, moved.relaxation());
    assertEquals(0, moved.overflowSteps());
  }

  @Test
  void wideningMakesMoreAgentsEligibleAndKeepsTheArrivalOrder() {
    ReadyAgent level5 = RouterTest.agent(11, 10, 0, 0, Map.of("CARD", 5));
    WaitingContact young = new WaitingContact(1, 1, 0, NOW.minusSeconds(25), NOW.minusSeconds(25), 0, 0, Set.of());
    assertTrue(Router.plan(List.of(young), List.of(level5), Map.of(1L, CARDS), NOW).isEmpty());
    Overflow.Outcome o = Overflow.due(young, CARDS, NOW).orElseThrow();
    WaitingContact widened = new WaitingContact(1, o.queueId(), 0, young.arrivedAt(), young.queueEnteredAt(), o.relaxation(), o.overflowSteps(), Set.of());
    assertEquals(11, Router.plan(List.of(widened), List.of(level5), Map.of(1L, CARDS), NOW).get(0).agent().id());
  }

  @Test
  void anAgentGoesNotReadyAfterTheConfiguredNumberOfMisses() {
    assertEquals(AgentState.READY, Overflow.afterMiss(1, 2));
    assertEquals(AgentState.NOT_READY, Overflow.afterMiss(2, 2));
    assertEquals(AgentState.NOT_READY, Overflow.afterMiss(1, 1));
    assertEquals(AgentState.READY, Overflow.afterMiss(5, 0)); // 0: never
  }
}
