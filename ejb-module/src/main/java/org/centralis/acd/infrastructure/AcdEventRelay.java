package org.centralis.acd.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.centralis.acd.application.AcdEvent;
import org.centralis.shared.application.ManagedThreads;

/**
 * Hands each {@link AcdEvent} to {@link JmsAcdEvents} once its transaction has committed, on a
 * managed thread: called on the committing thread, the JMS send made Payara fail to resume the
 * completed transaction afterwards ("Invalid transaction passed to resume()"). Events of one
 * transaction may therefore reach the topic in any order; each carries its instant.
 */
@ApplicationScoped
public class AcdEventRelay {

  @Inject JmsAcdEvents jms;

  private ManagedExecutorService executor;

  @PostConstruct
  void lookUpExecutor() {
    executor = ManagedThreads.defaultExecutor();
  }

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) AcdEvent event) {
    executor.execute(() -> jms.publish(event));
  }
}
