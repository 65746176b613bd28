package org.centralis.audit.application;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.centralis.audit.domain.AuditActor;
import org.centralis.audit.domain.AuditChainHead;
import org.centralis.audit.domain.AuditEvent;
import org.centralis.audit.domain.ChainVerification;
import org.centralis.organization.application.BranchRef;
import org.centralis.shared.application.ListExport;
import org.centralis.shared.domain.Page;
import org.centralis.shared.security.Caller;
import org.centralis.shared.security.CurrentCaller;
import org.centralis.shared.security.Role;

/**
 * The audit trail: every service appends its events here inside its own transaction, so an action
 * and its audit record commit or roll back together. The event is sealed into the hash chain after
 * that commit ({@link AuditSealing}), so recording takes no lock that all of the bank's audited
 * actions would queue on. Auditors search and verify it.
 */
@Stateless
public class AuditTrail {

  private static final int VERIFY_BATCH = 2_000;

  @PersistenceContext private EntityManager em;
  @Inject private CurrentCaller currentCaller;
  @Inject private AuditSealing sealing;

  /** Appends an event for the current caller, unsealed: one insert, no lock. */
  @PermitAll
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public AuditEvent record(AuditEntry entry) {
    return record(currentCaller.get(), entry);
  }

  /** Appends an event for an explicit actor (sign-in attempts, where nobody is signed in yet). */
  @PermitAll
  @TransactionAttribute(TransactionAttributeType.MANDATORY)
  public AuditEvent record(Caller actor, AuditEntry entry) {
    AuditEvent event =
        new AuditEvent(
            Instant.now(),
            new AuditActor(actor.login(), actor.primaryRole(), actor.branchId(), actor.clientIp()),
            entry.action(),
            entry.targetType(),
            entry.targetId(),
            entry.before(),
            entry.after());
    em.persist(event);
    return event;
  }

  /**
   * Searches the events in the auditor's branch subtree (by the actor's branch), newest first: events not sealed yet
   * (no sequence number; NULL sorts high in the Oracle dialect and in H2's Oracle mode), then the chain from its head.
   */
  @RolesAllowed(Role.AUDITOR_NAME)
  public Page<AuditEvent> search(AuditFilter filter, int offset, int limit) {
    return new Page<>(page(filter, offset, limit), query(filter).count().getSingleResult(), offset, limit);
  }

  /** One page of {@link #search} without its total, for a table that has asked for {@link #countAtMost} already. */
  @RolesAllowed(Role.AUDITOR_NAME)
  public List<AuditEvent> page(AuditFilter filter, int offset, int limit) {
    return query(filter).rows().setFirstResult(offset).setMaxResults(limit).getResultList();
  }

  /**
   * How many events {@link #search} would page through, counted up to {@code cap + 1}: reads at most that many ids,
   * with no ORDER BY to sort first, so it stops early where an exact count reads every matching index entry.
   */
  @RolesAllowed(Role.AUDITOR_NAME)
  public long countAtMost(@NotNull AuditFilter filter, @Min(1) @Max(100_000) int cap) {
    return query(filter).ids().setMaxResults(cap + 1).getResultList().size();
  }

  /**
   * Every event {@link #search} would page, for an export (导出) that auditors take away: within {@link ListExport}'s
   * limit, audited as AUDIT_EXPORTED with the filter and the row count (an export of the log is itself in the log).
   */
  @RolesAllowed(Role.AUDITOR_NAME)
  public List<AuditEvent> export(AuditFilter filter) {
    Query q = query(filter);
    List<AuditEvent> rows = ListExport.readAll(em, q.rows(), q.count().getSingleResult(), page -> page);
    record(new AuditEntry("AUDIT_EXPORTED", "AUDIT_LOG", currentCaller.get().branchPath(), null, rows.size() + " rows; " + filter));
    return rows;
  }

  /** The log's queries (events newest first, their count, their ids unsorted) for the caller's scope and the filter. */
  private record Query(TypedQuery<AuditEvent> rows, TypedQuery<Long> count, TypedQuery<Long> ids) {}

  private Query query(AuditFilter filter) {
    Caller caller = currentCaller.get();
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    List<Object[]> params = new ArrayList<>();
    if (!isRoot(caller.branchPath())) {
      where.append(" AND e.actorBranchId IN (SELECT b.id FROM Branch b WHERE b.path LIKE :scope)");
      params.add(new Object[] {"scope", caller.branchPath() + "%"});
    }
    equal(where, params, "actorLogin", "actor", filter.actor());
    equal(where, params, "action", "action", filter.action());
    equal(where, params, "targetType", "targetType", filter.targetType());
    equal(where, params, "targetId", "targetId", filter.targetId());
    if (filter.from() != null) {
      where.append(" AND e.occurredAt >= :from");
      params.add(new Object[] {"from", filter.from()});
    }
    if (filter.to() != null) {
      where.append(" AND e.occurredAt < :to");
      params.add(new Object[] {"to", filter.to()});
    }
    TypedQuery<AuditEvent> rows = em.createQuery("SELECT e FROM AuditEvent e" + where + " ORDER BY e.seqNo DESC, e.id DESC", AuditEvent.class);
    TypedQuery<Long> count = em.createQuery("SELECT COUNT(e) FROM AuditEvent e" + where, Long.class);
    TypedQuery<Long> ids = em.createQuery("SELECT e.id FROM AuditEvent e" + where, Long.class);
    for (Object[] p : params) {
      rows.setParameter((String) p[0], p[1]);
      count.setParameter((String) p[0], p[1]);
      ids.setParameter((String) p[0], p[1]);
    }
    return new Query(rows, count, ids);
  }

  private static void equal(StringBuilder where, List<Object[]> params, String field, String name, String value) {
    if (value != null && !value.isBlank()) {
      where.append(" AND e.").append(field).append(" = :").append(name);
      params.add(new Object[] {name, value.trim()});
    }
  }

  /**
   * Seals what has committed so far, then recomputes the whole chain in batches and names the first broken event.
   * Reads the head first: events sealed during the walk lie beyond it and are checked next time.
   */
  @RolesAllowed(Role.AUDITOR_NAME)
  public ChainVerification.Result verify() {
    sealing.sealAll();
    AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID);
    em.refresh(head);
    long headSeqNo = head.getLastSeqNo();
    String headHash = head.getLastHash();
    ChainVerification walk = new ChainVerification();
    while (walk.lastVerifiedSeqNo() < headSeqNo) {
      List<AuditEvent> batch =
          em.createNamedQuery("AuditEvent.findAfterSeqNo", AuditEvent.class)
              .setParameter("after", walk.lastVerifiedSeqNo())
              .setMaxResults(VERIFY_BATCH)
              .getResultList();
      // Only events up to the head read above: later ones belong to the next verification.
      List<AuditEvent> upToHead = batch.stream().filter(e -> e.getSeqNo() <= headSeqNo).toList();
      if (upToHead.isEmpty() || !walk.check(upToHead.iterator())) {
        break;
      }
      em.clear();
    }
    ChainVerification.Result result = walk.finish(headSeqNo, headHash);
    record(
        new AuditEntry(
            "AUDIT_CHAIN_VERIFIED",
            "AUDIT_CHAIN",
            String.valueOf(headSeqNo),
            null,
            result.intact() ? "intact, " + result.eventsChecked() + " events" : "broken at " + result.brokenSeqNo() + " (" + result.reason() + ")"));
    return result;
  }

  private static boolean isRoot(String branchPath) {
    return BranchRef.depthOf(branchPath) <= 0;
  }
}
