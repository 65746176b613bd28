package org.centralis.acd.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.centralis.acd.application.AcdRouting.AcdClock;
import org.centralis.acd.domain.Callback;
import org.centralis.acd.domain.CallbackStatus;
import org.centralis.acd.domain.Interaction;
import org.centralis.acd.domain.RoutingQueue;
import org.centralis.audit.application.AuditEntry;
import org.centralis.audit.application.AuditTrail;
import org.centralis.customer.domain.IdentifierMask;
import org.centralis.shared.domain.ConflictException;
import org.centralis.shared.domain.ForbiddenException;
import org.centralis.shared.domain.NotFoundException;
import org.centralis.shared.security.Caller;
import org.centralis.shared.security.CurrentCaller;
import org.centralis.shared.security.Role;

/**
 * The callback list (回拨): callers who reached a queue outside its hours, when the queue's closed action is CALLBACK
 * ({@link AcdContacts#arrive} puts them on it).
 * Agents see the callbacks of the queues they have the skills for (supervisors all of them), the number masked; the
 * agent who takes one sees the number (a sensitive read, audited), calls and records whether the caller was reached.
 */
@Stateless
@RolesAllowed({Role.AGENT_NAME, Role.SUPERVISOR_NAME})
public class AcdCallbacks {

  /** A callback as the list shows it; {@code callerNumber} is in full only for the agent who holds it. */
  public record CallbackView(long id, String contactExternalId, String queue, String queueName, String queueNameEn, String callerNumber, Long customerId, Instant requestedAt,
      String status, int attempts, String agent, Instant lastAttemptAt, String note, boolean mine) {}

  /**
   * The queues an agent has every required skill for at the queue's minimum level (a queue without required skills is
   * everyone's).
   */
  private static final String QUEUES_OF_AGENT =
      "SELECT Q.ID FROM ACD_QUEUE Q WHERE NOT EXISTS (SELECT 1 FROM ACD_QUEUE_SKILL QS WHERE QS.QUEUE_ID = Q.ID AND NOT EXISTS"
          + " (SELECT 1 FROM ACD_AGENT_SKILL S WHERE S.STAFF_ID = ? AND S.SKILL_ID = QS.SKILL_ID AND S.SKILL_LEVEL >= QS.MIN_LEVEL))";

  static final int SHOWN = 200;

  @PersistenceContext private EntityManager em;
  @Inject private CurrentCaller currentCaller;
  @Inject private AcdRouting routing;
  @Inject private AuditTrail auditTrail;

  /** The unfinished callbacks the caller may work, oldest request first (the first {@value #SHOWN}). */
  public List<CallbackView> unfinished() {
    Caller caller = currentCaller.get();
    Set<Long> queues = caller.has(Role.SUPERVISOR) ? null : queuesOf(caller.staffId());
    if (queues != null && queues.isEmpty()) {
      return List.of();
    }
    Map<Long, RoutingQueue> byId = routing.queues();
    TypedQuery<Callback> q = queues == null
        ? em.createNamedQuery("Callback.findUnfinished", Callback.class)
        : em.createNamedQuery("Callback.findUnfinishedOfQueues", Callback.class).setParameter("queues", queues);
    return q.setMaxResults(SHOWN)
        .getResultList().stream()
        .map(c -> view(c, caller, byId))
        .toList();
  }

  /** The agent takes the callback and sees the number: 409 if someone took it first, 403 outside the agent's queues. */
  @RolesAllowed(Role.AGENT_NAME)
  public CallbackView claim(long id) {
    Caller caller = currentCaller.get();
    Callback callback = find(id);
    if (!queuesOf(caller.staffId()).contains(callback.getQueueId())) {
      throw new ForbiddenException("callback-not-your-queue", "callback " + id + " belongs to a queue you do not serve", id);
    }
    callback.claim(caller.staffId(), AcdClock.now());
    flush(id);
    auditTrail.record(new AuditEntry("CALLBACK_CLAIMED", "ACD_CALLBACK", Long.toString(id), null, "number shown to " + caller.login()));
    return view(callback, caller, routing.queues());
  }

  /** The agent who holds the callback records the call: reached, or not (another try later, or given up after the third). */
  @RolesAllowed(Role.AGENT_NAME)
  public CallbackView record(long id, boolean reached, @Size(max = 500) String note) {
    Caller caller = currentCaller.get();
    Callback callback = find(id);
    CallbackStatus before = callback.getStatus();
    callback.record(caller.staffId(), reached, note == null || note.isBlank() ? null : note.strip(), AcdClock.now());
    flush(id);
    auditTrail.record(new AuditEntry("CALLBACK_" + (reached ? "REACHED" : "NOT_REACHED"), "ACD_CALLBACK", Long.toString(id), before.name(),
        callback.getStatus() + ", attempt " + callback.getAttempts()));
    return view(callback, caller, routing.queues());
  }

  private Set<Long> queuesOf(long staffId) {
    Set<Long> ids = new HashSet<>();
    for (Object id : em.createNativeQuery(QUEUES_OF_AGENT).setParameter(1, staffId).getResultList()) {
      ids.add(((Number) id).longValue());
    }
    return ids;
  }

  private Callback find(long id) {
    return Optional.ofNullable(em.find(Callback.class, id)).orElseThrow(() -> new NotFoundException("callback", id));
  }

  /** Two agents claiming at once: the second commit's version check fails; answered as taken. */
  private void flush(long id) {
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw new ConflictException("callback-taken", "callback " + id + " was changed by someone else", id);
    }
  }

  private CallbackView view(Callback c, Caller caller, Map<Long, RoutingQueue> queues) {
    boolean mine = c.getStatus() == CallbackStatus.CLAIMED && c.getAgentId() != null && c.getAgentId().equals(caller.staffId());
    String externalId = em.find(Interaction.class, c.getInteractionId()).getExternalId();
    String agent = c.getAgentId() == null ? null
        : em.createQuery("SELECT s.login FROM AgentSeat s WHERE s.staffId = :id", String.class).setParameter("id", c.getAgentId()).getResultList()
            .stream().findFirst().orElse(null);
    Optional<RoutingQueue> queue = Optional.ofNullable(queues.get(c.getQueueId()));
    return new CallbackView(c.getId(), externalId, queue.map(RoutingQueue::getCode).orElse(null), queue.map(RoutingQueue::getName).orElse(null),
        queue.map(RoutingQueue::getNameEn).orElse(null),
        mine ? c.getCallerNumber() : IdentifierMask.phone(c.getCallerNumber()), c.getCustomerId(), c.getRequestedAt(), c.getStatus().name(),
        c.getAttempts(), agent, c.getLastAttemptAt(), c.getNote(), mine);
  }
}
