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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.centralis.audit.application.AuditEntry;
import org.centralis.audit.application.AuditTrail;
import org.centralis.organization.application.BranchRef;
import org.centralis.organization.application.OrganizationDirectory;
import org.centralis.shared.application.ByIds;
import org.centralis.shared.application.ListExport;
import org.centralis.shared.domain.InvalidInputException;
import org.centralis.shared.domain.Page;
import org.centralis.shared.security.Caller;
import org.centralis.shared.security.CurrentCaller;
import org.centralis.shared.security.Role;
import org.centralis.ticket.domain.Ticket;
import org.centralis.ticket.domain.TicketStatus;
import org.centralis.ticket.domain.TicketType;

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

  /** Windows of recent creation times a wide scope's newest-first list tries before the whole history ({@link #keys}). */
  private static final List<Duration> RECENT_WINDOWS = List.of(Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(31), Duration.ofDays(366));
  /** A window of recent creation times, bound by {@code recentFrom} and {@code recentTo}. */
  private static final String RECENT = " AND t.createdAt >= :recentFrom AND t.createdAt < :recentTo";
  /** The open end of a creation window, as a bound: a range open on one side loses the index to the scope's. */
  private static final Instant END_OF_TIME = Instant.parse("9999-12-31T00:00:00Z");
  /** Scopes at this depth or above (HQ "/1/" is 0, a region "/1/2/" 1) page newest-first lists by recent windows. */
  private static final int WIDE_SCOPE_DEPTH = 1;

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
    Where w = where(filter); // once: it reads the caller's team
    return new Page<>(page(w, offset, limit, sort, ascending), total(w), offset, limit);
  }

  /** One page of {@link #list} without its total, for a table that has asked for {@link #count} already. */
  public List<TicketSummary> page(
      @NotNull TicketFilter filter,
      @Min(0) int offset,
      @Min(1) @Max(500) int limit,
      TicketSort sort,
      boolean ascending) {
    return page(where(filter), offset, limit, sort, ascending);
  }

  private List<TicketSummary> page(Where w, int offset, int limit, TicketSort sort, boolean ascending) {
    TicketSort by = sort == null ? TicketSort.CREATED_AT : sort;
    List<Object[]> keys = new ArrayList<>();
    for (String part : w.parts()) {
      keys.addAll(keys(w, part, by, ascending, offset + limit));
    }
    if (w.parts().size() > 1) { // each part is in list order; merged in the same order (sort key, then id descending)
      Comparator<Object[]> byKey = Comparator.comparing((Object[] k) -> comparable(k[1]));
      keys.sort((ascending ? byKey : byKey.reversed()).thenComparing((Object[] k) -> (Long) k[0], Comparator.reverseOrder()));
    }
    List<Long> ids = keys.stream().skip(offset).limit(limit).map(k -> (Long) k[0]).toList();
    return views.summaries(ByIds.inOrder(em, Ticket.class, Ticket::getId, ids)); // ids first: ADR 0020
  }

  /** How many tickets {@link #list} would page through, without reading a page (a table's row count, a KPI). */
  public long count(@NotNull TicketFilter filter) {
    return total(where(filter));
  }

  /**
   * How many tickets {@link #list} would page through, exactly up to {@code cap}; beyond it, some count above
   * {@code cap}: a table's "more than 10,000". An unfiltered list of a wide scope (HQ, a region) counts its last day,
   * week and month first, on V33's {@code (CREATED_AT, OWNING_BRANCH_PATH, ID)} index, which covers such a count: once
   * a window holds more than {@code cap}, so does the list. The whole bank's total read all million index entries (1.4 s);
   * the month's 43,000 take 23 ms (docs/performance.md, "The ticket table's total"). A list filtered by status, type,
   * priority or text is counted exactly: the window's index does not hold those columns, and reading each row of a
   * month cost more than the count. (Reading at most {@code cap + 1} ids instead, paged by ROWNUM, was slower still:
   * H2 builds the whole subquery before it pages it.)
   */
  public long countAtMost(@NotNull TicketFilter filter, @Min(1) @Max(100_000) int cap) {
    Where w = where(filter);
    boolean scopeOnly = filter.status() == null && filter.type() == null && filter.priority() == null && (filter.text() == null || filter.text().isBlank());
    if (w.recentFirst() && scopeOnly) {
      Instant now = Instant.now();
      for (Duration window : RECENT_WINDOWS.subList(0, 3)) { // not the year: beyond a month the exact count is as cheap
        long recent = 0;
        for (int i = 0; i < w.parts().size() && recent <= cap; i++) { // the scope first: a team's part rarely matters
          recent += w.bind(em.createQuery("SELECT COUNT(t) FROM Ticket t WHERE " + w.parts().get(i) + RECENT, Long.class))
              .setParameter("recentFrom", now.minus(window))
              .setParameter("recentTo", END_OF_TIME)
              .getSingleResult();
        }
        if (recent > cap) {
          return recent;
        }
      }
    }
    return total(w);
  }

  /**
   * The caller's tickets by status, every status present (0 where none): one grouped query per part instead of a
   * count per status — each count read the scope's index once more (docs/performance.md, "The home pages' figures").
   */
  public Map<TicketStatus, Long> countByStatus() {
    Map<TicketStatus, Long> counts = new EnumMap<>(TicketStatus.class);
    for (TicketStatus s : TicketStatus.values()) {
      counts.put(s, 0L);
    }
    Where w = where(TicketFilter.any());
    for (String part : w.parts()) {
      String select = "SELECT t.status, COUNT(t) FROM Ticket t WHERE " + part + " GROUP BY t.status";
      for (Object[] row : w.bind(em.createQuery(select, Object[].class)).getResultList()) {
        counts.merge((TicketStatus) row[0], (Long) row[1], Long::sum);
      }
    }
    return counts;
  }

  /**
   * The caller's open tickets (every status but CLOSED and CANCELLED) counted by owning branch path and type, for
   * totals by branch subtree and by type from one read of the open tickets' index entries (V30's
   * IX_TICKET_STATUS_SCOPE leads with the status, and open tickets are a small share of all).
   */
  public List<OpenTicketCount> countOpen() {
    Where w = where(TicketFilter.any());
    List<OpenTicketCount> counts = new ArrayList<>();
    for (String part : w.parts()) {
      String select = "SELECT t.owningBranchPath, t.type, COUNT(t) FROM Ticket t WHERE " + part
          + " AND t.status IN :open GROUP BY t.owningBranchPath, t.type";
      TypedQuery<Object[]> q = w.bind(em.createQuery(select, Object[].class)).setParameter("open", TicketStatus.open());
      for (Object[] row : q.getResultList()) {
        counts.add(new OpenTicketCount((String) row[0], (TicketType) row[1], (Long) row[2]));
      }
    }
    return counts;
  }

  /**
   * The first {@code n} (id, sort key) pairs of a part in list order. Newest first over a wide scope (HQ, a region) and
   * without a start date, the recent days are tried first: the tickets created in a window reach back from now, and
   * when the window holds {@code n} of them they are the first {@code n} of the whole list (all others are older).
   * On the embedded H2 a bounded creation range reads V33's (CREATED_AT, path, ID) index in order and stops at the
   * page; without it H2 sorted every ticket of the bank to return 20 (17 s at a million tickets; docs/performance.md,
   * "The HQ list as it opens"). A city branch and below sort their scope from the path index in ≤ 150 ms.
   */
  private List<Object[]> keys(Where w, String part, TicketSort by, boolean ascending, int n) {
    String select = "SELECT t.id, t." + by.attribute + " FROM Ticket t WHERE " + part;
    if (by == TicketSort.CREATED_AT && !ascending && w.recentFirst()) {
      Instant now = Instant.now();
      for (Duration window : RECENT_WINDOWS) {
        String recent = select + RECENT + order(by, false);
        List<Object[]> keys = w.bind(em.createQuery(recent, Object[].class))
            .setParameter("recentFrom", now.minus(window))
            .setParameter("recentTo", END_OF_TIME)
            .setFirstResult(0)
            .setMaxResults(n)
            .getResultList();
        if (keys.size() >= n) {
          return keys;
        }
      }
    }
    return w.bind(em.createQuery(select + order(by, ascending), Object[].class)).setFirstResult(0).setMaxResults(n).getResultList();
  }

  /** A sort key as the database orders it: enums by their stored name, the rest (Instant, String) as they are. */
  @SuppressWarnings({"unchecked", "rawtypes"})
  private static Comparable<Object> comparable(Object key) {
    return (Comparable) (key instanceof Enum<?> e ? e.name() : key);
  }

  /**
   * The whole list, as {@link #list} would page it, for an export (导出) to a spreadsheet: the same scope and filter,
   * within {@link ListExport}'s limit. Audited as TICKETS_EXPORTED with the filter and the row count.
   */
  public List<TicketSummary> export(@NotNull TicketFilter filter, TicketSort sort, boolean ascending) {
    Where w = where(filter);
    TicketSort by = sort == null ? TicketSort.CREATED_AT : sort;
    TypedQuery<Ticket> all = w.bind(em.createQuery("SELECT t FROM Ticket t WHERE " + w.all() + order(by, ascending), Ticket.class));
    List<TicketSummary> rows = ListExport.readAll(em, all, total(w), views::summaries);
    // target: the scope the rows came from (the caller's subtree)
    auditTrail.record(new AuditEntry("TICKETS_EXPORTED", "TICKET_LIST", currentCaller.get().branchPath(), null, rows.size() + " rows; " + filter));
    return rows;
  }

  /**
   * The caller's scope and the filter as WHERE clauses: {@code all} in one (for the export), and the same tickets as
   * disjoint parts, each paged and counted on its own — one part, or for a team member two: the scope, and the team's
   * tickets outside the scope. One query with {@code scope OR team} is read by neither index (H2 reads the whole table
   * for it; docs/performance.md).
   */
  private record Where(List<String> parts, String all, Map<String, Object> params, boolean recentFirst) {

    /** Sets the parameters the query names (a part may not use all of them, e.g. the scope's range). */
    <T> TypedQuery<T> bind(TypedQuery<T> q) {
      q.getParameters().stream().filter(p -> params.containsKey(p.getName())).forEach(p -> q.setParameter(p.getName(), params.get(p.getName())));
      return q;
    }
  }

  private long total(Where w) {
    return w.parts().stream().mapToLong(part -> w.bind(em.createQuery("SELECT COUNT(t) FROM Ticket t WHERE " + part, Long.class)).getSingleResult()).sum();
  }

  private static String order(TicketSort by, boolean ascending) {
    return " ORDER BY t." + by.attribute + (ascending ? " ASC" : " DESC") + ", t.id DESC";
  }

  private Where where(TicketFilter filter) {
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
    List<String> parts = new ArrayList<>(List.of("(" + inScope + ")" + where));
    String all = parts.get(0);
    if (myTeam.isPresent()) {
      parts.add("t.assignedTeamId = :myTeam AND t.owningBranchPath NOT LIKE :scope" + where);
      all = "((" + inScope + ") OR t.assignedTeamId = :myTeam)" + where;
    }
    boolean wide = BranchRef.depthOf(scope) <= WIDE_SCOPE_DEPTH;
    return new Where(parts, all, params, wide && filter.from() == null);
  }
}
