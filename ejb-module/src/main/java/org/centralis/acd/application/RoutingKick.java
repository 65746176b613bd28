package org.centralis.acd.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Re-runs routing after every committed change that can make a match (arrival, agent ready,
 * wrap-up end, offer rejected or timed out, overflow step). After commit, so that the pass sees
 * the change; a failure here is only logged: the sweeper's next pass (within a second) routes.
 */
@ApplicationScoped
public class RoutingKick {

  private static final Logger LOG = Logger.getLogger(RoutingKick.class.getName());

  @Inject AcdRouting routing;

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) RoutingNeeded needed) {
    try {
      routing.routeAll();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "routing after " + needed.why() + " failed; the sweeper retries", e);
    }
  }
}
