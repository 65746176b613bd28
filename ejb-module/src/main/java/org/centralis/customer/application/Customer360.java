package org.centralis.customer.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import org.centralis.audit.application.AuditEntry;
import org.centralis.audit.application.AuditTrail;
import org.centralis.customer.domain.Customer;
import org.centralis.organization.application.BranchRef;
import org.centralis.organization.application.OrganizationDirectory;
import org.centralis.shared.domain.NotFoundException;
import org.centralis.shared.security.CurrentCaller;
import org.centralis.shared.security.Role;

/**
 * The customer 360: everything staff may know of one customer on one page. Scoped like the customer
 * lookup (ADR 0002: the caller's branch subtree; the call center sits at headquarters and so sees every
 * branch), identifiers masked (revealing one stays {@link CustomerDirectory#reveal}), tickets limited to
 * those the caller could open. Every view is a sensitive read and is audited (CUSTOMER_360_VIEWED).
 */
@Stateless
@RolesAllowed({Role.BRANCH_STAFF_NAME, Role.AGENT_NAME, Role.SUPERVISOR_NAME})
public class Customer360 {

  /** The newest tickets shown; the count says how many there are in all. */
  static final int TICKETS_SHOWN = 50;

  @PersistenceContext private EntityManager em;
  @Inject private CurrentCaller currentCaller;
  @Inject private CustomerHistory history;
  @Inject private OrganizationDirectory organization;
  @Inject private AuditTrail auditTrail;

  public Customer360View of(@NotNull Long customerId) {
    Customer c = em.find(Customer.class, customerId);
    if (c == null || !currentCaller.get().canSee(c.getBranchPath())) {
      throw new NotFoundException("customer", customerId);
    }
    BranchRef branch = organization.branch(c.getBranchId()).orElse(null);
    Customer360View view =
        new Customer360View(
            CustomerView.of(c),
            branch == null ? null : branch.name(),
            branch == null ? null : branch.nameEn(),
            history.tickets(customerId, TICKETS_SHOWN),
            history.count(customerId),
            history.openComplaints(customerId));
    auditTrail.record(
        new AuditEntry("CUSTOMER_360_VIEWED", "CUSTOMER", c.getCustomerNo(), null, view.ticketCount() + " tickets, " + view.openComplaints().size() + " open complaints"));
    return view;
  }
}
