package org.centralis.ticket.application;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.centralis.shared.application.BatchWorkers;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends intake's "tickets created" messages on a thread of its own (ADR 0019), so the intake writer never waits for the
 * broker: not for its journal sync on every send, and not while the broker is down or blocks producers (disk full).
 * Tickets announced while the sender sends travel together in its next message (at most
 * {@link DispatchOutbox#PER_MESSAGE}).
 *
 * <p>The sender lingers ({@code centralis.dispatch.announce-linger-ms}, default 50) before it sends a message that is
 * not full, so one dispatch transaction takes the tickets of several intake batches (ADR 0022). Nobody waits for the
 * announcement: the callers have their answer, and a ticket is dispatched at most the linger later. What it saves is
 * the dispatch's cost per transaction (a commit, and with H2 two more store writes of its pooled connection), which
 * weighed more than the dispatch of a ticket itself.
 *
 * <p>Nothing here needs to survive: every ticket waits in the dispatch outbox until a message takes charge of it, and
 * the outbox's sweeper announces what this sender lost (a crash, a failed send, a full queue) again.
 */
@ApplicationScoped
public class DispatchAnnouncer {

  private static final Logger LOG = Logger.getLogger(DispatchAnnouncer.class.getName());

  /** Tickets beyond this many waiting for the sender (the broker blocks) are left to the outbox's sweeper. */
  static final int MAX_WAITING = 10_000;

  @Inject DispatchOutbox outbox;

  @Inject
  @ConfigProperty(name = "centralis.dispatch.announce-linger-ms", defaultValue = "50")
  long lingerMillis;

  ThreadFactory threads;
  final BatchWorkers<Long> sender = new BatchWorkers<>("centralis-dispatch-announcer", MAX_WAITING, DispatchOutbox.PER_MESSAGE, this::send);

  /** Queues the tickets for the next message; returns at once. */
  void announce(List<Long> ticketIds) {
    sender.start(threads, 1, Duration.ofMillis(lingerMillis));
    for (Long ticketId : ticketIds) {
      if (!sender.offer(ticketId)) {
        LOG.warning(() -> "more than " + MAX_WAITING + " tickets wait to be announced; the dispatch outbox's sweeper announces the others");
        return;
      }
    }
  }

  /** What was still queued is in the dispatch outbox: the sweeper of this node or another announces it. */
  @PreDestroy
  void stop() {
    sender.stop();
  }

  private void send(List<Long> ticketIds) {
    try {
      outbox.announce(ticketIds);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "tickets " + ticketIds + " were not announced for dispatch; the dispatch outbox's sweeper announces them later", e);
    }
  }
}
