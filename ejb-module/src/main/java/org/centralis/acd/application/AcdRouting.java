package org.centralis.acd.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.centralis.acd.domain.AgentSeat;
import org.centralis.acd.domain.Interaction;
import org.centralis.acd.domain.QueueRules;
import org.centralis.acd.domain.ReadyAgent;
import org.centralis.acd.domain.Router;
import org.centralis.acd.domain.Router.Reservation;
import org.centralis.acd.domain.RoutingQueue;
import org.centralis.acd.domain.Skill;
import org.centralis.acd.domain.WaitingContact;

/**
 * One routing pass: reads the waiting contacts and the ready agents, lets {@link Router} decide,
 * and reserves each match in its own short transaction ({@link OfferReservation}). Runs outside a
 * transaction so that each reservation commits on its own; safe to run on every node at once (the
 * reservations are conditional updates; a lost race moves on to the next candidate).
 *
 * <p>Not exposed to callers outside the application: invoked after commits ({@link RoutingKick})
 * and by the sweeper, which run as the system.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AcdRouting {

  @PersistenceContext private EntityManager em;
  @Inject private OfferReservation reservation;

  /** Routes every waiting contact it can; returns the number of offers made. */
  public int routeAll() {
    List<Interaction> waiting = em.createNamedQuery("Interaction.findWaiting", Interaction.class).getResultList();
    if (waiting.isEmpty()) {
      return 0;
    }
    List<AgentSeat> seats = em.createNamedQuery("AgentSeat.findReady", AgentSeat.class).getResultList();
    if (seats.isEmpty()) {
      return 0;
    }
    Instant now = AcdClock.now();
    LocalDate today = AcdClock.today(now);
    Map<Long, Map<String, Integer>> skills = new HashMap<>();
    for (Object[] row : em.createNamedQuery("AgentSkill.levelsOfReady", Object[].class).getResultList()) {
      skills.computeIfAbsent((Long) row[0], k -> new HashMap<>()).put((String) row[1], ((Number) row[2]).intValue());
    }
    Map<Long, Integer> versions = new HashMap<>();
    List<ReadyAgent> ready = new ArrayList<>(seats.size());
    for (AgentSeat s : seats) {
      versions.put(s.getStaffId(), s.getVersion());
      ready.add(new ReadyAgent(s.getStaffId(), s.getLogin(), skills.getOrDefault(s.getStaffId(), Map.of()),
          s.getLastIdleAt() == null ? s.getStateSince() : s.getLastIdleAt(), s.contactsToday(today), s.occupancy(today)));
    }
    Map<Long, Set<Long>> declined = new HashMap<>();
    for (Object[] row : em.createNamedQuery("Offer.declinedOfWaiting", Object[].class).getResultList()) {
      declined.computeIfAbsent((Long) row[0], k -> new HashSet<>()).add((Long) row[1]);
    }
    List<WaitingContact> contacts = waiting.stream().map(i -> i.waiting(declined.getOrDefault(i.getId(), Set.of()))).toList();
    Map<Long, RoutingQueue> queues = queues();
    Map<Long, QueueRules> rules = rules(queues.values());
    List<Router.Match> made = Router.assign(contacts, ready, rules, now, match -> {
      try {
        return reservation.reserve(match, versions.get(match.agent().id()), queues.get(match.queue().id()).getOfferTimeoutSeconds(), AcdClock.now());
      } catch (EJBException | PersistenceException e) {
        // A lock timeout or deadlock victim on H2 (50200, 40001): treat as lost, move on.
        return Reservation.AGENT_TAKEN;
      }
    });
    return made.size();
  }

  public Map<Long, RoutingQueue> queues() {
    return em.createNamedQuery("RoutingQueue.findActive", RoutingQueue.class).getResultList().stream()
        .collect(Collectors.toMap(RoutingQueue::getId, q -> q));
  }

  public Map<Long, QueueRules> rules(java.util.Collection<RoutingQueue> queues) {
    Map<Long, String> skillCodes = em.createNamedQuery("Skill.findAll", Skill.class).getResultList().stream()
        .collect(Collectors.toMap(Skill::getId, Skill::getCode));
    return queues.stream().collect(Collectors.toMap(RoutingQueue::getId, q -> q.rules(skillCodes)));
  }

  /** Time helpers shared by the ACD services: millisecond instants, the business day in Asia/Shanghai. */
  static final class AcdClock {
    static final java.time.ZoneId ZONE = java.time.ZoneId.of("Asia/Shanghai");

    private AcdClock() {}

    static Instant now() {
      return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    static LocalDate today(Instant now) {
      return LocalDate.ofInstant(now, ZONE);
    }
  }
}
