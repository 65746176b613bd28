package org.centralis.acd.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.centralis.acd.application.AcdRouting.AcdClock;
import org.centralis.acd.domain.AgentSeat;
import org.centralis.acd.domain.AgentState;
import org.centralis.acd.domain.Interaction;
import org.centralis.acd.domain.InteractionState;
import org.centralis.acd.domain.Offer;
import org.centralis.acd.domain.OfferOutcome;
import org.centralis.acd.domain.ReasonCode;
import org.centralis.audit.application.AuditEntry;
import org.centralis.audit.application.AuditTrail;
import org.centralis.shared.domain.ConflictException;
import org.centralis.shared.domain.InvalidInputException;
import org.centralis.shared.domain.NotFoundException;
import org.centralis.shared.security.Caller;
import org.centralis.shared.security.CurrentCaller;
import org.centralis.shared.security.Role;

/**
 * Agent seats: state changes (READY, NOT_READY with a reason, LOGGED_OUT, wrap-up end) and the
 * answer to an offer. Who may act on a seat: the CTI for any agent, the agent for their own seat,
 * a supervisor for the agents in their branch subtree (audited as AGENT_STATE_FORCED); anyone else
 * gets 404, as for data outside their scope.
 */
@Stateless
@RolesAllowed({Role.CTI_NAME, Role.AGENT_NAME, Role.SUPERVISOR_NAME})
public class AgentDesk {

  /** The states one may ask for; WRAP_UP_END ends the wrap-up early. */
  public enum Requested {
    READY,
    NOT_READY,
    LOGGED_OUT,
    WRAP_UP_END
  }

  @PersistenceContext private EntityManager em;
  @Inject private ContactWork work;
  @Inject private CurrentCaller currentCaller;
  @Inject private AuditTrail auditTrail;
  @Inject private Event<RoutingNeeded> routingNeeded;

  public SeatView changeState(String login, @NotNull @Valid AgentStateRequest request) {
    Requested requested = AcdContacts.parse("state", request.state(), Requested.class);
    AgentSeat seat = seat(login, true);
    Instant now = AcdClock.now();
    String before = seat.getState() + (seat.getReasonCode() == null ? "" : "/" + seat.getReasonCode());
    seat.sitAt(request.extension());
    if (requested == Requested.WRAP_UP_END) {
      if (seat.getState() != AgentState.WRAP_UP && seat.getState() != AgentState.READY) {
        throw new ConflictException("agent-state", "agent " + login + " is " + seat.getState() + ", not in wrap-up", login, seat.getState());
      }
      work.endWrapUp(seat, now);
    } else {
      AgentState target = AgentState.valueOf(requested.name());
      if (target == AgentState.NOT_READY) {
        requireReason(request.reason());
      }
      if (seat.request(target, request.reason(), now, AcdClock.today(now))) {
        work.flush();
        work.agentEvent(seat, now);
        if (target == AgentState.READY) {
          routingNeeded.fire(new RoutingNeeded("agent ready"));
        }
      }
    }
    work.flush();
    Caller caller = currentCaller.get();
    if (caller.has(Role.SUPERVISOR) && !login.equals(caller.login())) {
      auditTrail.record(new AuditEntry("AGENT_STATE_FORCED", "AGENT", login, before, seat.getState() + (seat.getReasonCode() == null ? "" : "/" + seat.getReasonCode())));
    }
    return view(seat);
  }

  public SeatView seatOf(String login) {
    return view(seat(login, true));
  }

  /** The agent takes the offer: BUSY with the contact. A repeat of an accepted offer answers the seat unchanged. */
  public SeatView accept(long offerId) {
    Offer offer = offer(offerId);
    if (offer.getOutcome() != OfferOutcome.ACCEPTED) {
      requirePending(offer);
      work.accept(offer, AcdClock.now());
    }
    return view(em.find(AgentSeat.class, offer.getAgentId()));
  }

  /** The agent declines the offer: the contact goes to the next agent; the agent stays READY. */
  public SeatView reject(long offerId) {
    Offer offer = offer(offerId);
    if (offer.getOutcome() != OfferOutcome.REJECTED) {
      requirePending(offer);
      work.decline(offer, false, AcdClock.now());
    }
    return view(em.find(AgentSeat.class, offer.getAgentId()));
  }

  /**
   * The agent ends the contact they hold (when the phone system does not report the end): BUSY →
   * WRAP_UP, as the CTI's ENDED event does.
   */
  public SeatView endContact(String login) {
    AgentSeat seat = seat(login, false);
    Long contactId = seat.getCurrentInteractionId();
    if (seat.getState() != AgentState.BUSY || contactId == null) {
      throw new ConflictException("agent-state", "agent " + login + " is " + seat.getState() + ", not BUSY with a contact", login, seat.getState());
    }
    work.finish(em.find(Interaction.class, contactId), InteractionState.ENDED, AcdClock.now());
    return view(seat);
  }

  /** The seats of the caller's scope (a supervisor's subtree; an agent sees only their own). */
  @RolesAllowed({Role.SUPERVISOR_NAME, Role.AGENT_NAME, Role.HQ_MANAGER_NAME})
  public List<SeatView> seats() {
    Caller caller = currentCaller.get();
    return em.createNamedQuery("AgentSeat.findAll", AgentSeat.class).getResultList().stream()
        .filter(s -> caller.has(Role.SUPERVISOR) || caller.has(Role.HQ_MANAGER) ? caller.canSee(s.getBranchPath()) : s.getLogin().equals(caller.login()))
        .map(this::view).toList();
  }

  @RolesAllowed({Role.CTI_NAME, Role.AGENT_NAME, Role.SUPERVISOR_NAME, Role.HQ_MANAGER_NAME, Role.ADMIN_NAME})
  public List<ReasonCode> reasons() {
    return em.createNamedQuery("ReasonCode.findAll", ReasonCode.class).getResultList().stream().filter(ReasonCode::isActive).toList();
  }

  private void requireReason(String reason) {
    ReasonCode code = reason == null ? null : em.find(ReasonCode.class, reason);
    if (code == null || !code.isActive() || code.isSystemCode()) {
      throw new InvalidInputException("reason", "invalid-reason", "NOT_READY needs an active reason code (see GET /api/acd/reasons)", reason);
    }
  }

  private void requirePending(Offer offer) {
    if (offer.getOutcome() != OfferOutcome.PENDING) {
      throw new ConflictException("offer-decided", "offer " + offer.getId() + " is already " + offer.getOutcome(), offer.getId(), offer.getOutcome());
    }
  }

  /** An offer the caller may answer: the CTI any, an agent their own; others 404. */
  private Offer offer(long offerId) {
    Offer offer = em.find(Offer.class, offerId);
    Caller caller = currentCaller.get();
    if (offer == null || !(caller.has(Role.CTI) || offer.getAgentId().equals(caller.staffId()))) {
      throw new NotFoundException("offer", offerId);
    }
    return offer;
  }

  /** The seat of {@code login} if the caller may act on it, created (LOGGED_OUT) at first use. */
  private AgentSeat seat(String login, boolean create) {
    Caller caller = currentCaller.get();
    boolean self = login.equals(caller.login());
    if (!caller.has(Role.CTI) && !caller.has(Role.SUPERVISOR) && !self) {
      throw new NotFoundException("agent", login);
    }
    Optional<AgentSeat> seat = find(login);
    if (seat.isEmpty() && create) {
      OffsetDateTime now = AcdClock.now().atOffset(ZoneOffset.UTC);
      em.createNativeQuery(
              "INSERT INTO ACD_AGENT_STATE (STAFF_ID, LOGIN, BRANCH_PATH, STATE, STATE_SINCE, VERSION)"
                  + " SELECT S.ID, S.LOGIN, B.PATH, 'LOGGED_OUT', ?, 0 FROM STAFF S, BRANCH B, STAFF_ROLE R"
                  + " WHERE S.LOGIN = ? AND S.ACTIVE = 1 AND B.ID = S.BRANCH_ID AND R.STAFF_ID = S.ID AND R.ROLE_NAME = 'AGENT'")
          .setParameter(1, now).setParameter(2, login).executeUpdate();
      seat = find(login);
    }
    AgentSeat found = seat.orElseThrow(() -> new NotFoundException("agent", login));
    if (caller.has(Role.SUPERVISOR) && !caller.has(Role.CTI) && !self && !caller.canSee(found.getBranchPath())) {
      throw new NotFoundException("agent", login);
    }
    return found;
  }

  private Optional<AgentSeat> find(String login) {
    return em.createNamedQuery("AgentSeat.findByLogin", AgentSeat.class).setParameter("login", login).getResultList().stream().findFirst();
  }

  SeatView view(AgentSeat s) {
    Instant now = AcdClock.now();
    LocalDate today = AcdClock.today(now);
    Optional<Offer> pending = em.createNamedQuery("Offer.findPendingOfAgent", Offer.class).setParameter("agentId", s.getStaffId())
        .getResultList().stream().findFirst();
    if (pending.isPresent() && s.getState() != AgentState.RESERVED) {
      // The seat was read before a routing pass committed its reservation and this offer (read committed): read it
      // again, so that the view never shows an offer on a READY seat. Flushed first, so no change of ours is lost.
      em.flush();
      em.refresh(s);
    }
    Long contactId = s.getCurrentInteractionId();
    Interaction contact = contactId == null ? null : em.find(Interaction.class, contactId);
    boolean cti = currentCaller.get().has(Role.CTI);
    return new SeatView(s.getLogin(), s.getState().name(), s.getReasonCode(), s.getExtension(), s.getStateSince(), s.getWrapUpUntil(),
        s.contactsToday(today), s.occupancy(today), s.getMisses(), pending.map(Offer::getId).orElse(null), pending.map(Offer::getTimeoutAt).orElse(null),
        contact == null ? null : contact.getExternalId(), contact == null ? null : work.queueCode(contact.getQueueId()),
        contact == null ? null : cti ? contact.getCallerNumber() : AcdContacts.mask(contact.getCallerNumber()),
        contact == null ? null : contact.getCustomerId(), contact == null ? null : contact.getArrivedAt());
  }
}
