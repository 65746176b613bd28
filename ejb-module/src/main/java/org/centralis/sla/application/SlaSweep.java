package org.centralis.sla.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PessimisticLockException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.centralis.audit.application.AuditEntry;
import org.centralis.audit.application.AuditTrail;
import org.centralis.shared.security.Caller;
import org.centralis.sla.domain.EscalationChain;
import org.centralis.sla.domain.EscalationLevel;
import org.centralis.sla.domain.Notification;
import org.centralis.sla.domain.SlaClock;
import org.centralis.sla.domain.SlaEvent;
import org.centralis.sla.domain.SlaFiring;
import org.centralis.ticket.application.TicketEscalation.TicketFacts;
import org.centralis.ticket.application.TicketEscalation;

/**
 * One sweep step: finds due clocks, and fires the due steps of one clock in its own transaction.
 *
 * <p>Exactly once across nodes: a node reads the clock, advances it in memory and writes it back
 * with JPA's version check ({@code UPDATE … WHERE ID = ? AND VERSION = ?}) <em>before</em> doing
 * anything else. Two nodes that read the same version cannot both update it: the second waits for
 * the first's row lock and then updates no row (an {@code OptimisticLockException}) or fails on the
 * lock, and its whole transaction — events, notifications, JMS message, audit — rolls back. A node
 * that reads after the other committed finds the step already done (the next due instant moved).
 * The unique key of SLA_EVENT (clock, cycle, kind, seq) backs this up in the database.
 */
@Stateless
@PermitAll
public class SlaSweep {

  @PersistenceContext private EntityManager em;
  @Resource private SessionContext context;
  @Inject private ClockCalendars calendars;
  @Inject private TicketEscalation tickets;
  @Inject private SlaRecipients recipients;
  @Inject private SlaEventPublisher publisher;
  @Inject private AuditTrail auditTrail;
  @Inject private Event<SlaStepFired> mails;
  @Inject private SlaOutcomes outcomes;

  /** Ids of the clocks due at {@code now}, most overdue first (an index range scan on NEXT_DUE_AT). */
  public List<Long> due(Instant now, int limit) {
    return em.createNamedQuery("SlaClock.findDue", Long.class).setParameter("now", now).setMaxResults(limit).getResultList();
  }

  /** What {@link #fire} answers when another node claimed the clock first (this call's transaction rolls back). */
  public static final int LOST = -1;

  /**
   * Fires what is due on one clock.
   *
   * @return the number of steps this call fired (0 when another node did them first), or {@link #LOST}
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int fire(long clockId, Instant now) {
    SlaClock clock = em.find(SlaClock.class, clockId);
    if (clock == null || clock.getNextDueAt() == null || clock.getNextDueAt().isAfter(now)) {
      return 0;
    }
    EscalationChain chain = clock.getChainId() == null ? null : em.find(EscalationChain.class, clock.getChainId());
    List<SlaFiring> fired = clock.fireDue(now, calendars.get(clock.getCalendarCode()), chain == null ? List.of() : chain.delays());
    try {
      em.flush(); // the claim: the version-checked UPDATE; a competing node fails here and rolls back
    } catch (OptimisticLockException | PessimisticLockException | LockTimeoutException lost) {
      // The normal outcome of two nodes racing for one clock, not an error: roll back quietly (an exception
      // leaving the bean would be logged by the container with its stack trace, once per lost race).
      context.setRollbackOnly();
      return LOST;
    }
    fired.stream().filter(f -> f.kind() == SlaFiring.Kind.BREACH).findFirst().ifPresent(f -> outcomes.breached(clock));
    TicketFacts ticket = tickets.facts(clock.getTicketId()).orElseThrow();
    List<AuditEntry> audit = new ArrayList<>();
    for (SlaFiring f : fired) {
      Step step = f.kind() == SlaFiring.Kind.ESCALATION
          ? escalate(clock, chain.level(f.seq()), ticket, now)
          : new Step(recipients.workers(ticket), "", false);
      String detail = clock.getMetric() + " " + f.kind() + " " + f.seq() + " due " + f.dueAt() + step.detail();
      SlaEvent event = new SlaEvent(clock, f, now, detail);
      em.persist(event);
      List<Long> staff = step.told().stream().distinct().toList();
      staff.forEach(id -> em.persist(new Notification(id, event, step.askToConfirm())));
      publisher.published(event);
      mails.fire(new SlaStepFired(clock.getTicketNo(), clock.getMetric().name(), f.kind().name(), f.seq(), f.dueAt(), recipients.emails(staff)));
      audit.add(new AuditEntry("SLA_" + f.kind(), "TICKET", clock.getTicketNo(), null, detail));
    }
    em.flush();
    audit.forEach(a -> auditTrail.record(Caller.system(), a));
    return fired.size();
  }

  /** Whom a step tells, what it did besides (for the event and the audit), and whether it asks for a confirmation. */
  private record Step(List<Long> told, String detail, boolean askToConfirm) {}

  /** An escalation level's actions: notify its role where it says, then take the ticket over and raise its priority if it says so. */
  private Step escalate(SlaClock clock, EscalationLevel level, TicketFacts ticket, Instant now) {
    StringBuilder detail = new StringBuilder(" notify ").append(level.getNotifyRole()).append('@').append(level.getNotifyAt());
    String why = "SLA escalation level " + level.getLevelNo() + " (" + clock.getMetric() + ")";
    if (level.getReassignTeamId() != null) {
      boolean moved = tickets.reassign(ticket.id(), level.getReassignTeamId(), why, now);
      detail.append(moved ? " reassigned to team " + level.getReassignTeamId() : " reassignment to team " + level.getReassignTeamId() + " not possible in " + ticket.status());
    }
    if (level.getRaisePriority() != null) {
      boolean raised = tickets.raisePriority(ticket.id(), level.getRaisePriority(), why, now);
      detail.append(raised ? " priority raised to " + level.getRaisePriority() : " priority kept (" + ticket.priority() + ")");
    }
    List<Long> notify = recipients.escalationTargets(ticket, level.getNotifyRole(), level.getNotifyAt());
    return new Step(notify, detail.toString(), level.isAckRequired());
  }
}
