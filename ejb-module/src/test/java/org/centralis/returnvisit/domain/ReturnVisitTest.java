package org.centralis.returnvisit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.centralis.shared.domain.ConflictException;
import org.centralis.shared.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

class ReturnVisitTest {

  private static final Instant NOW = Instant.parse("2026-11-20T02:00:00Z");

  private static ReturnVisit visit() {
    return ReturnVisit.plan(1, "T20261120-000001", "COMPLAINT", 7L, "/1/2/", "ALL_COMPLAINTS", NOW);
  }

  @Test
  void csatOfTwoOrLessIsUnsatisfiedAndEscalated() {
    for (int csat = 1; csat <= 5; csat++) {
      ReturnVisit v = visit();
      v.reached(csat, "ok", "agent1", NOW);
      assertEquals(ReturnVisitStatus.COMPLETED, v.getStatus());
      assertEquals(csat <= 2, v.unsatisfied(), "CSAT " + csat);
      assertEquals(csat <= 2, v.isEscalated(), "CSAT " + csat);
      assertEquals(1, v.getAttempts());
    }
  }

  @Test
  void csatOutsideOneToFiveIsRefused() {
    assertThrows(InvalidInputException.class, () -> visit().reached(0, null, "agent1", NOW));
    assertThrows(InvalidInputException.class, () -> visit().reached(6, null, "agent1", NOW));
  }

  @Test
  void unreachedAttemptsCountAndTheLastOneClosesTheVisitAsUnreachable() {
    ReturnVisit v = visit();
    v.notReached("无人接听", "agent1", 3, NOW);
    v.notReached("关机", "agent2", 3, NOW);
    assertEquals(ReturnVisitStatus.OPEN, v.getStatus());
    v.notReached("空号", "agent1", 3, NOW);
    assertEquals(ReturnVisitStatus.UNREACHABLE, v.getStatus());
    assertEquals(3, v.getAttempts());
    assertFalse(v.unsatisfied());
    assertTrue(v.getStatus().isDone());
  }

  @Test
  void aFinishedVisitTakesNoFurtherOutcome() {
    ReturnVisit v = visit();
    v.reached(4, null, "agent1", NOW);
    assertThrows(ConflictException.class, () -> v.reached(1, null, "agent1", NOW));
    assertThrows(ConflictException.class, () -> v.notReached(null, "agent1", 3, NOW));
  }
}
