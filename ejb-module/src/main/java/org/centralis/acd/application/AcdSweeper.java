package org.centralis.acd.application;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.centralis.acd.application.AcdRouting.AcdClock;
import org.centralis.acd.domain.Interaction;
import org.centralis.acd.domain.OverflowStep;
import org.centralis.acd.domain.RoutingQueue;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every second on every node (non-persistent timer): times out unanswered offers, ends wrap-ups
 * whose time ran out, applies due overflow steps and maximum waits, then runs a routing pass (the
 * safety net should a post-commit pass have failed). Each item is its own transaction whose
 * version check makes it exactly-once across nodes: the node that loses the race gets a conflict
 * and moves on. A tick that finds the previous one still running is skipped. The timer method
 * holds no persistence context of its own (see {@link AcdSweepLists}): nothing can fail after it
 * returns, so Payara never counts a failed delivery and never expunges the timer.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AcdSweeper {

  private static final Logger LOG = Logger.getLogger(AcdSweeper.class.getName());

  @Inject private ContactWork work;
  @Inject private AcdSweepLists lists;
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

  /**
   * One sweep at {@code now}; returns the number of items changed. Each stage reads its list in a transaction of its
   * own ({@link AcdSweepLists}) and changes each item in one of its own; a stage that fails leaves the others to run.
   */
  public int sweep(Instant now) {
    int changed = 0;
    changed += stage("offer timeouts", () -> lists.expiredOffers(now), offerId -> work.timeOut(offerId, now));
    changed += stage("wrap-up ends", () -> lists.wrapUpsEnded(now), staffId -> work.endWrapUp(staffId, now));
    changed += stage("overflow", () -> lists.overflowsDue(now), interactionId -> work.overflow(interactionId, now));
    kick.request();
    return changed;
  }

  private static int stage(String what, java.util.function.Supplier<List<Long>> due, java.util.function.LongPredicate item) {
    List<Long> ids;
    try {
      ids = due.get();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "ACD sweep could not read its " + what + "; the next tick retries", e);
      return 0;
    }
    int changed = 0;
    for (long id : ids) {
      changed += attempt(() -> item.test(id));
    }
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
