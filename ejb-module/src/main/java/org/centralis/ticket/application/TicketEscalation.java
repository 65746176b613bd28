package org.centralis.ticket.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.centralis.audit.application.AuditEntry;
import org.centralis.audit.application.AuditTrail;
import org.centralis.shared.security.Caller;
import org.centralis.ticket.domain.CommentVisibility;
import org.centralis.ticket.domain.Priority;
import org.centralis.ticket.domain.Ticket;
import org.centralis.ticket.domain.TicketEvent;
import org.centralis.ticket.domain.TicketStatus;

/**
 * What the SLA context needs from a ticket, without reaching into its entities: the facts its
 * policies match on, and the reassignment an escalation level orders. Called by the system (the
 * SLA observer and sweeper) inside their transactions; never exposed to users directly.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class TicketEscalation {

  /** The facts of a ticket that SLA policies and escalations look at. */
  public record TicketFacts(
      long id,
      String number,
      String type,
      List<Long> categoryLineage,
      String priority,
      String channel,
      Long customerId,
      long owningBranchId,
      String owningBranchPath,
      Long assignedTeamId,
      Long assigneeId,
      TicketStatus status,
      Instant createdAt) {}

  @PersistenceContext private EntityManager em;
  @Inject private AuditTrail auditTrail;
  @Inject private Event<TicketChanged> changes;

  public Optional<TicketFacts> facts(long ticketId) {
    return Optional.ofNullable(em.find(Ticket.class, ticketId)).map(TicketEscalation::factsOf);
  }

  /** The visibility of the ticket's latest timeline entry (for "was that a customer-visible update?"). */
  public Optional<CommentVisibility> lastVisibility(long ticketId) {
    List<TicketEvent> events = em.find(Ticket.class, ticketId).getEvents();
    return events.isEmpty() ? Optional.empty() : Optional.ofNullable(events.get(events.size() - 1).getVisibility());
  }

  /**
   * An escalation takes the ticket over: it is transferred to {@code teamId} by the system with the
   * reason given, like a supervisor's transfer (TicketChanged fired, audited as TICKET_ESCALATED).
   *
   * @return false when the ticket's status does not allow a transfer (new, waiting on the customer,
   *     resolved, closed, cancelled) or it is already with that team; nothing changes then
   */
  public boolean reassign(long ticketId, long teamId, String reason, Instant now) {
    Ticket ticket = em.find(Ticket.class, ticketId);
    if (ticket == null || !ticket.getStatus().canMoveTo(TicketStatus.DISPATCHED) || ticket.getStatus() == TicketStatus.NEW
        || Long.valueOf(teamId).equals(ticket.getAssignedTeamId())) {
      return false;
    }
    TicketStatus before = ticket.getStatus();
    TicketEvent event = ticket.transferTo(teamId, Caller.SYSTEM_LOGIN, reason, now);
    em.flush();
    changes.fire(new TicketChanged(ticket.getId(), ticket.getNumber().value(), before, ticket.getStatus(), event.getKind(), Caller.SYSTEM_LOGIN, now));
    auditTrail.record(Caller.system(), new AuditEntry("TICKET_ESCALATED", "TICKET", ticket.getNumber().value(), before.name(), "DISPATCHED team " + teamId + ": " + reason));
    return true;
  }

  /**
   * An escalation raises the ticket's priority, like a reclassification by the system (TicketChanged fired, so the
   * SLA clocks follow the policy the new priority matches; audited as TICKET_ESCALATED).
   *
   * @return false when the ticket is already at or above that priority, or is resolved, closed or cancelled
   */
  public boolean raisePriority(long ticketId, String priorityName, String reason, Instant now) {
    Priority priority = Priority.valueOf(priorityName);
    Ticket ticket = em.find(Ticket.class, ticketId);
    if (ticket == null || ticket.getPriority().compareTo(priority) >= 0 || !TicketAction.RECLASSIFY.possibleFrom(ticket.getStatus())) {
      return false;
    }
    String before = ticket.getPriority().name();
    TicketEvent event = ticket.reclassify(null, priority, Caller.SYSTEM_LOGIN, reason, now);
    em.flush();
    changes.fire(new TicketChanged(ticket.getId(), ticket.getNumber().value(), ticket.getStatus(), ticket.getStatus(), event.getKind(), Caller.SYSTEM_LOGIN, now));
    auditTrail.record(Caller.system(), new AuditEntry("TICKET_ESCALATED", "TICKET", ticket.getNumber().value(), before, "priority " + priority + ": " + reason));
    return true;
  }

  private static TicketFacts factsOf(Ticket t) {
    return new TicketFacts(
        t.getId(), t.getNumber().value(), t.getType().name(), t.getCategory().lineage(), t.getPriority().name(), t.getChannel().name(),
        t.getCustomerId(), t.getOwningBranchId(), t.getOwningBranchPath(), t.getAssignedTeamId(), t.getAssigneeId(), t.getStatus(),
        t.getCreatedAt());
  }
}
