package org.centralis.audit.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.centralis.audit.domain.AuditChainHead;
import org.centralis.audit.domain.AuditEvent;

/**
 * Seals committed events into the hash chain, oldest id first. Only the sealer locks the chain head, and only for a
 * short transaction of its own, once a second per node ({@code AuditSealer}) and before a verification: before this,
 * every audited transaction locked the head until its own (XA) commit, and all of them queued on that one row.
 * Sealers on several nodes take turns on the head's lock; the one that waited reads the events still unsealed after
 * the other's commit, so no event is sealed twice.
 */
@Stateless
@PermitAll
public class AuditSealing {

  static final int BATCH = 500;

  @PersistenceContext private EntityManager em;
  @Resource private SessionContext context;

  /** Seals every event committed so far, a batch per transaction; returns how many. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public int sealAll() {
    int total = 0;
    int sealed;
    do {
      sealed = context.getBusinessObject(AuditSealing.class).sealBatch();
      total += sealed;
    } while (sealed == BATCH);
    return total;
  }

  /** Seals up to {@link #BATCH} unsealed events in one transaction under the chain head's lock. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public int sealBatch() {
    AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID, LockModeType.PESSIMISTIC_WRITE);
    // Read after the lock is ours, so events another node sealed meanwhile are no longer in the list.
    List<AuditEvent> unsealed = em.createNamedQuery("AuditEvent.findUnsealed", AuditEvent.class).setMaxResults(BATCH).getResultList();
    unsealed.forEach(head::seal);
    return unsealed.size();
  }
}
