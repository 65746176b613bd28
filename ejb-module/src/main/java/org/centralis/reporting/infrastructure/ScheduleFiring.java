package org.centralis.reporting.infrastructure;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.function.Predicate;
import java.util.logging.Logger;
import org.centralis.audit.application.AuditEntry;
import org.centralis.audit.application.AuditTrail;
import org.centralis.reporting.application.CalendarDays;
import org.centralis.reporting.application.ReportRunQueued;
import org.centralis.reporting.application.RunParameters;
import org.centralis.reporting.domain.RelativePeriod;
import org.centralis.reporting.domain.ReportRun;
import org.centralis.reporting.domain.ReportSchedule;
import org.centralis.shared.security.Caller;

/**
 * Fires one due schedule in a transaction of its own: claims the due instant (so that another node sweeping at the
 * same time does nothing), queues the run for the period the firing covers, records the firing and audits it. The run
 * is filled after the commit, like an on-demand run.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ScheduleFiring {

  private static final Logger LOG = Logger.getLogger(ScheduleFiring.class.getName());

  @PersistenceContext private EntityManager em;
  @Inject private AuditTrail audit;
  @Inject private Event<ReportRunQueued> queued;

  /** The run queued for the firing, or null when another node fired it or the period already has its run. */
  public Long fire(ScheduleClaims.Due due, Instant now) throws SQLException {
    ReportSchedule schedule = em.find(ReportSchedule.class, due.scheduleId());
    if (schedule == null || !schedule.isActive()) {
      return null;
    }
    Predicate<LocalDate> working = CalendarDays.working(CalendarDays.find(em, schedule.getCalendarCode()).orElse(null), schedule.isWorkingDaysOnly());
    Instant next = schedule.cronSchedule().nextAfter(due.dueAt(), schedule.zone(), working);
    Connection connection = em.unwrap(Connection.class); // the transaction's own connection, shared with JPA
    if (!ScheduleClaims.claimFiring(connection, schedule.getId(), due.dueAt(), next)) {
      return null;
    }
    RelativePeriod.Days days = schedule.getPeriod().resolve(LocalDate.ofInstant(due.dueAt(), schedule.zone()));
    if (ScheduleClaims.fired(connection, schedule.getId(), days.key())) {
      LOG.fine(() -> "schedule " + schedule.getId() + " already ran for " + days.key());
      return null;
    }
    RunParameters parameters = new RunParameters(days.from(), days.to(), schedule.getBranchId(), schedule.getLocale());
    ReportRun run =
        ReportRun.queue(
            schedule.getReportCode(), parameters.toJson(), schedule.getOwnerLogin(), schedule.getOwnerBranchId(), schedule.getScopePath(), schedule.getFormat(), now)
            .covering(days.from(), days.to());
    em.persist(run);
    em.flush();
    ScheduleClaims.recordFiring(connection, schedule.getId(), days.key(), due.dueAt(), now, run.getId());
    audit.record(
        Caller.system(),
        new AuditEntry(
            "REPORT_RUN_SCHEDULED", "REPORT_RUN", String.valueOf(run.getId()), null,
            schedule.getReportCode() + " schedule " + schedule.getId() + " period " + days.key() + " scope " + schedule.getScopePath()));
    queued.fire(new ReportRunQueued(run.getId()));
    return run.getId();
  }
}
