package org.centralis.ticket.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.centralis.customer.application.CustomerDirectory;
import org.centralis.customer.application.CustomerRef;
import org.centralis.shared.domain.InvalidInputException;
import org.centralis.shared.security.Caller;
import org.centralis.shared.security.CurrentCaller;
import org.centralis.shared.security.Role;
import org.centralis.ticket.domain.TicketCategory;
import org.centralis.ticket.domain.TicketType;

/**
 * Logging a request (受理): checks the caller's role and the request here, in the caller's thread, then hands it to
 * {@link IntakeGroupCommit} and waits until its ticket is committed. One transaction writes the ticket, its CREATED
 * event, the audit event and the "tickets created" message ({@link TicketIntakeWriter}, together with the requests
 * that arrived meanwhile); dispatch happens after commit, in {@link TicketDispatch}. A complaint carries
 * {@link ComplaintDetails}, which the complaint context takes from {@link TicketLogged}.
 */
@Stateless
public class TicketIntake {

  @PersistenceContext private EntityManager em;
  @Inject private CurrentCaller currentCaller;
  @Inject private CustomerDirectory customers;
  @Inject private IntakeGroupCommit groupCommit;

  @RolesAllowed({Role.BRANCH_STAFF_NAME, Role.AGENT_NAME, Role.SUPERVISOR_NAME})
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // the writer's transaction is the intake's; none is held while waiting
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
    return groupCommit.log(new PendingTicket(caller, request, customer));
  }
}
