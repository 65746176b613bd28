package org.centralis.reporting.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.centralis.audit.application.AuditEntry;
import org.centralis.audit.application.AuditTrail;
import org.centralis.reporting.domain.ReportRun;
import org.centralis.reporting.domain.ReportRunStatus;
import org.centralis.reports.ReportFormat;
import org.centralis.shared.domain.ConflictException;
import org.centralis.shared.domain.InvalidInputException;
import org.centralis.shared.domain.NotFoundException;
import org.centralis.shared.domain.Page;
import org.centralis.shared.security.Caller;
import org.centralis.shared.security.CurrentCaller;
import org.centralis.shared.security.Role;

/**
 * On-demand report runs and their archive. A run covers the requester's branch subtree (or a branch inside it) and is
 * filled asynchronously after the request commits; a run, its status and its file are visible to whoever's subtree
 * contains the run's scope (headquarters sees every run) and to its requester. Every download is audited.
 */
@Stateless
@RolesAllowed({Role.HQ_MANAGER_NAME, Role.ADMIN_NAME, Role.SUPERVISOR_NAME})
public class ReportRuns {

  /** Longest period one run may cover: three years of days. */
  static final long MAX_PERIOD_DAYS = 3 * 366;

  @PersistenceContext private EntityManager em;
  @Inject private CurrentCaller currentCaller;
  @Inject private ReportRequests requests;
  @Inject private AuditTrail audit;
  @Inject private Event<ReportRunQueued> queued;
  @Inject private ContactCenterScope contactCenter;

  /** Queues a run and returns its id; the file follows asynchronously (poll {@link #status}). */
  public long start(@NotNull String code, @NotNull RunParameters parameters, ReportFormat format) {
    requests.available(code);
    if (parameters.from() == null || parameters.to() == null) {
      throw new InvalidInputException(parameters.from() == null ? "from" : "to", "invalid-period", "from and to are required (YYYY-MM-DD)");
    }
    if (parameters.from().isAfter(parameters.to())) {
      throw new InvalidInputException("to", "invalid-period", "to is before from");
    }
    if (ChronoUnit.DAYS.between(parameters.from(), parameters.to()) > MAX_PERIOD_DAYS) {
      throw new InvalidInputException("to", "invalid-period", "a run covers at most " + MAX_PERIOD_DAYS + " days");
    }
    Caller caller = currentCaller.get();
    String scope = requests.scope(caller, parameters.branchId());
    contactCenter.check(code, parameters, scope);
    ReportRun run =
        ReportRun.queue(code, parameters.toJson(), caller.login(), caller.branchId(), scope, format == null ? ReportFormat.PDF : format, Instant.now())
            .covering(parameters.from(), parameters.to());
    em.persist(run);
    em.flush();
    audit.record(new AuditEntry("REPORT_RUN_REQUESTED", "REPORT_RUN", String.valueOf(run.getId()), null, code + " " + run.getFormat() + " " + run.getParameters()));
    queued.fire(new ReportRunQueued(run.getId()));
    return run.getId();
  }

  public RunView status(long id) {
    return RunView.of(visible(id));
  }

  /** The archived bytes of a finished run, identical on every read; the download is audited (REPORT_DOWNLOADED). */
  public ReportFile file(long id) {
    ReportRun run = visible(id);
    if (run.getStatus() != ReportRunStatus.DONE) {
      throw new ConflictException("report-not-ready", "run " + id + " is " + run.getStatus(), id, run.getStatus());
    }
    audit.record(new AuditEntry("REPORT_DOWNLOADED", "REPORT_RUN", String.valueOf(id), null, run.getReportCode() + " sha256=" + run.getFileSha256()));
    ReportFormat format = run.getFormat();
    return new ReportFile(run.getFileContent(), format.contentType(), run.getReportCode() + "-" + id + "." + format.extension(), run.getFileSha256());
  }

  /** Runs whose scope lies in the caller's subtree, or that the caller requested; newest first. */
  public Page<RunView> archive(@NotNull ArchiveFilter filter, @Min(0) int offset, @Min(1) @Max(200) int limit) {
    Caller caller = currentCaller.get();
    Map<String, Object> parameters = new HashMap<>();
    StringBuilder where = new StringBuilder(" WHERE (r.scopePath LIKE :scope OR r.requestedBy = :me)");
    parameters.put("scope", caller.branchPath() + "%");
    parameters.put("me", caller.login());
    condition(where, parameters, filter.report(), "r.reportCode = :code", "code");
    condition(where, parameters, filter.requestedBy(), "r.requestedBy = :requester", "requester");
    condition(where, parameters, filter.createdFrom(), "r.createdAt >= :createdFrom", "createdFrom");
    condition(where, parameters, filter.createdTo(), "r.createdAt < :createdTo", "createdTo");
    condition(where, parameters, filter.periodFrom(), "r.periodTo >= :periodFrom", "periodFrom");
    condition(where, parameters, filter.periodTo(), "r.periodFrom <= :periodTo", "periodTo");
    if (filter.branchId() != null) {
      condition(where, parameters, requests.scope(caller, filter.branchId()) + "%", "r.scopePath LIKE :branchScope", "branchScope");
    }
    TypedQuery<ReportRun> rows = em.createQuery("SELECT r FROM ReportRun r" + where + " ORDER BY r.createdAt DESC, r.id DESC", ReportRun.class);
    TypedQuery<Long> count = em.createQuery("SELECT COUNT(r) FROM ReportRun r" + where, Long.class);
    parameters.forEach((name, value) -> {
      rows.setParameter(name, value);
      count.setParameter(name, value);
    });
    List<RunView> items = rows.setFirstResult(offset).setMaxResults(limit).getResultList().stream().map(RunView::of).toList();
    return new Page<>(items, count.getSingleResult(), offset, limit);
  }

  private static void condition(StringBuilder where, Map<String, Object> parameters, Object value, String jpql, String name) {
    if (value != null) {
      where.append(" AND ").append(jpql);
      parameters.put(name, value);
    }
  }

  /** Outside the caller's subtree and not theirs: answered as not found, like tickets. */
  private ReportRun visible(long id) {
    Caller caller = currentCaller.get();
    ReportRun run = em.find(ReportRun.class, id);
    if (run == null || !(caller.canSee(run.getScopePath()) || caller.login().equals(run.getRequestedBy()))) {
      throw new NotFoundException("report run", id);
    }
    return run;
  }
}
