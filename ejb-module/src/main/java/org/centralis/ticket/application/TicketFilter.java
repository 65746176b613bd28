package org.centralis.ticket.application;

import java.time.Instant;
import org.centralis.ticket.domain.Priority;
import org.centralis.ticket.domain.TicketStatus;
import org.centralis.ticket.domain.TicketType;

/**
 * Criteria of a ticket list; null means "any". {@code branchId} narrows the list to that branch's
 * subtree, which must lie inside the caller's. {@code text} matches the number or the subject.
 */
public record TicketFilter(
    TicketStatus status, TicketType type, Priority priority, Long branchId, String text, Instant from, Instant to) {

  public static TicketFilter any() {
    return new TicketFilter(null, null, null, null, null, null, null);
  }
}
