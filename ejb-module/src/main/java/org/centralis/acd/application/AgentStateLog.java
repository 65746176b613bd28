package org.centralis.acd.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.centralis.acd.domain.AgentState;
import org.centralis.reporting.application.FactOutbox;
import org.centralis.reporting.application.FactOutbox.Fact;

/**
 * The history of every agent's states (ACD_AGENT_STATE_LOG), written by the transaction that changes the seat: the open
 * row (ENDED_AT null) is closed at the change instant and a row for the new state opens at the same instant, so the
 * rows of one agent are contiguous; the closed row becomes an AGENT_STATE fact for the report aggregates (ADR 0012).
 * Called from the two places every seat change passes: {@link ContactWork#agentEvent} (all entity transitions) and
 * {@link OfferReservation} (the conditional-UPDATE reservation READY → RESERVED).
 */
@ApplicationScoped
public class AgentStateLog {

  @PersistenceContext private EntityManager em;
  @Inject private FactOutbox facts;

  /** The seat of {@code staffId} is in {@code state} (with {@code reasonCode} for NOT_READY) since {@code at}. */
  @Transactional(Transactional.TxType.MANDATORY)
  public void changed(long staffId, AgentState state, String reasonCode, Instant at) {
    OffsetDateTime when = at.atOffset(ZoneOffset.UTC);
    @SuppressWarnings("unchecked")
    List<Number> open = em.createNativeQuery("SELECT ID FROM ACD_AGENT_STATE_LOG WHERE STAFF_ID = ? AND ENDED_AT IS NULL")
        .setParameter(1, staffId).getResultList();
    for (Number id : open) {
      em.createNativeQuery("UPDATE ACD_AGENT_STATE_LOG SET ENDED_AT = ? WHERE ID = ? AND ENDED_AT IS NULL")
          .setParameter(1, when).setParameter(2, id.longValue()).executeUpdate();
      facts.record(Fact.AGENT_STATE, id.longValue(), null);
    }
    em.createNativeQuery(
            "INSERT INTO ACD_AGENT_STATE_LOG (ID, STAFF_ID, BRANCH_PATH, STATE, REASON_CODE, STARTED_AT)"
                + " SELECT ACD_AGENT_STATE_LOG_SEQ.NEXTVAL, STAFF_ID, BRANCH_PATH, ?, ?, ? FROM ACD_AGENT_STATE WHERE STAFF_ID = ?")
        .setParameter(1, state.name()).setParameter(2, state == AgentState.NOT_READY ? reasonCode : null)
        .setParameter(3, when).setParameter(4, staffId).executeUpdate();
  }
}
