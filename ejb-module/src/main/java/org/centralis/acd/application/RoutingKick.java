package org.centralis.acd.application;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.centralis.shared.application.ManagedThreads;

/**
 * Re-runs routing after every committed change that can make a match (arrival, agent ready,
 * wrap-up end, offer rejected or timed out, overflow step). After commit, so that the pass sees
 * the change; on a managed thread, so the request that caused it does not wait; coalesced, so a
 * node runs one pass at a time and a burst of events costs one more pass, not one each (fewer lost
 * races between the node's own passes). A failed pass is only logged: the sweeper's next tick routes.
 */
@ApplicationScoped
public class RoutingKick {

  private static final Logger LOG = Logger.getLogger(RoutingKick.class.getName());

  @Inject AcdRouting routing;

  private ManagedExecutorService executor;

  @PostConstruct
  void lookUpExecutor() {
    executor = ManagedThreads.defaultExecutor();
  }

  private final AtomicBoolean dirty = new AtomicBoolean();
  private final AtomicBoolean running = new AtomicBoolean();

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoutingNeeded needed) {
    request();
  }

  /** Asks for a routing pass on this node: starts one, or makes the running one go again. */
  public void request() {
    dirty.set(true);
    if (running.compareAndSet(false, true)) {
      executor.execute(this::drain);
    }
  }

  private void drain() {
    try {
      while (dirty.getAndSet(false)) {
        try {
          routing.routeAll();
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "routing pass failed; the sweeper retries", e);
        }
      }
    } finally {
      running.set(false);
    }
    if (dirty.get() && running.compareAndSet(false, true)) {
      executor.execute(this::drain); // a request that came after the loop ended
    }
  }
}
