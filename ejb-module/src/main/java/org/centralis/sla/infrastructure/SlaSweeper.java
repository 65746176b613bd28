package org.centralis.sla.infrastructure;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJBException;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.centralis.shared.security.Role;
import org.centralis.sla.application.SlaSweep;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every second, on every node: fires the due steps of up to {@code centralis.sla.sweep.batch}
 * clocks per round, rounds repeated while a round was full (bounded by {@code .maxRounds}). Not
 * persistent: due instants live in SLA_CLOCK, so nothing is lost with the timer; each clock is
 * claimed in its own transaction by {@link SlaSweep#fire} (exactly once across nodes). A tick that
 * finds the previous one still running is skipped.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SlaSweeper {

  private static final Logger LOG = Logger.getLogger(SlaSweeper.class.getName());

  @Inject private SlaSweep sweep;

  @Inject
  @ConfigProperty(name = "centralis.sla.sweep.enabled", defaultValue = "true")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "centralis.sla.sweep.batch", defaultValue = "500")
  int batch;

  @Inject
  @ConfigProperty(name = "centralis.sla.sweep.maxRounds", defaultValue = "20")
  int maxRounds;

  /**
   * The first ticks after a (re)start wait this long: steps that came due while no node ran are fired once the
   * application has finished deploying (its JMS resources and message consumers ready), not in the middle of it.
   */
  static final java.time.Duration START_GRACE = java.time.Duration.ofSeconds(30);

  private final java.time.Instant createdAt = java.time.Instant.now();
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicLong lostClaims = new AtomicLong();

  @Schedule(second = "*", minute = "*", hour = "*", persistent = false, info = "sla-sweeper")
  void tick() {
    if (!enabled || java.time.Instant.now().isBefore(createdAt.plus(START_GRACE)) || !running.compareAndSet(false, true)) {
      return;
    }
    try {
      rounds();
    } finally {
      running.set(false);
    }
  }

  /**
   * An extra sweep on demand, concurrent with the timer's (operations, and the tests' stand-in for
   * a second node). Answers the steps fired by this call.
   */
  @RolesAllowed(Role.ADMIN_NAME)
  public int sweepNow() {
    return rounds();
  }

  private int rounds() {
    int fired = 0;
    for (int round = 0; round < maxRounds; round++) {
      Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
      List<Long> due = sweep.due(now, batch);
      for (Long id : due) {
        try {
          int steps = sweep.fire(id, now);
          if (steps == SlaSweep.LOST) {
            lostClaims.incrementAndGet();
          } else {
            fired += steps;
          }
        } catch (EJBException e) {
          // It failed (or lost on a lock error the claim does not recognise): rolled back; it is
          // still due if nobody fired it, so the next tick retries it.
          lostClaims.incrementAndGet();
          LOG.log(Level.FINE, "SLA clock " + id + " not fired here", e);
        }
      }
      if (due.size() < batch) {
        break;
      }
    }
    return fired;
  }

  public long lostClaims() {
    return lostClaims.get();
  }
}
