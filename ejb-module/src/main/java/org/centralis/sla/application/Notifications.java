package org.centralis.sla.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.centralis.shared.domain.NotFoundException;
import org.centralis.shared.domain.Page;
import org.centralis.shared.security.Caller;
import org.centralis.shared.security.CurrentCaller;
import org.centralis.shared.security.Role;
import org.centralis.sla.domain.Notification;

/** The signed-in staff member's in-app inbox (SLA warnings, breaches, escalations); only their own entries. */
@Stateless
@RolesAllowed({Role.BRANCH_STAFF_NAME, Role.AGENT_NAME, Role.SUPERVISOR_NAME, Role.HQ_MANAGER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
public class Notifications {

  /** An inbox entry. */
  public record Item(long id, String kind, String ticketNo, String metric, int seq, Instant dueAt, Instant createdAt, boolean read) {}

  @PersistenceContext private EntityManager em;
  @Inject private CurrentCaller currentCaller;

  public Page<Item> mine(int offset, int limit) {
    Long staff = staffId();
    List<Item> items =
        em.createNamedQuery("Notification.findByStaff", Notification.class)
            .setParameter("staff", staff)
            .setFirstResult(offset)
            .setMaxResults(limit)
            .getResultList()
            .stream()
            .map(Notifications::item)
            .toList();
    long total = em.createQuery("SELECT COUNT(n) FROM Notification n WHERE n.staffId = :staff", Long.class).setParameter("staff", staff).getSingleResult();
    return new Page<>(items, total, offset, limit);
  }

  public long unread() {
    Long staff = currentCaller.get().staffId();
    return staff == null ? 0 : em.createNamedQuery("Notification.countUnread", Long.class).setParameter("staff", staff).getSingleResult();
  }

  /** Marks one of the caller's entries read; someone else's answers 404 like a missing one. */
  public Item markRead(long id) {
    Notification n = em.find(Notification.class, id);
    if (n == null || !Long.valueOf(n.getStaffId()).equals(staffId())) {
      throw new NotFoundException("notification", id);
    }
    n.markRead(Instant.now());
    return item(n);
  }

  /** Marks every unread entry of the caller read; answers how many. */
  public int markAllRead() {
    return em.createQuery("UPDATE Notification n SET n.readAt = :now WHERE n.staffId = :staff AND n.readAt IS NULL")
        .setParameter("now", Instant.now())
        .setParameter("staff", staffId())
        .executeUpdate();
  }

  private Long staffId() {
    Caller caller = currentCaller.get();
    if (caller.staffId() == null) {
      throw new NotFoundException("notification", caller.login());
    }
    return caller.staffId();
  }

  private static Item item(Notification n) {
    return new Item(n.getId(), n.getKind().name(), n.getTicketNo(), n.getMetric().name(), n.getSeq(), n.getDueAt(), n.getCreatedAt(), n.getReadAt() != null);
  }
}
