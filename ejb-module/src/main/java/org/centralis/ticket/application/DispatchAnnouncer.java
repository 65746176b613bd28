package org.centralis.ticket.application;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.centralis.shared.application.ManagedThreads;

/**
 * Sends intake's "tickets created" messages on a thread of its own (ADR 0019), so the intake writer never waits for the
 * broker: not for its journal sync on every send, and not while the broker is down or blocks producers (disk full).
 * Tickets announced while the sender sends travel together in its next message (at most
 * {@link DispatchOutbox#PER_MESSAGE}).
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

  ThreadFactory threads;
  final BlockingQueue<Long> waiting = new LinkedBlockingQueue<>(MAX_WAITING);
  private Thread sender;
  private volatile boolean sending;

  /** Queues the tickets for the next message; returns at once. */
  void announce(List<Long> ticketIds) {
    if (!sending) {
      start();
    }
    for (Long ticketId : ticketIds) {
      if (!waiting.offer(ticketId)) {
        LOG.warning(() -> "more than " + MAX_WAITING + " tickets wait to be announced; the dispatch outbox's sweeper announces the others");
        return;
      }
    }
  }

  private synchronized void start() {
    if (sending) {
      return;
    }
    sender = (threads != null ? threads : ManagedThreads.defaultThreadFactory()).newThread(this::run);
    sender.setName("centralis-dispatch-announcer");
    sender.start();
    sending = true;
  }

  @PreDestroy
  synchronized void stop() {
    if (sender != null) {
      sender.interrupt();
    }
  }

  private void run() {
    List<Long> message = new ArrayList<>(DispatchOutbox.PER_MESSAGE);
    try {
      while (!Thread.currentThread().isInterrupted()) {
        message.add(waiting.take());
        waiting.drainTo(message, DispatchOutbox.PER_MESSAGE - 1);
        send(message);
        message.clear();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // stopping; what was queued is in the outbox
    }
  }

  private void send(List<Long> ticketIds) {
    try {
      outbox.announce(ticketIds);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "tickets " + ticketIds + " were not announced for dispatch; the dispatch outbox's sweeper announces them later", e);
    }
  }
}
