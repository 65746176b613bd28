package org.centralis.reporting.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import org.centralis.reporting.application.ReportRunQueued;

/**
 * Hands a queued run to the asynchronous worker once the request's transaction has committed (earlier, the worker
 * could miss the row). A run queued just before a crash stays QUEUED; re-queuing those is the future scheduler's job.
 */
@ApplicationScoped
public class ReportRunKickoff {

  @Inject private ReportRunWorker worker;

  void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReportRunQueued queued) {
    worker.execute(queued.runId());
  }
}
