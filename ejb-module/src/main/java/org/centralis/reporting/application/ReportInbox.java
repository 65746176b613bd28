package org.centralis.reporting.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import org.centralis.reporting.domain.ReportInboxItem;
import org.centralis.reporting.domain.ReportRun;
import org.centralis.shared.domain.NotFoundException;
import org.centralis.shared.domain.Page;
import org.centralis.shared.security.CurrentCaller;
import org.centralis.shared.security.Role;

/** The signed-in user's report inbox (报表收件箱): what schedules delivered to them, newest first. */
@Stateless
@RolesAllowed({Role.HQ_MANAGER_NAME, Role.ADMIN_NAME, Role.SUPERVISOR_NAME})
public class ReportInbox {

  private static final String SELECT =
      "SELECT i, r, s.name FROM ReportInboxItem i JOIN ReportRun r ON r.id = i.runId LEFT JOIN ReportSchedule s ON s.id = i.scheduleId";

  @PersistenceContext private EntityManager em;
  @Inject private CurrentCaller currentCaller;

  public Page<InboxItemView> mine(@Min(0) int offset, @Min(1) @Max(200) int limit) {
    String me = currentCaller.get().login();
    List<InboxItemView> items =
        em.createQuery(SELECT + " WHERE i.recipientLogin = :me ORDER BY i.deliveredAt DESC, i.id DESC", Object[].class)
            .setParameter("me", me)
            .setFirstResult(offset)
            .setMaxResults(limit)
            .getResultList()
            .stream()
            .map(ReportInbox::view)
            .toList();
    long total = em.createQuery("SELECT COUNT(i) FROM ReportInboxItem i WHERE i.recipientLogin = :me", Long.class).setParameter("me", me).getSingleResult();
    return new Page<>(items, total, offset, limit);
  }

  private static InboxItemView view(Object[] row) {
    ReportInboxItem i = (ReportInboxItem) row[0];
    ReportRun r = (ReportRun) row[1];
    return new InboxItemView(
        i.getId(), r.getId(), r.getReportCode(), r.getStatus().name(), r.getFormat().name(), r.getParameters(), i.getScheduleId(), (String) row[2],
        i.getDeliveredAt(), i.getEmailedTo(), i.getReadAt());
  }

  public long unreadCount() {
    return em.createQuery("SELECT COUNT(i) FROM ReportInboxItem i WHERE i.recipientLogin = :me AND i.readAt IS NULL", Long.class)
        .setParameter("me", currentCaller.get().login())
        .getSingleResult();
  }

  /** Marks the item read and answers its run id (the file itself comes from ReportRuns, which audits the download). */
  public long open(long itemId) {
    ReportInboxItem item = em.find(ReportInboxItem.class, itemId);
    if (item == null || !item.getRecipientLogin().equals(currentCaller.get().login())) {
      throw new NotFoundException("inbox item", itemId);
    }
    item.markRead(Instant.now());
    return item.getRunId();
  }
}
