package org.centralis.reporting.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Where contexts tell the reports that something countable happened (ADR 0012): one pending row per change, written in
 * the caller's transaction (so a rolled-back change leaves no fact) and folded into the interval aggregates by
 * {@code FactRollup} later. Appending a distinct row keeps the hot path free of contention on shared counter rows.
 */
@ApplicationScoped
public class FactOutbox {

  /** The kinds of fact, as the CK_REPORT_FACT_KIND constraint of REPORT_FACT_PENDING lists them. */
  public enum Fact { CONTACT, AGENT_STATE, TICKET }

  @PersistenceContext
  private EntityManager em;

  /** Records that {@code refId} (an interaction, a state log entry, a ticket) changed; {@code detail} may be null. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void record(Fact fact, long refId, String detail) {
    em.createNativeQuery(
            "INSERT INTO REPORT_FACT_PENDING (ID, FACT, REF_ID, DETAIL, CREATED_AT) VALUES (REPORT_FACT_SEQ.NEXTVAL, ?, ?, ?, ?)")
        .setParameter(1, fact.name())
        .setParameter(2, refId)
        .setParameter(3, detail)
        .setParameter(4, OffsetDateTime.now(ZoneOffset.UTC))
        // The row names its subject by id, with no foreign key: the caller's unwritten changes need not be flushed
        // before it (intake writes a batch's tickets in one flush instead of one per fact).
        .setFlushMode(FlushModeType.COMMIT)
        .executeUpdate();
  }
}
