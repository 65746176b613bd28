package org.centralis.sla.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.List;
import org.centralis.audit.application.AuditEntry;
import org.centralis.audit.application.AuditTrail;
import org.centralis.shared.domain.ConflictException;
import org.centralis.shared.domain.NotFoundException;
import org.centralis.shared.domain.Page;
import org.centralis.shared.security.Caller;
import org.centralis.shared.security.CurrentCaller;
import org.centralis.shared.security.Role;
import org.centralis.sla.domain.Notification;
import org.centralis.sla.domain.SlaClock;

/** The signed-in staff member's in-app inbox (SLA warnings, breaches, escalations); only their own entries. */
@Stateless
@RolesAllowed({Role.BRANCH_STAFF_NAME, Role.AGENT_NAME, Role.SUPERVISOR_NAME, Role.HQ_MANAGER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME})
public class Notifications {

  /** An inbox entry. */
  public record Item(
      long id, String kind, String ticketNo, String metric, int seq, Instant dueAt, Instant createdAt, boolean read, boolean ackRequired, Instant ackedAt) {}

  @PersistenceContext private EntityManager em;
  @Inject private CurrentCaller currentCaller;
  @Inject private AuditTrail auditTrail;

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

  /**
   * Confirms an escalation that asks for it (确认): the clock's chain stops here, everyone told of that step sees it
   * confirmed, and the confirmation is audited (SLA_ESCALATION_ACKNOWLEDGED). Someone else's entry answers 404; an entry
   * that asks for no confirmation, or one confirmed already, 409.
   */
  public Item acknowledge(long id) {
    Notification n = em.find(Notification.class, id);
    Caller caller = currentCaller.get();
    if (n == null || !Long.valueOf(n.getStaffId()).equals(staffId())) {
      throw new NotFoundException("notification", id);
    }
    if (!n.isAckRequired() || n.getAckedAt() != null) {
      throw new ConflictException("not-acknowledgeable", "notification " + id + (n.isAckRequired() ? " is confirmed already" : " asks for no confirmation"), id);
    }
    Instant now = Instant.now();
    SlaClock clock = em.createQuery("SELECT c FROM SlaClock c WHERE c.ticketNo = :number AND c.metric = :metric", SlaClock.class)
        .setParameter("number", n.getTicketNo())
        .setParameter("metric", n.getMetric())
        .getResultStream().findFirst().orElseThrow(() -> new NotFoundException("SLA clock", n.getTicketNo()));
    boolean stopped = clock.acknowledge(caller.login(), now);
    em.createQuery("SELECT o FROM Notification o WHERE o.ticketNo = :number AND o.metric = :metric AND o.kind = :kind AND o.seq = :seq AND o.ackedAt IS NULL",
            Notification.class)
        .setParameter("number", n.getTicketNo())
        .setParameter("metric", n.getMetric())
        .setParameter("kind", n.getKind())
        .setParameter("seq", n.getSeq())
        .getResultList()
        .forEach(o -> o.acknowledged(now));
    try {
      em.flush(); // the clock's version check: the sweeper may be firing this clock right now
    } catch (PersistenceException e) {
      throw new ConflictException("concurrent-change", "the deadline changed meanwhile; try again", id);
    }
    auditTrail.record(new AuditEntry("SLA_ESCALATION_ACKNOWLEDGED", "TICKET", n.getTicketNo(), null,
        n.getMetric() + " level " + n.getSeq() + (stopped ? ": chain stopped" : ": the clock was no longer escalating")));
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
    return new Item(
        n.getId(), n.getKind().name(), n.getTicketNo(), n.getMetric().name(), n.getSeq(), n.getDueAt(), n.getCreatedAt(), n.getReadAt() != null,
        n.isAckRequired(), n.getAckedAt());
  }
}
