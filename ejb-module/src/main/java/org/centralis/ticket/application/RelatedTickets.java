package org.centralis.ticket.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.centralis.customer.application.CustomerDirectory;
import org.centralis.shared.domain.InvalidInputException;
import org.centralis.shared.domain.NotFoundException;
import org.centralis.shared.security.Caller;
import org.centralis.shared.security.CurrentCaller;
import org.centralis.shared.security.Role;
import org.centralis.ticket.domain.Ticket;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Related-ticket detection at intake: the customer's tickets of the same category (or of any, when
 * none is given) logged within the window before now, newest first, limited to the caller's scope.
 * Offered in the log form so that a duplicate is noticed before it is logged.
 */
@Stateless
@RolesAllowed({Role.BRANCH_STAFF_NAME, Role.AGENT_NAME, Role.SUPERVISOR_NAME})
public class RelatedTickets {

  static final int MAX_DAYS = 366;
  static final int MAX_ROWS = 20;

  @PersistenceContext private EntityManager em;
  @Inject private CurrentCaller currentCaller;
  @Inject private CustomerDirectory customers;
  @Inject private TicketViews views;

  @Inject
  @ConfigProperty(name = "centralis.ticket.related-window-days", defaultValue = "30")
  int defaultDays;

  /** @param days the window; null for the configured default (30) */
  public List<TicketSummary> of(@NotNull Long customerId, Long categoryId, Integer days) {
    customers.reference(customerId).orElseThrow(() -> new NotFoundException("customer", customerId));
    int window = days == null ? defaultDays : days;
    if (window < 1 || window > MAX_DAYS) {
      throw new InvalidInputException("days", "days-range", "days must be 1.." + MAX_DAYS, window);
    }
    Caller caller = currentCaller.get();
    Instant from = Instant.now().minus(window, ChronoUnit.DAYS);
    String jpql =
        "SELECT t FROM Ticket t WHERE t.customerId = :customer AND t.createdAt >= :from AND t.owningBranchPath LIKE :scope"
            + (categoryId == null ? "" : " AND t.category.id = :category")
            + " ORDER BY t.createdAt DESC, t.id DESC";
    var q =
        em.createQuery(jpql, Ticket.class)
            .setParameter("customer", customerId)
            .setParameter("from", from)
            .setParameter("scope", caller.branchPath() + "%");
    if (categoryId != null) {
      q.setParameter("category", categoryId);
    }
    return views.summaries(q.setMaxResults(MAX_ROWS).getResultList());
  }
}
