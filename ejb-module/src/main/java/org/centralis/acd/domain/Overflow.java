package org.centralis.acd.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Overflow by waiting time. Steps of a queue apply in their order; step {@code n} is due when the
 * contact has waited {@code afterSeconds} since it entered the current queue and steps 0..n-1 have
 * applied. A MOVE ends the old queue's steps: in the new queue the count restarts at 0, the required
 * levels are the new queue's own, and the arrival time (queue order) is kept.
 */
public final class Overflow {

  private Overflow() {}

  /** The result of applying the due steps: the new queue, relaxation and applied-step count. */
  public record Outcome(long queueId, int relaxation, int overflowSteps, boolean moved, List<OverflowStep> applied) {}

  /** The due steps applied to the contact, or empty when none is due. */
  public static Optional<Outcome> due(WaitingContact contact, QueueRules queue, Instant now) {
    long inQueue = Duration.between(contact.queueEnteredAt(), now).toSeconds();
    int relaxation = contact.relaxation();
    int step = contact.overflowSteps();
    List<OverflowStep> steps = queue.steps();
    int first = step;
    while (step < steps.size() && steps.get(step).afterSeconds() <= inQueue) {
      OverflowStep s = steps.get(step);
      step++;
      if (s.kind() == OverflowStep.Kind.MOVE) {
        return Optional.of(new Outcome(s.targetQueueId(), 0, 0, true, steps.subList(first, step)));
      }
      relaxation += s.levelDelta();
    }
    if (step == first) {
      return Optional.empty();
    }
    return Optional.of(new Outcome(queue.id(), Math.min(relaxation, 9), step, false, steps.subList(first, step)));
  }

  /** The agent's state after missing an offer (rejected or timed out): NOT_READY once misses reach the maximum. */
  public static AgentState afterMiss(int missesIncludingThis, int maxMisses) {
    return maxMisses > 0 && missesIncludingThis >= maxMisses ? AgentState.NOT_READY : AgentState.READY;
  }
}
