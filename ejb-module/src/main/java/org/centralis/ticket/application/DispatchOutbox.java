package org.centralis.ticket.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.List;

/**
 * The dispatch outbox (派单发件箱, ADR 0019): a logged ticket waits in TICKET_DISPATCH_OUTBOX until a "tickets
 * created" message takes charge of it. Intake writes the row with the ticket, in a transaction of the database alone,
 * and announces the tickets after that commit, in a transaction of the broker alone: neither pays a two-phase commit.
 * A message lost between the two (a crash, the broker down) leaves its rows behind, and the sweeper announces them
 * again; dispatch is idempotent, so a ticket announced twice is dispatched once.
 */
@Stateless
@PermitAll
public class DispatchOutbox {

  /**
   * The most tickets one message names: as many as one intake batch, so a message is no heavier for the dispatch
   * consumer's transaction than intake's.
   */
  public static final int PER_MESSAGE = 32;

  @PersistenceContext private EntityManager em;
  @Inject private TicketMessages messages;

  /** In the intake transaction: the tickets wait here until a dispatch message takes charge of them. */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void hold(List<Long> ticketIds, Instant loggedAt) {
    Query insert = em.createNativeQuery("INSERT INTO TICKET_DISPATCH_OUTBOX (TICKET_ID, LOGGED_AT) VALUES (?, ?)");
    for (long ticketId : ticketIds) {
      insert.setParameter(1, ticketId).setParameter(2, OffsetDateTime.ofInstant(loggedAt, ZoneOffset.UTC)).executeUpdate();
    }
  }

  /** After the tickets committed: one message for them, in a transaction of its own that only the broker joins. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void announce(List<Long> ticketIds) {
    messages.ticketsCreated(ticketIds);
  }

  /** In the dispatch consumer's transaction: the message's tickets leave the outbox, dispatched or sent on alone. */
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public void takeCharge(List<Long> ticketIds) {
    if (ticketIds.isEmpty()) {
      return;
    }
    String marks = String.join(", ", Collections.nCopies(ticketIds.size(), "?"));
    Query delete = em.createNativeQuery("DELETE FROM TICKET_DISPATCH_OUTBOX WHERE TICKET_ID IN (" + marks + ")");
    for (int i = 0; i < ticketIds.size(); i++) {
      delete.setParameter(i + 1, ticketIds.get(i));
    }
    delete.executeUpdate();
  }

  /** Tickets still waiting for a message that were logged before {@code before}, oldest first, at most {@code max}. */
  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public List<Long> waitingSince(Instant before, int max) {
    List<?> ids =
        em.createNativeQuery("SELECT TICKET_ID FROM TICKET_DISPATCH_OUTBOX WHERE LOGGED_AT < ? ORDER BY LOGGED_AT, TICKET_ID")
            .setParameter(1, OffsetDateTime.ofInstant(before, ZoneOffset.UTC))
            .setMaxResults(max)
            .getResultList();
    return ids.stream().map(id -> ((Number) id).longValue()).toList();
  }
}
