package org.centralis.acd.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.centralis.acd.application.AcdRouting.AcdClock;
import org.centralis.acd.domain.Interaction;
import org.centralis.acd.domain.QueueVisit;
import org.centralis.acd.domain.RoutingQueue;
import org.centralis.audit.application.AuditEntry;
import org.centralis.audit.application.AuditTrail;
import org.centralis.customer.domain.IdentifierMask;
import org.centralis.shared.domain.InvalidInputException;
import org.centralis.shared.domain.NotFoundException;
import org.centralis.shared.security.Role;

/**
 * A supervisor steers the waiting line from the wallboard (调度): moves a waiting contact to another queue — keeping
 * its arrival time — or changes its priority. Each change is checked against the contact's version (a contact offered
 * meanwhile is no longer waiting: 409), audited with before and after, published as CONTACT_REQUEUED and followed by
 * a routing pass.
 */
@Stateless
@RolesAllowed(Role.SUPERVISOR_NAME)
public class AcdSupervision {

  static final int WAITING_SHOWN = 200;

  /** A waiting contact as the wallboard lists it; the caller's number masked. */
  public record WaitingView(String externalId, String queue, String channel, String callerNumber, int priority, Instant arrivedAt, int overflowSteps) {}

  @PersistenceContext private EntityManager em;
  @Inject private ContactWork work;
  @Inject private AcdRouting routing;
  @Inject private AcdContacts contacts;
  @Inject private AuditTrail auditTrail;
  @Inject private Event<AcdEvent> events;
  @Inject private Event<RoutingNeeded> routingNeeded;

  /** The contacts waiting now, highest priority first, then longest waiting (the order routing serves them). */
  public List<WaitingView> waiting() {
    Map<Long, RoutingQueue> queues = routing.queues();
    return em.createNamedQuery("Interaction.findWaiting", Interaction.class).getResultList().stream()
        .sorted(Comparator.comparingInt(Interaction::getPriority).reversed().thenComparing(Interaction::getArrivedAt))
        .limit(WAITING_SHOWN)
        .map(i -> new WaitingView(i.getExternalId(), Optional.ofNullable(queues.get(i.getQueueId())).map(RoutingQueue::getCode).orElse(null),
            i.getChannel().name(), i.getCallerNumber() == null ? null : IdentifierMask.phone(i.getCallerNumber()), i.getPriority(), i.getArrivedAt(),
            i.getOverflowSteps()))
        .toList();
  }

  /** Moves a waiting contact to the active queue {@code queueCode}. */
  public ContactView move(String externalId, String queueCode, String reason) {
    Interaction contact = waitingContact(externalId);
    RoutingQueue target = routing.queues().values().stream().filter(q -> q.getCode().equals(queueCode)).findFirst()
        .orElseThrow(() -> new InvalidInputException("queue", "unknown-queue", "no active queue " + queueCode, queueCode));
    String from = work.queueCode(contact.getQueueId());
    Instant now = AcdClock.now();
    contact.moveTo(target.getId(), now);
    int visits = em.createNamedQuery("QueueVisit.ofInteraction", QueueVisit.class).setParameter("id", contact.getId()).getResultList().size();
    em.persist(new QueueVisit(contact.getId(), visits + 1, target.getId(), now, "SUPERVISOR"));
    work.flush();
    changed(contact, target.getCode(), "SUPERVISOR_MOVE", "ACD_CONTACT_MOVED", "queue " + from, "queue " + target.getCode() + why(reason), now);
    return contacts.contact(externalId);
  }

  /** Sets a waiting contact's priority, 0–9 (higher is served first). */
  public ContactView prioritize(String externalId, int priority, String reason) {
    Interaction contact = waitingContact(externalId);
    int was = contact.reprioritize(priority);
    work.flush();
    changed(contact, work.queueCode(contact.getQueueId()), "SUPERVISOR_PRIORITY", "ACD_CONTACT_PRIORITY_CHANGED", "priority " + was,
        "priority " + priority + why(reason), AcdClock.now());
    return contacts.contact(externalId);
  }

  private void changed(Interaction contact, String queue, String detail, String auditAction, String before, String after, Instant now) {
    auditTrail.record(new AuditEntry(auditAction, "ACD_CONTACT", contact.getExternalId(), before, after));
    events.fire(new AcdEvent("CONTACT_REQUEUED", contact.getExternalId(), queue, null, null, contact.getState().name(), detail, null, now));
    routingNeeded.fire(new RoutingNeeded(detail.toLowerCase()));
  }

  private Interaction waitingContact(String externalId) {
    return em.createNamedQuery("Interaction.findByExternalId", Interaction.class).setParameter("externalId", externalId).getResultStream().findFirst()
        .orElseThrow(() -> new NotFoundException("contact", externalId));
  }

  private static String why(String reason) {
    return reason == null || reason.isBlank() ? "" : ": " + (reason.length() > 200 ? reason.substring(0, 200) : reason.strip());
  }
}
