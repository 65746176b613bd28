package org.centralis.ticket.application;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.centralis.shared.application.BatchWorkers;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Group commit of intake (受理, ADR 0018): the requests that arrive while the writers are committing are written
 * together in the next transaction, by {@link TicketIntakeWriter}; a commit (an H2 store write with {@code
 * WRITE_DELAY=0}, a redo log sync on Oracle) costs more than a ticket's own statements, and a batch pays it once. After
 * the commit the writer answers the callers and hands the batch to the {@link DispatchAnnouncer}, which sends its
 * dispatch message on a thread of its own (ADR 0019): no two-phase commit on intake's path, and no wait for the
 * broker. Nobody waits for a batch to fill: an idle writer takes a lone request at once, and batches grow only while
 * every writer is committing.
 *
 * <p>One writer thread per node by default ({@code centralis.intake.writers}): more writers overlap one commit's wait
 * (the disk) with the next batch's statements, but make batches smaller, and on 2 shared cores the CPU that smaller
 * batches cost weighed more (1 writer 93.8 tickets/s, 2 writers 82.3, 4 writers 71.5 at 8 client threads,
 * docs/performance.md "Run G"); with the database on a host of its own, more may pay. Writers are the node's own
 * managed threads ({@link BatchWorkers}); the request thread waits for its own ticket's answer, so the caller still gets 201
 * only after the commit. If a batch fails (an invalid complaint taxonomy, a lock timeout), each of its tickets is
 * written again on its own, so one bad request refuses only itself.
 */
@ApplicationScoped
public class IntakeGroupCommit {

  private static final Logger LOG = Logger.getLogger(IntakeGroupCommit.class.getName());

  /** Bounds a transaction's size (and its locks' lifetime) when a burst queues up. */
  static final int MAX_BATCH = 32;

  @Inject TicketIntakeWriter writer;
  @Inject DispatchAnnouncer announcer;

  @Inject
  @ConfigProperty(name = "centralis.intake.writers", defaultValue = "1")
  int writers;

  ThreadFactory threads;
  final BatchWorkers<PendingTicket> queue = new BatchWorkers<>("centralis-intake-writer", Integer.MAX_VALUE, MAX_BATCH, this::write);

  /** Queues a checked request and waits until its ticket is committed (or refused). */
  TicketView log(PendingTicket pending) {
    queue.start(threads, writers);
    queue.offer(pending); // unbounded: the request threads that wait are the bound
    return pending.await();
  }

  @PreDestroy
  void stop() {
    queue.stop().forEach(p -> p.answer().completeExceptionally(new IllegalStateException("the server is stopping; the ticket was not logged")));
  }

  private void write(List<PendingTicket> batch) {
    TicketIntakeWriter.Written written;
    try {
      written = writer.write(batch);
    } catch (RuntimeException e) {
      if (batch.size() == 1) {
        batch.get(0).answer().completeExceptionally(e); // as the container threw it: the request thread rethrows it
        return;
      }
      LOG.log(Level.FINE, "a batch of " + batch.size() + " tickets failed; writing each on its own", e);
      for (PendingTicket one : batch) {
        write(List.of(one));
      }
      if (batch.stream().noneMatch(p -> p.answer().isCompletedExceptionally())) {
        // No request was at fault, so the batch itself was: every batch may be failing and intake running one ticket
        // per transaction, at a fraction of its throughput, with no caller seeing an error.
        LOG.log(Level.WARNING, "a batch of " + batch.size() + " tickets failed, but each was written on its own", e);
      }
      return;
    } catch (Error e) {
      batch.forEach(p -> p.answer().completeExceptionally(e));
      throw e;
    }
    announcer.announce(written.ticketIds()); // queued, not sent: the callers do not wait for the broker
    for (int i = 0; i < batch.size(); i++) {
      batch.get(i).answer().complete(written.views().get(i));
    }
  }
}
