package org.centralis.acd.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Set;

/**
 * A WAITING contact as routing sees it. {@code declinedBy} holds the agents who rejected it or let
 * its offer time out: they are ranked after every other candidate, so the contact goes to the next
 * agent but is never stranded when no one else is eligible.
 */
public record WaitingContact(
    long id, long queueId, int priority, Instant arrivedAt, Instant queueEnteredAt, int relaxation, int overflowSteps, Set<Long> declinedBy) {

  /**
   * Queue order, the same in every queue and across queues: higher priority first, then earlier
   * arrival (the original one, kept through overflow moves), then lower id.
   */
  public static final Comparator<WaitingContact> QUEUE_ORDER =
      Comparator.comparingInt(WaitingContact::priority).reversed()
          .thenComparing(WaitingContact::arrivedAt)
          .thenComparingLong(WaitingContact::id);

  public WaitingContact {
    declinedBy = Set.copyOf(declinedBy);
  }

  public Duration waited(Instant now) {
    return Duration.between(arrivedAt, now);
  }
}
