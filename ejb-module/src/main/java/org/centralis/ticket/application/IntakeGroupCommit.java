package org.centralis.ticket.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.centralis.shared.application.ManagedThreads;

/**
 * Group commit of intake (受理): the requests that arrive while a transaction is committing are written together in
 * the next one, by {@link TicketIntakeWriter}. A ticket is two XA transactions (intake with its dispatch message, and
 * the dispatch), and their two-phase commits — broker round trips and a store write at prepare and at commit — cost
 * more of the server's CPU than the ticket's own statements; a batch pays them once. Nobody waits for a batch to
 * fill: a lone request is written at once, and a batch only grows while the one before it commits.
 *
 * <p>One writer per node at a time, fed by a queue; the request thread waits for its own ticket's answer, so the
 * caller still gets 201 only after the commit. If a batch fails (an invalid complaint taxonomy, a lock timeout),
 * each of its tickets is written again on its own, so one bad request refuses only itself.
 */
@ApplicationScoped
public class IntakeGroupCommit {

  private static final Logger LOG = Logger.getLogger(IntakeGroupCommit.class.getName());

  /** Bounds a transaction's size (and its locks' lifetime) when a burst queues up. */
  static final int MAX_BATCH = 32;

  @Inject TicketIntakeWriter writer;

  Executor executor;
  final BlockingQueue<PendingTicket> queue = new LinkedBlockingQueue<>();
  private final AtomicBoolean running = new AtomicBoolean();

  @PostConstruct
  void lookUpExecutor() {
    executor = ManagedThreads.defaultExecutor();
  }

  /** Queues a checked request and waits until its ticket is committed (or refused). */
  TicketView log(PendingTicket pending) {
    queue.add(pending);
    if (running.compareAndSet(false, true)) {
      executor.execute(this::drain);
    }
    return pending.await();
  }

  private void drain() {
    try {
      List<PendingTicket> batch = new ArrayList<>(MAX_BATCH);
      while (queue.drainTo(batch, MAX_BATCH) > 0) {
        write(batch);
        batch.clear();
      }
    } finally {
      running.set(false);
    }
    if (!queue.isEmpty() && running.compareAndSet(false, true)) {
      executor.execute(this::drain); // a request queued after the loop found the queue empty
    }
  }

  private void write(List<PendingTicket> batch) {
    try {
      List<TicketView> views = writer.write(batch);
      for (int i = 0; i < batch.size(); i++) {
        batch.get(i).answer().complete(views.get(i));
      }
    } catch (RuntimeException e) {
      if (batch.size() == 1) {
        batch.get(0).answer().completeExceptionally(e); // as the container threw it: the request thread rethrows it
        return;
      }
      LOG.log(Level.FINE, "a batch of " + batch.size() + " tickets failed; writing each on its own", e);
      for (PendingTicket one : batch) {
        write(List.of(one));
      }
    } catch (Error e) {
      batch.forEach(p -> p.answer().completeExceptionally(e));
      throw e;
    }
  }
}
