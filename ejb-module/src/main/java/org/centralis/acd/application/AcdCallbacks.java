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
    TypedQuery<Callback> q = queues == null
        ? em.createNamedQuery("Callback.findUnfinished", Callback.class)
        : em.createNamedQuery("Callback.findUnfinishedOfQueues", Callback.class).setParameter("queues", queues);
    return views(q.setMaxResults(SHOWN).getResultList(), caller);
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
    return views(List.of(callback), caller).get(0);
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
    return views(List.of(callback), caller).get(0);
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

  /** The callbacks as the list shows them; the contacts' ids and the agents' logins read in one query each. */
  private List<CallbackView> views(List<Callback> callbacks, Caller caller) {
    if (callbacks.isEmpty()) {
      return List.of();
    }
    Map<Long, RoutingQueue> queues = routing.queues();
    Map<Long, String> externalIds = pairs("SELECT i.id, i.externalId FROM Interaction i WHERE i.id IN :ids",
        callbacks.stream().map(Callback::getInteractionId).toList());
    Map<Long, String> logins = pairs("SELECT s.staffId, s.login FROM AgentSeat s WHERE s.staffId IN :ids",
        callbacks.stream().map(Callback::getAgentId).filter(java.util.Objects::nonNull).toList());
    return callbacks.stream().map(c -> {
      boolean mine = c.getStatus() == CallbackStatus.CLAIMED && c.getAgentId() != null && c.getAgentId().equals(caller.staffId());
      Optional<RoutingQueue> queue = Optional.ofNullable(queues.get(c.getQueueId()));
      return new CallbackView(c.getId(), externalIds.get(c.getInteractionId()), queue.map(RoutingQueue::getCode).orElse(null),
          queue.map(RoutingQueue::getName).orElse(null), queue.map(RoutingQueue::getNameEn).orElse(null),
          mine ? c.getCallerNumber() : IdentifierMask.phone(c.getCallerNumber()), c.getCustomerId(), c.getRequestedAt(), c.getStatus().name(),
          c.getAttempts(), c.getAgentId() == null ? null : logins.get(c.getAgentId()), c.getLastAttemptAt(), c.getNote(), mine);
    }).toList();
  }

  /** id → text for a JPQL query selecting both for {@code :ids}. */
  private Map<Long, String> pairs(String jpql, List<Long> ids) {
    if (ids.isEmpty()) {
      return Map.of();
    }
    Map<Long, String> out = new java.util.HashMap<>();
    for (Object[] row : em.createQuery(jpql, Object[].class).setParameter("ids", Set.copyOf(ids)).getResultList()) {
      out.put((Long) row[0], (String) row[1]);
    }
    return out;
  }
}
