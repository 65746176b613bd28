package org.centralis.ticket.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import org.centralis.audit.application.AuditEntry;
import org.centralis.audit.application.AuditTrail;
import org.centralis.customer.application.CustomerDirectory;
import org.centralis.customer.application.CustomerRef;
import org.centralis.shared.domain.InvalidInputException;
import org.centralis.shared.security.Caller;
import org.centralis.shared.security.CurrentCaller;
import org.centralis.shared.security.Role;
import org.centralis.ticket.domain.Ticket;
import org.centralis.ticket.domain.TicketCategory;
import org.centralis.ticket.domain.TicketEventKind;
import org.centralis.ticket.domain.TicketNumber;
import org.centralis.ticket.domain.TicketType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Logging a request (受理). One transaction writes the ticket, its CREATED event, the audit event
 * and the "ticket created" message; dispatch happens after commit, in {@link TicketDispatch}. A
 * complaint carries {@link ComplaintDetails}, which the complaint context takes from {@link TicketLogged}.
 */
@Stateless
public class TicketIntake {

  @PersistenceContext private EntityManager em;
  @Inject private CurrentCaller currentCaller;
  @Inject private CustomerDirectory customers;
  @Inject private TicketMessages messages;
  @Inject private AuditTrail auditTrail;
  @Inject private TicketViews views;
  @Inject private Event<TicketChanged> changes;
  @Inject private Event<TicketLogged> logged;

  @Inject
  @ConfigProperty(name = "centralis.service-center.zone", defaultValue = "Asia/Shanghai")
  private String serviceCenterZone;

  @RolesAllowed({Role.BRANCH_STAFF_NAME, Role.AGENT_NAME, Role.SUPERVISOR_NAME})
  public TicketView logRequest(@NotNull @Valid LogRequest request) {
    Caller caller = currentCaller.get();
    TicketCategory category = em.find(TicketCategory.class, request.categoryId());
    if (category == null || !category.isActive()) {
      throw new InvalidInputException("categoryId", "unknown-category", "no active category " + request.categoryId(), request.categoryId());
    }
    if (category.getTicketType() != request.type()) {
      throw new InvalidInputException(
          "categoryId", "category-type-mismatch", "category " + category.getCode() + " is not of type " + request.type(), category.getCode(), request.type());
    }
    if (request.type() == TicketType.COMPLAINT && request.complaint() == null) {
      throw new InvalidInputException("complaint", "complaint-details-required", "a complaint needs its severity and taxonomy");
    }
    CustomerRef customer =
        request.customerId() == null
            ? null
            : customers.reference(request.customerId())
                .orElseThrow(() -> new InvalidInputException("customerId", "unknown-customer", "no visible customer " + request.customerId(), request.customerId()));
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
    em.flush();
    logged.fire(new TicketLogged(ticket.getId(), ticket.getNumber().value(), request));
    changes.fire(
        new TicketChanged(ticket.getId(), ticket.getNumber().value(), null, ticket.getStatus(), TicketEventKind.CREATED, caller.login(), now));
    messages.ticketCreated(ticket.getId(), ticket.getNumber().value());
    auditTrail.record(
        new AuditEntry(
            "TICKET_CREATED",
            "TICKET",
            ticket.getNumber().value(),
            null,
            ticket.getType() + "/" + category.getCode() + " " + ticket.getPriority() + " " + ticket.getStatus()
                + (customer == null ? "" : " customer " + customer.customerNo())));
    return views.of(ticket);
  }

  private TicketNumber nextNumber(Instant now) {
    Number counter = (Number) em.createNativeQuery("SELECT TICKET_NO_SEQ.NEXTVAL FROM DUAL").getSingleResult();
    return TicketNumber.of(LocalDate.ofInstant(now, ZoneId.of(serviceCenterZone)), counter.longValue());
  }
}
