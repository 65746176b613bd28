package org.centralis.acd.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.centralis.acd.application.AcdRouting.AcdClock;
import org.centralis.acd.domain.AgentSeat;
import org.centralis.acd.domain.AgentState;
import org.centralis.acd.domain.Interaction;
import org.centralis.acd.domain.InteractionState;
import org.centralis.acd.domain.Offer;
import org.centralis.acd.domain.OfferOutcome;
import org.centralis.acd.domain.Overflow;
import org.centralis.acd.domain.QueueVisit;
import org.centralis.acd.domain.RoutingQueue;
import org.centralis.reporting.application.FactOutbox;
import org.centralis.shared.domain.ConflictException;
import org.centralis.shared.domain.NotFoundException;

/**
 * The transitions that involve a contact, an offer and an agent together, shared by the CTI API,
 * the agent desk and the sweeper. Each runs in the caller's transaction and checks its
 * preconditions on the rows it read; the version check at flush makes a concurrent change (another
 * node, the routing reservation) fail with {@code concurrent-change} instead of applying twice.
 *
 * <p>Internal: the role and scope checks are the callers' ({@link AcdContacts}, {@link AgentDesk}).
 */
@Stateless
@PermitAll
public class ContactWork {

  @PersistenceContext private EntityManager em;
  @Inject private FactOutbox facts; // the contact's final outcome is a report fact (ADR 0012)
  @Inject private Event<AcdEvent> events;
  @Inject private Event<RoutingNeeded> routingNeeded;
  @Inject private AgentStateLog stateLog;

  /** The agent (or the CTI, on "answered") takes the offered contact. */
  public void accept(Offer offer, Instant now) {
    Interaction contact = em.find(Interaction.class, offer.getInteractionId());
    AgentSeat seat = em.find(AgentSeat.class, offer.getAgentId());
    LocalDate today = AcdClock.today(now);
    seat.connect(contact.getId(), now, today);
    contact.connect(seat.getStaffId(), now);
    offer.decide(OfferOutcome.ACCEPTED, now);
    flush();
    events.fire(new AcdEvent("CONTACT_CONNECTED", contact.getExternalId(), queueCode(contact.getQueueId()), seat.getLogin(), seat.getExtension(),
        contact.getState().name(), null, offer.getId(), now));
    agentEvent(seat, now);
  }

  /** The offer was rejected, or timed out (a miss): the contact waits again, the agent moves on or goes NOT_READY. */
  public void decline(Offer offer, boolean timedOut, Instant now) {
    Interaction contact = em.find(Interaction.class, offer.getInteractionId());
    AgentSeat seat = em.find(AgentSeat.class, offer.getAgentId());
    RoutingQueue queue = em.find(RoutingQueue.class, offer.getQueueId());
    seat.missed(contact.getId(), timedOut, queue.getMaxMisses(), now, AcdClock.today(now));
    contact.backToQueue();
    offer.decide(timedOut ? OfferOutcome.TIMED_OUT : OfferOutcome.REJECTED, now);
    flush();
    events.fire(new AcdEvent("CONTACT_REQUEUED", contact.getExternalId(), queue.getCode(), seat.getLogin(), seat.getExtension(),
        contact.getState().name(), timedOut ? "TIMED_OUT" : "REJECTED", offer.getId(), now));
    agentEvent(seat, now);
    routingNeeded.fire(new RoutingNeeded(timedOut ? "offer timeout" : "offer rejected"));
  }

  /** The caller hung up before being connected; an open offer is cancelled and its agent released. */
  public void abandon(Interaction contact, Instant now) {
    Optional<Offer> pending = pendingOffer(contact.getId());
    contact.abandon(now);
    Optional<AgentSeat> released = pending.map(o -> {
      AgentSeat seat = em.find(AgentSeat.class, o.getAgentId());
      seat.release(contact.getId(), now, AcdClock.today(now));
      o.decide(OfferOutcome.CANCELLED, now);
      return seat;
    });
    // The version check first: the fact and the state log are native inserts whose automatic flush would otherwise
    // meet a concurrent reservation outside flush() — a 500 where the API answers 409.
    flush();
    facts.record(FactOutbox.Fact.CONTACT, contact.getId(), null);
    released.ifPresent(seat -> {
      agentEvent(seat, now);
      routingNeeded.fire(new RoutingNeeded("agent released"));
    });
    events.fire(new AcdEvent("CONTACT_ABANDONED", contact.getExternalId(), queueCode(contact.getQueueId()), null, null, contact.getState().name(), null, null, now));
  }

  /** A connected contact ended or was transferred away: the agent goes to wrap-up. */
  public void finish(Interaction contact, InteractionState how, Instant now) {
    contact.finish(how, now);
    AgentSeat seat = em.find(AgentSeat.class, contact.getAgentId());
    RoutingQueue queue = em.find(RoutingQueue.class, contact.getQueueId());
    seat.wrapUp(contact.getId(), queue.getWrapUpSeconds(), now, AcdClock.today(now));
    flush();
    facts.record(FactOutbox.Fact.CONTACT, contact.getId(), null);
    events.fire(new AcdEvent("CONTACT_" + how.name(), contact.getExternalId(), queue.getCode(), seat.getLogin(), seat.getExtension(), how.name(), null, null, now));
    agentEvent(seat, now);
  }

  /** Ends a wrap-up (the agent's request or the timer): the agent is READY and routing runs. */
  public boolean endWrapUp(AgentSeat seat, Instant now) {
    if (!seat.endWrapUp(now, AcdClock.today(now))) {
      return false;
    }
    flush();
    agentEvent(seat, now);
    routingNeeded.fire(new RoutingNeeded("wrap-up end"));
    return true;
  }

  // ---- the sweeper's work, one item per transaction ----

  /** Times out one offer if it is still pending and due; false if someone else decided it first. */
  public boolean timeOut(long offerId, Instant now) {
    Offer offer = em.find(Offer.class, offerId);
    if (offer == null || offer.getOutcome() != OfferOutcome.PENDING || offer.getTimeoutAt().isAfter(now)) {
      return false;
    }
    decline(offer, true, now);
    return true;
  }

  public boolean endWrapUp(long staffId, Instant now) {
    AgentSeat seat = em.find(AgentSeat.class, staffId);
    return seat != null && seat.getState() == AgentState.WRAP_UP && !seat.getWrapUpUntil().isAfter(now) && endWrapUp(seat, now);
  }

  /** Applies due overflow steps to one waiting contact, or ends it after the queue's maximum wait. */
  public boolean overflow(long interactionId, Instant now) {
    Interaction contact = em.find(Interaction.class, interactionId);
    if (contact == null || contact.getState() != InteractionState.WAITING) {
      return false;
    }
    RoutingQueue queue = em.find(RoutingQueue.class, contact.getQueueId());
    if (queue.getMaxWaitSeconds() > 0 && !contact.getArrivedAt().plusSeconds(queue.getMaxWaitSeconds()).isAfter(now)) {
      contact.expire(now);
      flush();
      facts.record(FactOutbox.Fact.CONTACT, contact.getId(), null);
      events.fire(new AcdEvent("CONTACT_ABANDONED", contact.getExternalId(), queue.getCode(), null, null, contact.getState().name(), "MAX_WAIT", null, now));
      return true;
    }
    Optional<Overflow.Outcome> due = Overflow.due(contact.waiting(java.util.Set.of()),
        new org.centralis.acd.domain.QueueRules(queue.getId(), queue.getCode(), queue.getStrategy(), java.util.Map.of(), queue.getOverflowSteps(), null), now);
    if (due.isEmpty()) {
      return false;
    }
    contact.overflow(due.get(), now);
    if (due.get().moved()) {
      int visits = em.createNamedQuery("QueueVisit.ofInteraction", QueueVisit.class).setParameter("id", contact.getId()).getResultList().size();
      em.persist(new QueueVisit(contact.getId(), visits + 1, due.get().queueId(), now, "OVERFLOW"));
    }
    flush();
    events.fire(new AcdEvent("CONTACT_REQUEUED", contact.getExternalId(), queueCode(contact.getQueueId()), null, null, contact.getState().name(),
        due.get().moved() ? "OVERFLOW_MOVE" : "OVERFLOW_WIDEN", null, now));
    routingNeeded.fire(new RoutingNeeded("overflow step"));
    return true;
  }

  public Optional<Offer> pendingOffer(long interactionId) {
    List<Offer> found = em.createNamedQuery("Offer.findPendingOfInteraction", Offer.class).setParameter("interactionId", interactionId).getResultList();
    return found.stream().findFirst();
  }

  /** The seat's state changed at {@code now}: logged for the reports (in this transaction), then published. */
  public void agentEvent(AgentSeat seat, Instant now) {
    stateLog.changed(seat.getStaffId(), seat.getState(), seat.getReasonCode(), now);
    events.fire(new AcdEvent("AGENT_STATE", null, null, seat.getLogin(), seat.getExtension(), seat.getState().name(), seat.getReasonCode(), null, now));
  }

  public String queueCode(Long queueId) {
    RoutingQueue q = em.find(RoutingQueue.class, queueId);
    if (q == null) {
      throw new NotFoundException("queue", queueId);
    }
    return q.getCode();
  }

  /** Writes now, so that a concurrent change (version check) fails here as a 409, not at commit. */
  public void flush() {
    try {
      em.flush();
    } catch (PersistenceException e) {
      throw new ConflictException("concurrent-change", "the contact or agent changed at the same time; read it again and retry");
    }
  }
}
