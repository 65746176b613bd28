package org.centralis.acd.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import org.centralis.shared.domain.ConflictException;
import org.centralis.shared.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

/** A supervisor's changes to a waiting contact: another queue keeps the arrival time, a priority is 0–9. */
class InteractionSteeringTest {

  private static final Instant ARRIVED = Instant.parse("2026-11-26T02:00:00Z");
  private static final Instant LATER = Instant.parse("2026-11-26T02:03:00Z");

  private static Interaction waiting() {
    return Interaction.arrive("C-1", ContactChannel.VOICE, "13912345678", null, 0, 2, 10L, ARRIVED);
  }

  @Test
  void aMoveKeepsTheArrivalTimeAndStartsTheNewQueuesOverflowAfresh() {
    Interaction c = waiting();
    c.overflow(new Overflow.Outcome(10L, 1, 1, false, java.util.List.of()), ARRIVED.plusSeconds(30));
    c.moveTo(20L, LATER);
    assertEquals(20L, c.getQueueId());
    assertEquals(ARRIVED, c.getArrivedAt(), "not sent to the back of the line");
    assertEquals(LATER, c.getQueueEnteredAt());
    assertEquals(0, c.getRelaxation());
    assertEquals(0, c.getOverflowSteps());
    assertEquals("same-queue", assertThrows(InvalidInputException.class, () -> c.moveTo(20L, LATER)).code());
  }

  @Test
  void aPriorityIsZeroToNineAndOnlyWhileWaiting() {
    Interaction c = waiting();
    assertEquals(2, c.reprioritize(9));
    assertEquals(9, c.getPriority());
    assertEquals("invalid-priority", assertThrows(InvalidInputException.class, () -> c.reprioritize(10)).code());
    assertEquals("invalid-priority", assertThrows(InvalidInputException.class, () -> c.reprioritize(-1)).code());
    c.abandon(LATER);
    assertEquals("contact-state", assertThrows(ConflictException.class, () -> c.reprioritize(5)).code());
    assertEquals("contact-state", assertThrows(ConflictException.class, () -> c.moveTo(30L, LATER)).code());
  }
}
