package org.centralis.acd.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import org.centralis.acd.application.AcdRouting.AcdClock;
import org.centralis.acd.domain.AgentState;
import org.centralis.acd.domain.RoutingStrategy;
import org.centralis.acd.domain.Router;
import org.centralis.acd.domain.Router.Reservation;

/**
 * Reserves one routing match in its own transaction, by conditional updates that are correct on
 * any number of nodes without a lock manager: first the agent
 * ({@code ... SET STATE='RESERVED' ... WHERE STAFF_ID=? AND STATE='READY' AND VERSION=?}, one row or
 * the race is lost), then the contact ({@code ... WHERE ID=? AND STATE='WAITING'}; if another router
 * took it, the agent is put back in the same transaction), then the offer row, whose unique
 * PENDING_* columns are the database's own guard. Locks are taken by primary key in one order
 * (agent, contact, offer), never with {@code FOR UPDATE ... FETCH FIRST} (the H2 trap, STACK.md).
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class OfferReservation {

  @PersistenceContext private EntityManager em;
  @Inject private Event<AcdEvent> events;
  @Inject private AgentStateLog stateLog;

  public Reservation reserve(Router.Match match, int seatVersion, int offerTimeoutSeconds, Instant now) {
    long agentId = match.agent().id();
    long contactId = match.contact().id();
    OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
    long readyMillis = Math.max(0, Duration.between(match.agent().idleSince(), now).toMillis());
    int agent = em.createNativeQuery(
            "UPDATE ACD_AGENT_STATE SET STATE = 'RESERVED', STATE_SINCE = ?,"
                + " READY_MILLIS_TODAY = READY_MILLIS_TODAY + ?, VERSION = VERSION + 1"
                + " WHERE STAFF_ID = ? AND STATE = 'READY' AND VERSION = ?")
        .setParameter(1, at).setParameter(2, readyMillis).setParameter(3, agentId).setParameter(4, seatVersion)
        .executeUpdate();
    if (agent != 1) {
      return Reservation.AGENT_TAKEN;
    }
    int contact = em.createNativeQuery(
            "UPDATE ACD_INTERACTION SET STATE = 'OFFERED', VERSION = VERSION + 1 WHERE ID = ? AND STATE = 'WAITING' AND QUEUE_ID = ?")
        .setParameter(1, contactId).setParameter(2, match.queue().id())
        .executeUpdate();
    if (contact != 1) {
      em.createNativeQuery(
              "UPDATE ACD_AGENT_STATE SET STATE = 'READY', VERSION = VERSION + 1 WHERE STAFF_ID = ? AND STATE = 'RESERVED'")
          .setParameter(1, agentId).executeUpdate();
      return Reservation.CONTACT_TAKEN;
    }
    // Only now that the contact is ours does the seat point at it (the column is unique: set earlier,
    // a stale decision about a contact another agent holds would fail there instead of here).
    em.createNativeQuery("UPDATE ACD_AGENT_STATE SET CURRENT_INTERACTION_ID = ? WHERE STAFF_ID = ?")
        .setParameter(1, contactId).setParameter(2, agentId).executeUpdate();
    stateLog.changed(agentId, AgentState.RESERVED, null, now); // the instant of STATE_SINCE
    // The offer's time is taken now, after both rows are ours: later than any earlier decision on
    // this contact or agent, whose commit we waited for (the history's intervals never overlap).
    Instant offeredAt = AcdClock.now();
    at = offeredAt.atOffset(ZoneOffset.UTC);
    long offerId = ((Number) em.createNativeQuery("SELECT ACD_OFFER_SEQ.NEXTVAL FROM DUAL").getSingleResult()).longValue();
    em.createNativeQuery(
            "INSERT INTO ACD_OFFER (ID, INTERACTION_ID, AGENT_ID, QUEUE_ID, OFFERED_AT, TIMEOUT_AT, OUTCOME,"
                + " PENDING_INTERACTION_ID, PENDING_AGENT_ID, EXPLANATION, VERSION) VALUES (?, ?, ?, ?, ?, ?, 'PENDING', ?, ?, ?, 0)")
        .setParameter(1, offerId).setParameter(2, contactId).setParameter(3, agentId).setParameter(4, match.queue().id())
        .setParameter(5, at).setParameter(6, at.plusSeconds(offerTimeoutSeconds))
        .setParameter(7, contactId).setParameter(8, agentId).setParameter(9, match.explanation().toJson())
        .executeUpdate();
    if (match.queue().strategy() == RoutingStrategy.ROUND_ROBIN) {
      em.createNativeQuery("UPDATE ACD_QUEUE SET RR_LAST_AGENT_ID = ? WHERE ID = ?")
          .setParameter(1, agentId).setParameter(2, match.queue().id()).executeUpdate();
    }
    String extension = (String) em.createNativeQuery("SELECT EXTENSION FROM ACD_AGENT_STATE WHERE STAFF_ID = ?")
        .setParameter(1, agentId).getSingleResult();
    String externalId = (String) em.createNativeQuery("SELECT EXTERNAL_ID FROM ACD_INTERACTION WHERE ID = ?")
        .setParameter(1, contactId).getSingleResult();
    events.fire(new AcdEvent("CONTACT_OFFERED", externalId, match.queue().code(), match.agent().login(), extension, "OFFERED", null, offerId, offeredAt));
    return Reservation.RESERVED;
  }
}
