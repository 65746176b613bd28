package org.centralis.acd.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.centralis.acd.application.AcdEvent;

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

  // Looked up, not @Resource-injected: Payara leaves @Resource null in CDI beans of a library jar.
  @PostConstruct
  void lookUpExecutor() {
    try {
      executor = InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
    } catch (NamingException e) {
      throw new IllegalStateException("no default managed executor", e);
    }
  }

  void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) AcdEvent event) {
    executor.execute(() -> jms.publish(event));
  }
}
