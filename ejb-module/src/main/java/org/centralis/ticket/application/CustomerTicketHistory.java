package org.centralis.ticket.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Optional;
import org.centralis.customer.application.CustomerHistory;
import org.centralis.customer.application.CustomerTicket;
import org.centralis.organization.application.OrganizationDirectory;
import org.centralis.shared.security.CurrentCaller;
import org.centralis.shared.security.Role;
import org.centralis.ticket.domain.Ticket;
import org.centralis.ticket.domain.TicketStatus;
import org.centralis.ticket.domain.TicketType;

/**
 * The tickets of one customer for the customer 360, with the visibility rule of {@link TicketQueries}:
 * in the caller's branch subtree, or assigned to the caller's team.
 */
@Stateless
@Local(CustomerHistory.class)
@RolesAllowed({Role.BRANCH_STAFF_NAME, Role.AGENT_NAME, Role.SUPERVISOR_NAME})
public class CustomerTicketHistory implements CustomerHistory {

  private static final String VISIBLE =
      " FROM Ticket t WHERE t.customerId = :customer AND (t.owningBranchPath LIKE :scope OR t.assignedTeamId = :team)";

  @PersistenceContext private EntityManager em;
  @Inject private CurrentCaller currentCaller;
  @Inject private OrganizationDirectory organization;
  @Inject private TicketViews views;

  @Override
  public List<CustomerTicket> tickets(Long customerId, int limit) {
    return lines(scoped(em.createQuery("SELECT t" + VISIBLE + " ORDER BY t.createdAt DESC, t.id DESC", Ticket.class), customerId)
        .setMaxResults(limit)
        .getResultList());
  }

  @Override
  public long count(Long customerId) {
    return scoped(em.createQuery("SELECT COUNT(t)" + VISIBLE, Long.class), customerId).getSingleResult();
  }

  @Override
  public List<CustomerTicket> openComplaints(Long customerId) {
    return lines(
        scoped(em.createQuery("SELECT t" + VISIBLE + " AND t.type = :complaint AND t.status NOT IN :ended ORDER BY t.createdAt, t.id", Ticket.class), customerId)
            .setParameter("complaint", TicketType.COMPLAINT)
            .setParameter("ended", List.of(TicketStatus.CLOSED, TicketStatus.CANCELLED))
            .setMaxResults(100)
            .getResultList());
  }

  private <T> TypedQuery<T> scoped(TypedQuery<T> q, Long customerId) {
    Optional<Long> team = organization.myTeamId();
    return q.setParameter("customer", customerId)
        .setParameter("scope", currentCaller.get().branchPath() + "%")
        .setParameter("team", team.orElse(-1L)); // no team: matches no ticket
  }

  private List<CustomerTicket> lines(List<Ticket> tickets) {
    return views.summaries(tickets).stream()
        .map(s -> new CustomerTicket(
            s.number(), s.type(), s.categoryName(), s.categoryNameEn(), s.priority(), s.status(), s.subject(),
            s.owningBranch() == null ? null : s.owningBranch().name(), s.owningBranch() == null ? null : s.owningBranch().nameEn(),
            s.createdAt(), s.updatedAt()))
        .toList();
  }
}
