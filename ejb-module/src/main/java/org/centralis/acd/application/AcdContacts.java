package org.centralis.acd.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.centralis.acd.application.AcdRouting.AcdClock;
import org.centralis.acd.domain.AgentSeat;
import org.centralis.acd.domain.Callback;
import org.centralis.acd.domain.ClosedAction;
import org.centralis.acd.domain.ContactChannel;
import org.centralis.acd.domain.Interaction;
import org.centralis.acd.domain.InteractionState;
import org.centralis.acd.domain.Offer;
import org.centralis.acd.domain.QueueVisit;
import org.centralis.acd.domain.RoutingExplanation;
import org.centralis.acd.domain.RoutingQueue;
import org.centralis.shared.domain.ConflictException;
import org.centralis.shared.domain.InvalidInputException;
import org.centralis.shared.domain.NotFoundException;
import org.centralis.shared.security.CurrentCaller;
import org.centralis.shared.security.Role;
import org.centralis.sla.application.BusinessCalendars;

/**
 * The CTI side of the ACD: contacts arrive, are answered, end, are abandoned or transferred; and
 * anyone who watches the floor reads a contact and why it was routed as it was. Every call is
 * idempotent on the contact's external id: a repeat answers the contact as it is, a request that
 * contradicts it is a 409.
 */
@Stateless
@RolesAllowed(Role.CTI_NAME)
public class AcdContacts {

  /** The CTI events on a contact, as in {@code POST /api/acd/contacts/{externalId}/{event}}. */
  public enum ContactEvent {
    ANSWERED,
    ENDED,
    ABANDONED,
    TRANSFERRED
  }

  @PersistenceContext private EntityManager em;
  @Inject private ContactWork work;
  @Inject private CustomerTiers tiers;
  @Inject private BusinessCalendars calendars;
  @Inject private CurrentCaller currentCaller;
  @Inject private Event<AcdEvent> events;
  @Inject private Event<RoutingNeeded> routingNeeded;

  /** A contact arrives in a queue (or, outside its opening hours, gets the queue's closed action). */
  public ContactView arrive(@NotNull @Valid ContactRequest request) {
    ContactChannel channel = parse("channel", request.channel(), ContactChannel.class);
    RoutingQueue queue = queue(request.queue()).orElseThrow(() ->
        new InvalidInputException("queue", "unknown-queue", "no active queue " + request.queue(), request.queue()));
    int ctiPriority = request.priority() == null ? 0 : request.priority();
    int tierPriority = 0;
    if (request.customerId() != null) {
      String tier = tiers.tierOf(request.customerId()).orElseThrow(() ->
          new InvalidInputException("customerId", "unknown-customer", "no customer " + request.customerId(), request.customerId()));
      tierPriority = queue.tierPriority(tier);
    }
    Optional<Interaction> existing = find(request.externalId());
    if (existing.isPresent()) {
      Interaction i = existing.get();
      if (!i.sameRequest(channel, queue.getId(), request.callerNumber(), request.customerId(), ctiPriority, firstQueue(i))) {
        throw new ConflictException("contact-conflict", "contact " + request.externalId() + " exists with other data", request.externalId());
      }
      return view(i);
    }
    Instant now = AcdClock.now();
    Interaction contact = Interaction.arrive(request.externalId(), channel, request.callerNumber(), request.customerId(), ctiPriority,
        Math.max(ctiPriority, tierPriority), queue.getId(), now);
    boolean open = queue.getCalendarCode() == null || calendars.workingTime(queue.getCalendarCode(), now, now.plusSeconds(1)) > 0;
    if (!open) {
      contact.closeWith(queue.getClosedAction(), now);
    }
    em.persist(contact);
    try {
      em.flush();
    } catch (PersistenceException e) {
      throw new ConflictException("concurrent-change", "contact " + request.externalId() + " was created at the same time; repeat the request", request.externalId());
    }
    em.persist(new QueueVisit(contact.getId(), 1, queue.getId(), now, "ARRIVAL"));
    if (!open && queue.getClosedAction() == ClosedAction.CALLBACK && contact.getCallerNumber() != null && !contact.getCallerNumber().isBlank()) {
      em.persist(Callback.of(contact)); // on the callback list (AcdCallbacks); a contact without a number cannot be called
    }
    events.fire(new AcdEvent(open ? "CONTACT_QUEUED" : "CONTACT_CLOSED", contact.getExternalId(), queue.getCode(), null, null,
        contact.getState().name(), contact.getDisposition(), null, now));
    if (open) {
      routingNeeded.fire(new RoutingNeeded("arrival"));
    }
    return view(contact);
  }

  /** A CTI event on a contact; a repeat of the event that already happened answers the contact unchanged. */
  public ContactView event(String externalId, @NotNull ContactEvent event) {
    Interaction contact = require(externalId);
    Instant now = AcdClock.now();
    InteractionState state = contact.getState();
    switch (event) {
      case ANSWERED -> {
        if (state == InteractionState.CONNECTED) {
          return view(contact);
        }
        Offer offer = work.pendingOffer(contact.getId()).orElseThrow(() ->
            new ConflictException("contact-state", "contact " + externalId + " is " + state + ", not offered to an agent", externalId, state));
        work.accept(offer, now);
      }
      case ENDED, TRANSFERRED -> {
        InteractionState target = event == ContactEvent.ENDED ? InteractionState.ENDED : InteractionState.TRANSFERRED;
        if (state == target) {
          return view(contact);
        }
        work.finish(contact, target, now);
      }
      case ABANDONED -> {
        if (state == InteractionState.ABANDONED) {
          return view(contact);
        }
        work.abandon(contact, now);
      }
      default -> throw new IllegalStateException();
    }
    return view(contact);
  }

  @RolesAllowed({Role.CTI_NAME, Role.SUPERVISOR_NAME, Role.HQ_MANAGER_NAME, Role.ADMIN_NAME})
  public ContactView contact(String externalId) {
    return view(require(externalId));
  }

  /**
   * Every offer of the contact, newest first, each with its stored routing explanation: a JSON
   * object {@code {externalId, state, offers: [{offerId, agent, queue, offeredAt, outcome, explanation}]}}.
   */
  @RolesAllowed({Role.CTI_NAME, Role.SUPERVISOR_NAME, Role.HQ_MANAGER_NAME, Role.ADMIN_NAME})
  public String routing(String externalId) {
    Interaction contact = require(externalId);
    List<Offer> offers = em.createNamedQuery("Offer.ofInteraction", Offer.class).setParameter("interactionId", contact.getId()).getResultList();
    StringBuilder b = new StringBuilder("{\"externalId\":").append(RoutingExplanation.quote(externalId))
        .append(",\"state\":\"").append(contact.getState()).append("\",\"offers\":[");
    String sep = "";
    for (Offer o : offers) {
      AgentSeat seat = em.find(AgentSeat.class, o.getAgentId());
      b.append(sep).append("{\"offerId\":").append(o.getId())
          .append(",\"agent\":").append(RoutingExplanation.quote(seat == null ? null : seat.getLogin()))
          .append(",\"queue\":").append(RoutingExplanation.quote(work.queueCode(o.getQueueId())))
          .append(",\"offeredAt\":\"").append(o.getOfferedAt()).append('"')
          .append(",\"outcome\":\"").append(o.getOutcome()).append('"')
          .append(",\"explanation\":").append(o.getExplanation() == null ? "null" : o.getExplanation()).append('}');
      sep = ",";
    }
    return b.append("]}").toString();
  }

  ContactView view(Interaction i) {
    Optional<Offer> pending = i.getState() == InteractionState.OFFERED ? work.pendingOffer(i.getId()) : Optional.empty();
    if (i.getState() == InteractionState.OFFERED && pending.isEmpty() && i.getId() != null) {
      // The offer was decided (timed out, rejected, accepted) between the two reads: show the contact as it is now,
      // not OFFERED to nobody.
      em.refresh(i);
      pending = i.getState() == InteractionState.OFFERED ? work.pendingOffer(i.getId()) : Optional.empty();
    }
    Long agentId = i.getAgentId() != null ? i.getAgentId() : pending.map(Offer::getAgentId).orElse(null);
    AgentSeat seat = agentId == null ? null : em.find(AgentSeat.class, agentId);
    List<ContactView.Visit> visits = i.getId() == null ? List.of() :
        em.createNamedQuery("QueueVisit.ofInteraction", QueueVisit.class).setParameter("id", i.getId()).getResultList().stream()
            .map(v -> new ContactView.Visit(work.queueCode(v.getQueueId()), v.getEnteredAt(), v.getReason())).toList();
    boolean cti = currentCaller.get().has(Role.CTI);
    return new ContactView(i.getExternalId(), i.getChannel().name(), work.queueCode(i.getQueueId()), i.getState().name(), i.getPriority(),
        cti ? i.getCallerNumber() : mask(i.getCallerNumber()), i.getCustomerId(), i.getArrivedAt(), i.getAnsweredAt(), i.getEndedAt(),
        seat == null ? null : seat.getLogin(), seat == null ? null : seat.getExtension(), pending.map(Offer::getId).orElse(null),
        i.getDisposition(), visits);
  }

  /** All but the last four digits hidden. */
  static String mask(String number) {
    if (number == null || number.length() <= 4) {
      return number;
    }
    return "*".repeat(number.length() - 4) + number.substring(number.length() - 4);
  }

  private long firstQueue(Interaction i) {
    return em.createNamedQuery("QueueVisit.ofInteraction", QueueVisit.class).setParameter("id", i.getId()).setMaxResults(1)
        .getResultList().stream().findFirst().map(QueueVisit::getQueueId).orElse(i.getQueueId());
  }

  Optional<RoutingQueue> queue(String code) {
    return em.createNamedQuery("RoutingQueue.findByCode", RoutingQueue.class).setParameter("code", code).getResultList().stream()
        .filter(q -> q.getCode().equals(code)).findFirst();
  }

  private Optional<Interaction> find(String externalId) {
    return em.createNamedQuery("Interaction.findByExternalId", Interaction.class).setParameter("externalId", externalId).getResultList()
        .stream().findFirst();
  }

  private Interaction require(String externalId) {
    return find(externalId).orElseThrow(() -> new NotFoundException("contact", externalId));
  }

  static <E extends Enum<E>> E parse(String field, String value, Class<E> type) {
    try {
      return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new InvalidInputException(field, "invalid-parameter", field + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()), value);
    }
  }
}
