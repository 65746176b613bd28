package org.centralis.acd.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.centralis.acd.domain.AgentSeat;
import org.centralis.acd.domain.Interaction;
import org.centralis.acd.domain.RoutingQueue;

/**
 * What the ACD sweeper has to do now, each list read in a short transaction of its own. The sweeper's timer method
 * itself touches no persistence context: a read that meets a concurrent change then fails inside this bean's call,
 * where the sweeper catches it — not at the end of the timer's invocation, which Payara counts as a failed delivery
 * and, after two, expunges the timer (no more offer timeouts, wrap-up ends or overflow until a restart: found by the
 * acd-load benchmark).
 */
@Stateless
@PermitAll
public class AcdSweepLists {

  @PersistenceContext private EntityManager em;
  @Inject private AcdRouting routing;

  /** Pending offers whose timeout has passed. */
  public List<Long> expiredOffers(Instant now) {
    return em.createNamedQuery("Offer.findExpired", Long.class).setParameter("now", now).getResultList();
  }

  /** Agents (staff ids) whose timed wrap-up has run out. */
  public List<Long> wrapUpsEnded(Instant now) {
    return em.createNamedQuery("AgentSeat.findWrapUpEnded", AgentSeat.class).setParameter("now", now).getResultList().stream()
        .map(AgentSeat::getStaffId).toList();
  }

  /** Waiting contacts with an overflow step or the maximum wait due ({@link AcdSweeper#due}). */
  public List<Long> overflowsDue(Instant now) {
    Map<Long, RoutingQueue> queues = routing.queues();
    return em.createNamedQuery("Interaction.findWaiting", Interaction.class).getResultList().stream()
        .filter(i -> queues.containsKey(i.getQueueId()) && AcdSweeper.due(i, queues.get(i.getQueueId()), now))
        .map(Interaction::getId)
        .toList();
  }
}
