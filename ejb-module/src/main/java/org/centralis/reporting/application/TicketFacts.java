package org.centralis.reporting.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.centralis.reporting.application.FactOutbox.Fact;
import org.centralis.ticket.application.TicketChanged;
import org.centralis.ticket.domain.TicketStatus;

/**
 * Tells the reports (ADR 0012) what changed on a ticket that counts in TICKET_DAILY_STAT, inside the changing
 * transaction: {@code LOGGED} on creation, {@code CLOSED:<epoch ms>} when it is closed, {@code REOPENED:<epoch ms>} when it
 * is reopened. The instant travels in the fact because the ticket's CLOSED_AT is cleared by a reopen that may commit
 * before the roll-up reads it; the day a fact counts on is the day of that instant (docs/metrics.md).
 */
@ApplicationScoped
public class TicketFacts {

  public static final String LOGGED = "LOGGED";
  public static final String CLOSED = "CLOSED";
  public static final String REOPENED = "REOPENED";

  @Inject private FactOutbox outbox;

  void onChanged(@Observes TicketChanged change) {
    if (change.before() == null) {
      outbox.record(Fact.TICKET, change.ticketId(), LOGGED);
    } else if (change.statusChanged() && change.after() == TicketStatus.CLOSED) {
      outbox.record(Fact.TICKET, change.ticketId(), CLOSED + ":" + change.at().toEpochMilli());
    } else if (change.statusChanged() && change.after() == TicketStatus.REOPENED) {
      outbox.record(Fact.TICKET, change.ticketId(), REOPENED + ":" + change.at().toEpochMilli());
    }
  }
}
