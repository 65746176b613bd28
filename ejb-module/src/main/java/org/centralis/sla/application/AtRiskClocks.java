package org.centralis.sla.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.centralis.audit.application.AuditEntry;
import org.centralis.audit.application.AuditTrail;
import org.centralis.organization.application.BranchRef;
import org.centralis.organization.application.OrganizationDirectory;
import org.centralis.shared.security.CurrentCaller;
import org.centralis.shared.security.Role;
import org.centralis.sla.domain.ClockState;
import org.centralis.sla.domain.SlaClock;
import org.centralis.sla.domain.SlaMetric;
import org.centralis.ticket.domain.Ticket;

/**
 * The "at risk" list (超时预警): the deadlines still counting in the caller's subtree, the breached ones first, then by
 * time left — what a supervisor works down at the start of a shift. Paused clocks are left out (they do not move while
 * the ticket waits on the customer).
 */
@Stateless
@RolesAllowed({Role.BRANCH_STAFF_NAME, Role.SUPERVISOR_NAME, Role.HQ_MANAGER_NAME, Role.ADMIN_NAME})
public class AtRiskClocks {

  /** At most this many rows: the list is for working down, not for export (the SLA breach report lists them all). */
  public static final int MAX_ROWS = 500;

  /**
   * One deadline at risk.
   *
   * @param remainingSeconds working seconds left on the clock's calendar; negative when overdue
   * @param elapsedPercent working time used, in percent of the target (over 100 when breached)
   */
  public record Row(
      String ticketNo, String subject, String priority, String status, String branchName, String branchNameEn, String metric,
      String state, Instant dueAt, long targetSeconds, long remainingSeconds, int elapsedPercent, int warningsFired, int escalationLevel) {}

  @PersistenceContext private EntityManager em;
  @Inject private CurrentCaller currentCaller;
  @Inject private ClockCalendars calendars;
  @Inject private OrganizationDirectory organization;
  @Inject private AuditTrail auditTrail;

  /** The list as {@link #list} answers it at its largest, for an export (导出); audited as AT_RISK_EXPORTED. */
  public List<Row> export(SlaMetric metric, boolean breachedOnly) {
    List<Row> rows = list(metric, breachedOnly, MAX_ROWS);
    auditTrail.record(new AuditEntry("AT_RISK_EXPORTED", "SLA_AT_RISK", currentCaller.get().branchPath(), null,
        rows.size() + " rows; metric " + (metric == null ? "ALL" : metric) + (breachedOnly ? ", breached only" : "")));
    return rows;
  }

  /** {@code metric} null for all; {@code breachedOnly} for the overdue ones alone. */
  public List<Row> list(SlaMetric metric, boolean breachedOnly, int limit) {
    List<ClockState> states = breachedOnly ? List.of(ClockState.BREACHED) : List.of(ClockState.RUNNING, ClockState.BREACHED);
    TypedQuery<Object[]> query = em.createQuery(
            "SELECT c, t FROM SlaClock c, Ticket t WHERE t.id = c.ticketId AND c.state IN :states AND c.stoppedAt IS NULL"
                + " AND c.branchPath LIKE :scope" + (metric == null ? "" : " AND c.metric = :metric") + " ORDER BY c.dueAt, c.id",
            Object[].class)
        .setParameter("states", states)
        .setParameter("scope", currentCaller.get().branchPath() + "%")
        .setMaxResults(Math.max(1, Math.min(limit, MAX_ROWS)));
    if (metric != null) {
      query.setParameter("metric", metric);
    }
    Map<Long, BranchRef> branches = organization.visibleBranches().stream().collect(Collectors.toMap(BranchRef::id, Function.identity()));
    Instant now = Instant.now();
    return query.getResultList().stream().map(r -> row((SlaClock) r[0], (Ticket) r[1], branches, now)).toList();
  }

  private Row row(SlaClock c, Ticket t, Map<Long, BranchRef> branches, Instant now) {
    long elapsed = c.elapsedSeconds(now, calendars.get(c.getCalendarCode()));
    BranchRef branch = branches.get(t.getOwningBranchId());
    int percent = c.getTargetSeconds() == 0 ? 100 : (int) Math.min(999, elapsed * 100 / c.getTargetSeconds());
    return new Row(
        c.getTicketNo(), t.getSubject(), t.getPriority().name(), t.getStatus().name(), branch == null ? null : branch.name(),
        branch == null ? null : branch.nameEn(), c.getMetric().name(), c.getState().name(), c.getDueAt(), c.getTargetSeconds(),
        c.getTargetSeconds() - elapsed, percent, c.getWarningsFired(), c.getEscalationLevel());
  }
}
