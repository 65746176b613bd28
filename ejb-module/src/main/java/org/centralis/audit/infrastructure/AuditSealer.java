package org.centralis.audit.infrastructure;

import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.centralis.audit.application.AuditSealing;

/**
 * Every second, on every node (non-persistent timer: what is to seal lives in AUDIT_EVENT): seals the events committed
 * since the last tick, so an event stays outside the chain for about a second. A tick that finds the previous one
 * still running is skipped. The timer method holds no persistence context and catches every failure (a lost lock
 * wait, say): Payara expunges a timer after two failed deliveries, and with it the sealing on this node.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AuditSealer {

  private static final Logger LOG = Logger.getLogger(AuditSealer.class.getName());

  @Inject private AuditSealing sealing;

  private final AtomicBoolean running = new AtomicBoolean();

  @Schedule(second = "*", minute = "*", hour = "*", persistent = false, info = "audit-sealer")
  void tick() {
    if (!running.compareAndSet(false, true)) {
      return;
    }
    try {
      sealing.sealAll();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "audit sealing failed; the next tick retries", e);
    } finally {
      running.set(false);
    }
  }
}
