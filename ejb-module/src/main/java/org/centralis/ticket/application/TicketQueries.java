package org.centralis.ticket.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.centralis.audit.application.AuditEntry;
import org.centralis.audit.application.AuditTrail;
import org.centralis.organization.application.BranchRef;
import org.centralis.organization.application.OrganizationDirectory;
import org.centralis.shared.application.ListExport;
import org.centralis.shared.domain.InvalidInputException;
import org.centralis.shared.domain.Page;
import org.centralis.shared.security.Caller;
import org.centralis.shared.security.CurrentCaller;
import org.centralis.shared.security.Role;
import org.centralis.ticket.domain.Ticket;

/**
 * Reading tickets. Every query is limited to the caller's branch subtree, plus the tickets assigned
 * to the caller's team; any other ticket answers "not found", exactly like one that does not exist.
 */
@Stateless
@RolesAllowed({
  Role.BRANCH_STAFF_NAME,
  Role.AGENT_NAME,
  Role.SUPERVISOR_NAME,
  Role.HQ_MANAGER_NAME,
  Role.AUDITOR_NAME,
  Role.ADMIN_NAME
})
public class TicketQueries {

  @PersistenceContext private EntityManager em;
  @Inject private CurrentCaller currentCaller;
  @Inject private OrganizationDirectory organization;
  @Inject private TicketViews views;
  @Inject private AuditTrail auditTrail;
  @Inject private TicketAccess access;


  public TicketView find(@NotNull String number) {
    return views.of(access.visible(number));
  }

  public Page<TicketSummary> list(
      @NotNull TicketFilter filter,
      @Min(0) int offset,
      @Min(1) @Max(500) int limit,
      TicketSort sort,
      boolean ascending) {
    Query q = query(filter, sort, ascending);
    List<Ticket> tickets = q.rows().setFirstResult(offset).setMaxResults(limit).getResultList();
    return new Page<>(views.summaries(tickets), q.count().getSingleResult(), offset, limit);
  }

  /**
   * The whole list, as {@link #list} would page it, for an export (导出) to a spreadsheet: the same scope and filter,
   * within {@link ListExport}'s limit. Audited as TICKETS_EXPORTED with the filter and the row count.
   */
  public List<TicketSummary> export(@NotNull TicketFilter filter, TicketSort sort, boolean ascending) {
    Query q = query(filter, sort, ascending);
    List<TicketSummary> rows = ListExport.readAll(em, q.rows(), q.count().getSingleResult(), views::summaries);
    // target: the scope the rows came from (the caller's subtree)
    auditTrail.record(new AuditEntry("TICKETS_EXPORTED", "TICKET_LIST", currentCaller.get().branchPath(), null, rows.size() + " rows; " + filter));
    return rows;
  }

  /** The list's two queries (rows in order, and their count) for the caller's scope and the filter. */
  private record Query(TypedQuery<Ticket> rows, TypedQuery<Long> count) {}

  private Query query(TicketFilter filter, TicketSort sort, boolean ascending) {
    Caller caller = currentCaller.get();
    String scope = caller.branchPath();
    if (filter.branchId() != null) {
      BranchRef branch =
          organization.branch(filter.branchId())
              .filter(b -> caller.canSee(b.path()))
              .orElseThrow(() -> new InvalidInputException("branch", "branch-out-of-scope", "branch " + filter.branchId() + " is not visible", filter.branchId()));
      scope = branch.path();
    }
    Map<String, Object> params = new LinkedHashMap<>();
    StringBuilder where = new StringBuilder(" WHERE t.owningBranchPath LIKE :scope");
    params.put("scope", scope + "%");
    // Members of a team also see what is assigned to it, wherever it was logged (an HQ department
    // works an outlet's complaint); an explicit branch filter keeps to that branch.
    Optional<Long> myTeam = filter.branchId() == null ? organization.myTeamId() : Optional.empty();
    if (myTeam.isPresent()) {
      where = new StringBuilder(" WHERE (t.owningBranchPath LIKE :scope OR t.assignedTeamId = :myTeam)");
      params.put("myTeam", myTeam.get());
    }
    if (filter.status() != null) {
      where.append(" AND t.status = :status");
      params.put("status", filter.status());
    }
    if (filter.type() != null) {
      where.append(" AND t.type = :type");
      params.put("type", filter.type());
    }
    if (filter.priority() != null) {
      where.append(" AND t.priority = :priority");
      params.put("priority", filter.priority());
    }
    if (filter.text() != null && !filter.text().isBlank()) {
      where.append(" AND (t.ticketNo = :number OR LOWER(t.subject) LIKE :text)");
      params.put("number", filter.text().strip());
      params.put("text", "%" + filter.text().strip().toLowerCase() + "%");
    }
    if (filter.from() != null) {
      where.append(" AND t.createdAt >= :from");
      params.put("from", filter.from());
    }
    if (filter.to() != null) {
      where.append(" AND t.createdAt < :to");
      params.put("to", filter.to());
    }
    TicketSort by = sort == null ? TicketSort.CREATED_AT : sort;
    String order = " ORDER BY t." + by.attribute + (ascending ? " ASC" : " DESC") + ", t.id DESC";
    TypedQuery<Ticket> q = em.createQuery("SELECT t FROM Ticket t" + where + order, Ticket.class);
    TypedQuery<Long> count = em.createQuery("SELECT COUNT(t) FROM Ticket t" + where, Long.class);
    params.forEach(
        (k, v) -> {
          q.setParameter(k, v);
          count.setParameter(k, v);
        });
    return new Query(q, count);
  }
}
