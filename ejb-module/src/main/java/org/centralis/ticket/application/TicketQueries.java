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
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    List<Object[]> keys = new ArrayList<>();
    for (Part part : q.parts()) {
      keys.addAll(part.keys().setFirstResult(0).setMaxResults(offset + limit).getResultList());
    }
    if (q.parts().size() > 1) { // each part is in list order; merged in the same order (sort key, then id descending)
      Comparator<Object[]> byKey = Comparator.comparing((Object[] k) -> comparable(k[1]));
      keys.sort((ascending ? byKey : byKey.reversed()).thenComparing((Object[] k) -> (Long) k[0], Comparator.reverseOrder()));
    }
    List<Long> ids = keys.stream().skip(offset).limit(limit).map(k -> (Long) k[0]).toList();
    return new Page<>(views.summaries(byIds(ids)), q.total(), offset, limit);
  }

  /** A sort key as the database orders it: enums by their stored name, the rest (Instant, String) as they are. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Comparable<Object> comparable(Object key) {
    return (Comparable) (key instanceof Enum<?> e ? e.name() : key);
  }

  /**
   * The page's tickets, in the order of {@code ids}. The page is chosen by id (and sort key) first because the embedded
   * H2 builds the whole ROWNUM-paged subquery before it pages it: selecting whole rows there reads every ticket in the
   * scope (about a second for a city branch at a million tickets); selecting the id and the sort key reads one index
   * (V30). docs/performance.md, "Ticket list with 1,000,000 tickets".
   */
  private List<Ticket> byIds(List<Long> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Long, Ticket> byId = new HashMap<>();
    for (Ticket t : em.createQuery("SELECT t FROM Ticket t WHERE t.id IN :ids", Ticket.class).setParameter("ids", ids).getResultList()) {
      byId.put(t.getId(), t);
    }
    return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
  }

  /**
   * The whole list, as {@link #list} would page it, for an export (导出) to a spreadsheet: the same scope and filter,
   * within {@link ListExport}'s limit. Audited as TICKETS_EXPORTED with the filter and the row count.
   */
  public List<TicketSummary> export(@NotNull TicketFilter filter, TicketSort sort, boolean ascending) {
    Query q = query(filter, sort, ascending);
    List<TicketSummary> rows = ListExport.readAll(em, q.rows(), q.total(), views::summaries);
    // target: the scope the rows came from (the caller's subtree)
    auditTrail.record(new AuditEntry("TICKETS_EXPORTED", "TICKET_LIST", currentCaller.get().branchPath(), null, rows.size() + " rows; " + filter));
    return rows;
  }

  /**
   * The list's queries for the caller's scope and the filter: the rows in order (for the export), and the same list as
   * disjoint parts, each with its (id, sort key) pairs in order and its count: one part, or for a team member two —
   * the scope, and the team's tickets outside the scope. One query with {@code scope OR team} is read by neither index
   * (H2 reads the whole table for it; docs/performance.md).
   */
  private record Query(TypedQuery<Ticket> rows, List<Part> parts) {
    long total() {
      return parts.stream().mapToLong(p -> p.count().getSingleResult()).sum();
    }
  }

  private record Part(TypedQuery<Object[]> keys, TypedQuery<Long> count) {}

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
    // The prefix LIKE, and the same prefix as a range (every path that starts with the scope lies in
    // [scope, scope with its last character raised)): inside the ROWNUM subquery that paging wraps around
    // the query, H2 uses an index for a bound range but not for LIKE with a bound pattern, and reads the
    // whole table instead (docs/performance.md). The LIKE keeps the meaning; the range only narrows.
    String inScope = "t.owningBranchPath LIKE :scope AND t.owningBranchPath >= :scopeFrom AND t.owningBranchPath < :scopeTo";
    params.put("scope", scope + "%");
    params.put("scopeFrom", scope);
    params.put("scopeTo", scope.substring(0, scope.length() - 1) + (char) (scope.charAt(scope.length() - 1) + 1));
    StringBuilder where = new StringBuilder();
    // Members of a team also see what is assigned to it, wherever it was logged (an HQ department
    // works an outlet's complaint); an explicit branch filter keeps to that branch.
    Optional<Long> myTeam = filter.branchId() == null ? organization.myTeamId() : Optional.empty();
    if (myTeam.isPresent()) {
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
    String keys = "SELECT t.id, t." + by.attribute + " FROM Ticket t WHERE ";
    List<String> parts = new ArrayList<>(List.of("(" + inScope + ")" + where));
    String all = parts.get(0);
    if (myTeam.isPresent()) {
      parts.add("t.assignedTeamId = :myTeam AND t.owningBranchPath NOT LIKE :scope" + where);
      all = "((" + inScope + ") OR t.assignedTeamId = :myTeam)" + where;
    }
    TypedQuery<Ticket> rows = bind(em.createQuery("SELECT t FROM Ticket t WHERE " + all + order, Ticket.class), params);
    List<Part> queries = new ArrayList<>();
    for (String part : parts) {
      queries.add(new Part(
          bind(em.createQuery(keys + part + order, Object[].class), params),
          bind(em.createQuery("SELECT COUNT(t) FROM Ticket t WHERE " + part, Long.class), params)));
    }
    return new Query(rows, queries);
  }

  /** Sets the parameters the query names (a part may not use all of them, e.g. the scope's range). */
  private static <T> TypedQuery<T> bind(TypedQuery<T> q, Map<String, Object> params) {
    q.getParameters().forEach(p -> q.setParameter(p.getName(), params.get(p.getName())));
    return q;
  }
}
