package org.centralis.ticket.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.centralis.audit.application.AuditEntry;
import org.centralis.audit.application.AuditTrail;
import org.centralis.customer.application.CustomerRef;
import org.centralis.shared.security.Caller;
import org.centralis.ticket.domain.Ticket;
import org.centralis.ticket.domain.TicketCategory;
import org.centralis.ticket.domain.TicketEventKind;
import org.centralis.ticket.domain.TicketNumber;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes a batch of checked requests in one transaction (for {@link IntakeGroupCommit}): per ticket the ticket, its
 * CREATED event, what the other contexts keep about it (complaint register, SLA clocks, report facts: observers of
 * {@link TicketLogged} and {@link TicketChanged}) and its audit event; and the batch's rows in the dispatch outbox
 * (ADR 0019), which {@link IntakeGroupCommit} announces once this transaction has committed.
 *
 * <p>Runs on the group commit's managed thread, not the caller's: the caller's identity travels in each
 * {@link PendingTicket} and is written explicitly (creator, owning branch, audit actor). {@link TicketIntake} has
 * checked the caller's role; this bean is reached only through it.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class TicketIntakeWriter {

  @PersistenceContext private EntityManager em;
  @Inject private DispatchOutbox outbox;
  @EJB private AuditTrail auditTrail; // @EJB, not @Inject, on the paths every ticket takes: ADR 0023
  @Inject private TicketViews views;
  @Inject private Event<TicketChanged> changes;
  @Inject private Event<TicketLogged> logged;

  @Inject
  @ConfigProperty(name = "centralis.service-center.zone", defaultValue = "Asia/Shanghai")
  private String serviceCenterZone;

  /** The logged tickets, in the batch's order. */
  public Written write(List<PendingTicket> batch) {
    List<Ticket> tickets = batch.stream().map(this::create).toList();
    // The batch's tickets reach the database together (one JDBC batch per table), before the rows that other contexts
    // add for them: a complaint's or an SLA clock's row names its ticket by id, not by a mapped relation, so EclipseLink
    // would not know to insert the ticket first. Their rows in turn go with the outbox's (DispatchOutbox.hold).
    em.flush();
    for (int i = 0; i < batch.size(); i++) {
      tellOtherContexts(batch.get(i), tickets.get(i));
    }
    List<Long> ids = tickets.stream().map(Ticket::getId).toList();
    outbox.hold(ids, tickets.get(0).getCreatedAt());
    return new Written(ids, tickets.stream().map(views::of).toList());
  }

  /** The batch's tickets, for the dispatch outbox's announcement, and their views for the callers, in order. */
  public record Written(List<Long> ticketIds, List<TicketView> views) {}

  private Ticket create(PendingTicket pending) {
    Caller caller = pending.caller();
    LogRequest request = pending.request();
    CustomerRef customer = pending.customer();
    TicketCategory category = em.find(TicketCategory.class, request.categoryId());
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    Ticket ticket =
        Ticket.log(
            nextNumber(now),
            category,
            request.priority(),
            request.channel(),
            request.subject().strip(),
            request.description() == null ? null : request.description().strip(),
            customer == null ? null : customer.id(),
            caller.branchId(),
            caller.branchPath(),
            caller.staffId(),
            caller.login(),
            now);
    em.persist(ticket);
    return ticket;
  }

  /** What the other contexts keep about a new ticket (observers of the events), and its audit event. */
  private void tellOtherContexts(PendingTicket pending, Ticket ticket) {
    Caller caller = pending.caller();
    CustomerRef customer = pending.customer();
    String number = ticket.getNumber().value();
    logged.fire(new TicketLogged(ticket.getId(), number, pending.request()));
    changes.fire(new TicketChanged(ticket.getId(), number, null, ticket.getStatus(), TicketEventKind.CREATED, caller.login(), ticket.getCreatedAt()));
    auditTrail.record(
        caller,
        new AuditEntry(
            "TICKET_CREATED",
            "TICKET",
            number,
            null,
            ticket.getType() + "/" + ticket.getCategory().getCode() + " " + ticket.getPriority() + " " + ticket.getStatus()
                + (customer == null ? "" : " customer " + customer.customerNo())));
  }

  private TicketNumber nextNumber(Instant now) {
    Number counter =
        (Number) em.createNativeQuery("SELECT TICKET_NO_SEQ.NEXTVAL FROM DUAL")
            .setFlushMode(FlushModeType.COMMIT) // reads no table: nothing written so far need reach the database first
            .getSingleResult();
    return TicketNumber.of(LocalDate.ofInstant(now, ZoneId.of(serviceCenterZone)), counter.longValue());
  }
}
