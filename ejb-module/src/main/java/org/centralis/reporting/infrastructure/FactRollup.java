package org.centralis.reporting.infrastructure;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every node, every 5 seconds, folds pending facts into the report aggregates (ADR 0012): per kind, batches of
 * {@value FactClaims#BATCH}, each batch one transaction that claims its facts by deleting their pending rows — a row another node
 * deleted first counts 0 and is skipped — and adds the claimed ones through the kind's {@link FactRoller}. A failed
 * batch rolls back claim and sums together, so its facts stay pending for the next sweep.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class FactRollup {

  private static final Logger LOG = Logger.getLogger(FactRollup.class.getName());
  /** Batches per kind and sweep: bounds one sweep's work so that a backlog drains over several sweeps. */
  private static final int MAX_BATCHES = 20;

  @Inject private Instance<FactRoller> rollers;
  @Inject private FactBatch batch;

  @Schedule(hour = "*", minute = "*", second = "*/5", persistent = false, info = "report fact roll-up")
  void sweep() {
    for (FactRoller roller : rollers) {
      try {
        for (int i = 0; i < MAX_BATCHES && batch.roll(roller) == FactClaims.BATCH; i++) {
          // a full batch: more may be pending
        }
      } catch (SQLException | RuntimeException e) {
        LOG.log(Level.WARNING, "report fact roll-up of " + roller.fact() + " failed; the facts stay pending", e);
      }
    }
  }
}
