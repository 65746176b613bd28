package org.centralis.acd.application;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.centralis.acd.application.AcdRouting.AcdClock;
import java.util.Map;
import org.centralis.acd.domain.AgentSeat;
import org.centralis.acd.domain.Interaction;
import org.centralis.acd.domain.OverflowStep;
import org.centralis.acd.domain.RoutingQueue;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every second on every node (non-persistent timer): times out unanswered offers, ends wrap-ups
 * whose time ran out, applies due overflow steps and maximum waits, then runs a routing pass (the
 * safety net should a post-commit pass have failed). Each item is its own transaction whose
 * version check makes it exactly-once across nodes: the node that loses the race gets a conflict
 * and moves on. A tick that finds the previous one still running is skipped.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AcdSweeper {

  private static final Logger LOG = Logger.getLogger(AcdSweeper.class.getName());

  @PersistenceContext private EntityManager em;
  @Inject private ContactWork work;
  @Inject private AcdRouting routing;
  @Inject private RoutingKick kick;

  @Inject
  @ConfigProperty(name = "centralis.acd.sweeper.enabled", defaultValue = "true")
  boolean enabled;

  private final AtomicBoolean running = new AtomicBoolean();

  @Schedule(second = "*", minute = "*", hour = "*", persistent = false)
  void tick() {
    if (!enabled || !running.compareAndSet(false, true)) {
      return;
    }
    try {
      sweep(AcdClock.now());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "ACD sweep failed; the next tick retries", e);
    } finally {
      running.set(false);
    }
  }

  /** One sweep at {@code now}; returns the number of items changed. */
  public int sweep(Instant now) {
    int changed = 0;
    for (Long offerId : em.createNamedQuery("Offer.findExpired", Long.class).setParameter("now", now).getResultList()) {
      changed += attempt(() -> work.timeOut(offerId, now));
    }
    for (AgentSeat seat : em.createNamedQuery("AgentSeat.findWrapUpEnded", AgentSeat.class).setParameter("now", now).getResultList()) {
      changed += attempt(() -> work.endWrapUp(seat.getStaffId(), now));
    }
    Map<Long, RoutingQueue> queues = routing.queues();
    for (Interaction i : em.createNamedQuery("Interaction.findWaiting", Interaction.class).getResultList()) {
      RoutingQueue q = queues.get(i.getQueueId());
      if (q != null && due(i, q, now)) {
        changed += attempt(() -> work.overflow(i.getId(), now));
      }
    }
    kick.request();
    return changed;
  }

  /** Cheap in-memory test before a transaction: the maximum wait or the next overflow step is due. */
  static boolean due(Interaction i, RoutingQueue q, Instant now) {
    if (q.getMaxWaitSeconds() > 0 && !i.getArrivedAt().plusSeconds(q.getMaxWaitSeconds()).isAfter(now)) {
      return true;
    }
    List<OverflowStep> steps = q.getOverflowSteps();
    return i.getOverflowSteps() < steps.size()
        && !i.getQueueEnteredAt().plusSeconds(steps.get(i.getOverflowSteps()).afterSeconds()).isAfter(now);
  }

  private static int attempt(java.util.function.BooleanSupplier item) {
    try {
      return item.getAsBoolean() ? 1 : 0;
    } catch (RuntimeException e) {
      LOG.log(Level.FINE, "sweep item lost a race or failed; retried next tick", e);
      return 0;
    }
  }
}
