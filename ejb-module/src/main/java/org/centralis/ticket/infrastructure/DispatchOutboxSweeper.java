package org.centralis.ticket.infrastructure;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.centralis.ticket.application.DispatchOutbox;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every 15 seconds, on every node: announces again the tickets that have waited in the dispatch outbox longer than
 * {@code centralis.dispatch.outbox.resend-after-seconds} (default 120), whose message was lost between intake's commit
 * and its send (ADR 0019). Normally a ticket leaves the outbox within a second. Two nodes may announce the same ticket;
 * dispatch is idempotent. Not persistent: what to resend lives in the table.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class DispatchOutboxSweeper {

  private static final Logger LOG = Logger.getLogger(DispatchOutboxSweeper.class.getName());

  /** The most tickets one sweep announces, so a long broker outage is caught up over several sweeps, not in one burst. */
  static final int PER_SWEEP = 1_000;

  /** As the SLA sweeper's: tickets left over from before a restart are announced once the consumers are deployed. */
  private static final Duration START_GRACE = Duration.ofSeconds(30);

  @Inject private DispatchOutbox outbox;

  @Inject
  @ConfigProperty(name = "centralis.dispatch.outbox.resend-after-seconds", defaultValue = "120")
  long resendAfterSeconds;

  private final Instant createdAt = Instant.now();
  private final AtomicBoolean running = new AtomicBoolean();

  @Schedule(second = "*/15", minute = "*", hour = "*", persistent = false, info = "dispatch-outbox-sweeper")
  void tick() {
    if (Instant.now().isBefore(createdAt.plus(START_GRACE)) || !running.compareAndSet(false, true)) {
      return;
    }
    try {
      List<Long> waiting = outbox.waitingSince(Instant.now().minusSeconds(resendAfterSeconds), PER_SWEEP);
      for (int from = 0; from < waiting.size(); from += DispatchOutbox.PER_MESSAGE) {
        outbox.announce(waiting.subList(from, Math.min(waiting.size(), from + DispatchOutbox.PER_MESSAGE)));
      }
      if (!waiting.isEmpty()) {
        LOG.warning(() -> waiting.size() + " tickets waited longer than " + resendAfterSeconds + " s for their dispatch message; announced again");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "the dispatch outbox sweep failed; the next one tries again", e);
    } finally {
      running.set(false);
    }
  }
}
