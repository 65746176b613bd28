package org.centralis.reporting.infrastructure;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.centralis.audit.application.AuditEntry;
import org.centralis.audit.application.AuditTrail;
import org.centralis.organization.application.OrganizationDirectory;
import org.centralis.organization.application.StaffContact;
import org.centralis.reporting.application.ReportSchedules;
import org.centralis.reporting.domain.ReportInboxItem;
import org.centralis.reporting.domain.ReportRun;
import org.centralis.reporting.domain.ReportRunStatus;
import org.centralis.reporting.domain.ReportSchedule;
import org.centralis.reporting.domain.ScheduleRecipient;
import org.centralis.shared.security.Caller;
import org.centralis.shared.security.Role;

/**
 * Delivers a finished scheduled run into its recipients' report inboxes, and by e-mail with the file attached when
 * SMTP is configured. Exactly once per run: the node whose UPDATE marks the firing delivered does it. A recipient only
 * receives a run whose scope lies in their own subtree and only if they hold a role that may read reports; a failed run
 * is delivered too, so that its recipients see that it failed.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ReportDelivery {

  @PersistenceContext private EntityManager em;
  @Inject private OrganizationDirectory organization;
  @Inject private ReportMail mail;
  @Inject private AuditTrail audit;

  /** Delivers the run if it came from a schedule and is not delivered yet; answers the number of inbox items written. */
  public int deliver(long runId) throws SQLException {
    Number scheduleId =
        (Number) em.createNativeQuery("SELECT SCHEDULE_ID FROM REPORT_SCHEDULE_FIRING WHERE RUN_ID = ?").setParameter(1, runId).getResultStream()
            .findFirst()
            .orElse(null);
    ReportRun run = em.find(ReportRun.class, runId);
    if (scheduleId == null || run == null || !run.getStatus().isFinished()) {
      return 0;
    }
    Instant now = Instant.now();
    if (!ScheduleClaims.claimDelivery(em.unwrap(Connection.class), runId, now)) {
      return 0;
    }
    ReportSchedule schedule = em.find(ReportSchedule.class, scheduleId.longValue());
    Map<String, StaffContact> recipients = recipients(schedule, run.getScopePath());
    int delivered = 0;
    for (StaffContact recipient : recipients.values()) {
      String emailedTo = run.getStatus() == ReportRunStatus.DONE ? mail.send(recipient, schedule, run) : null;
      em.persist(ReportInboxItem.deliver(runId, recipient.login(), schedule.getId(), emailedTo, now));
      delivered++;
    }
    em.flush();
    audit.record(
        Caller.system(),
        new AuditEntry(
            "REPORT_DELIVERED", "REPORT_RUN", String.valueOf(runId), null,
            run.getStatus() + " to " + String.join(",", recipients.keySet()) + " (schedule " + schedule.getId() + ")"));
    return delivered;
  }

  private Map<String, StaffContact> recipients(ReportSchedule schedule, String scopePath) {
    Map<String, StaffContact> byLogin = new LinkedHashMap<>();
    for (ScheduleRecipient r : schedule.getRecipients()) {
      switch (r.kind()) {
        case USER -> organization.activeStaff(r.value()).ifPresent(s -> byLogin.put(s.login(), s));
        case ROLE -> organization.activeStaffWithRole(Role.valueOf(r.value())).forEach(s -> byLogin.put(s.login(), s));
      }
    }
    byLogin.values().removeIf(s -> !s.oversees(scopePath) || s.roles().stream().noneMatch(ReportSchedules.READER_ROLES::contains));
    return byLogin;
  }
}
