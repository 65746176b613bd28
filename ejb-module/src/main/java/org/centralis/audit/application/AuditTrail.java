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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.centralis.audit.domain.AuditActor;
import org.centralis.audit.domain.AuditChainHead;
import org.centralis.audit.domain.AuditEvent;
import org.centralis.audit.domain.ChainVerification;
import org.centralis.organization.application.BranchRef;
import org.centralis.shared.application.ByIds;
import org.centralis.shared.application.ListExport;
import org.centralis.shared.domain.Page;
import org.centralis.shared.security.Caller;
import org.centralis.shared.security.CurrentCaller;
import org.centralis.shared.security.Role;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The audit trail: every service appends its events here inside its own transaction, so an action
 * and its audit record commit or roll back together. The event is sealed into the hash chain after
 * that commit ({@link AuditSealing}), so recording takes no lock that all of the bank's audited
 * actions would queue on. Auditors search and verify it.
 */
@Stateless
public class AuditTrail {

  private static final int VERIFY_BATCH = 2_000;
  /** The sealed chain newest first. */
  private static final String SEALED_ORDER = " ORDER BY e.seqNo DESC, e.id DESC";

  @PersistenceContext private EntityManager em;
  @Inject private CurrentCaller currentCaller;
  @Inject private AuditSealing sealing;

  /** The newest sequence numbers a page is looked for in ({@code centralis.audit.page-window}) before the whole chain. */
  @Inject
  @ConfigProperty(name = "centralis.audit.page-window", defaultValue = "10000")
  long pageWindow;

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
    Where w = where(filter);
    return new Page<>(page(w, offset, limit), w.create(em, "SELECT COUNT(e)", "", "", Long.class).getSingleResult(), offset, limit);
  }

  /**
   * One page of {@link #search} without its total. The log's newest ids are read within a window of the chain's last
   * sequence numbers ({@link #pageWindow}) first, then the page's events by id: a query ordered over the whole log
   * (paged by ROWNUM, as EclipseLink pages on Oracle) made H2 read every event before the first 20 — 12–23 s at two
   * million events — where the page from a window of the newest 10,000 takes 2 ms (docs/performance.md, "The audit log at
   * two million events"). The newest events are the last sealed, so once the window holds the page it is the page; a
   * filter the window does not fill (a rare actor) reads the whole chain, through its own index.
   */
  @RolesAllowed(Role.AUDITOR_NAME)
  public List<AuditEvent> page(AuditFilter filter, int offset, int limit) {
    return page(where(filter), offset, limit);
  }

  private List<AuditEvent> page(Where w, int offset, int limit) {
    List<Long> ids = newestIds(w, offset + limit);
    return ByIds.inOrder(em, AuditEvent.class, AuditEvent::getId, ids.subList(Math.min(offset, ids.size()), ids.size()));
  }

  /**
   * How many events {@link #search} would page through, exactly up to {@code cap}; beyond it, some count above
   * {@code cap}: the unsealed ones, then the newest {@code cap + 1} sequence numbers, ten times as many, and only then
   * the whole chain. An unfiltered log beyond the cap is known from its newest window alone, where an exact count reads
   * every event in scope.
   */
  @RolesAllowed(Role.AUDITOR_NAME)
  public long countAtMost(@NotNull AuditFilter filter, @Min(1) @Max(100_000) int cap) {
    Where w = where(filter);
    long unsealed = w.create(em, "SELECT COUNT(e)", " AND e.seqNo IS NULL", "", Long.class).getSingleResult();
    Long head = chainHead();
    if (unsealed > cap || head == null) {
      return unsealed;
    }
    for (long window : new long[] {cap + 1L, 10L * (cap + 1)}) { // not wider: a filter the index lacks reads each row
      long sealed = w.create(em, "SELECT COUNT(e)", " AND e.seqNo > :fromSeqNo", "", Long.class).setParameter("fromSeqNo", head - window).getSingleResult();
      if (unsealed + sealed > cap) {
        return unsealed + sealed;
      }
    }
    return unsealed + w.create(em, "SELECT COUNT(e)", " AND e.seqNo IS NOT NULL", "", Long.class).getSingleResult();
  }

  /** The newest {@code wanted} events' ids in {@link #search}'s order. */
  private List<Long> newestIds(Where w, int wanted) {
    Set<Long> ids = new LinkedHashSet<>( // an event sealed between the two reads would come twice
        w.create(em, "SELECT e.id", " AND e.seqNo IS NULL", " ORDER BY e.id DESC", Long.class).setMaxResults(wanted).getResultList());
    Long head = chainHead();
    if (ids.size() < wanted && head != null) {
      int missing = wanted - ids.size();
      List<Long> sealed = w.create(em, "SELECT e.id", " AND e.seqNo > :fromSeqNo", SEALED_ORDER, Long.class)
          .setParameter("fromSeqNo", head - pageWindow).setMaxResults(missing).getResultList();
      if (sealed.size() < missing) { // a rare actor or action: their own index serves the whole chain better than a wider window
        sealed = w.create(em, "SELECT e.id", " AND e.seqNo IS NOT NULL", SEALED_ORDER, Long.class).setMaxResults(missing).getResultList();
      }
      ids.addAll(sealed);
    }
    return new ArrayList<>(ids).subList(0, Math.min(wanted, ids.size()));
  }

  /** The chain's last sequence number (a MAX read from its unique index), or null while nothing is sealed. */
  private Long chainHead() {
    return em.createQuery("SELECT MAX(e.seqNo) FROM AuditEvent e", Long.class).getSingleResult();
  }

  /**
   * Every event {@link #search} would page, for an export (导出) that auditors take away: within {@link ListExport}'s
   * limit, audited as AUDIT_EXPORTED with the filter and the row count (an export of the log is itself in the log).
   */
  @RolesAllowed(Role.AUDITOR_NAME)
  public List<AuditEvent> export(AuditFilter filter) {
    Where w = where(filter);
    List<AuditEvent> rows =
        ListExport.readAll(
            em,
            w.create(em, "SELECT e", "", SEALED_ORDER, AuditEvent.class),
            w.create(em, "SELECT COUNT(e)", "", "", Long.class).getSingleResult(),
            page -> page);
    record(new AuditEntry("AUDIT_EXPORTED", "AUDIT_LOG", currentCaller.get().branchPath(), null, rows.size() + " rows; " + filter));
    return rows;
  }

  /** The log's conditions for the caller's scope and the filter, to which each query adds its own. */
  private record Where(String jpql, List<Object[]> params) {

    <T> TypedQuery<T> create(EntityManager em, String select, String and, String orderBy, Class<T> type) {
      TypedQuery<T> q = em.createQuery(select + " FROM AuditEvent e" + jpql + and + orderBy, type);
      for (Object[] p : params) {
        q.setParameter((String) p[0], p[1]);
      }
      return q;
    }
  }

  private Where where(AuditFilter filter) {
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
    return new Where(where.toString(), params);
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
