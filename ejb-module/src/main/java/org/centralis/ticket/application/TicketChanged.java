package org.centralis.ticket.application;

import java.time.Instant;
import org.centralis.ticket.domain.TicketEventKind;
import org.centralis.ticket.domain.TicketStatus;

/**
 * Fired synchronously, inside the transaction that changed the ticket, after the change is flushed
 * and before it is audited. Other contexts (SLA clocks, complaints, return visits) observe it
 * instead of the ticket context calling them; an observer that throws rolls the change back, which
 * is how a context vetoes a transition it has rules for.
 *
 * @param before the status before the change; null when the ticket was just created
 * @param kind the timeline event the change wrote
 * @param actor the login that made the change (SYSTEM for automatic dispatch)
 */
public record TicketChanged(long ticketId, String number, TicketStatus before, TicketStatus after, TicketEventKind kind, String actor, Instant at) {

  public boolean statusChanged() {
    return before != after;
  }
}
