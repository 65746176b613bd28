package org.centralis.acd.domain;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.centralis.shared.domain.ConflictException;

/**
 * An offer of a contact to an agent, with the routing explanation. Invariant: while PENDING, the
 * PENDING_* columns hold the contact and the agent — unique in the table, so the database refuses
 * a second pending offer of one contact or to one agent; deciding the offer clears them.
 */
@Entity
@Table(name = "ACD_OFFER")
@NamedQuery(name = "Offer.findExpired", query = "SELECT o.id FROM Offer o WHERE o.outcome = org.centralis.acd.domain.OfferOutcome.PENDING AND o.timeoutAt <= :now")
@NamedQuery(name = "Offer.findPendingOfAgent", query = "SELECT o FROM Offer o WHERE o.pendingAgentId = :agentId")
@NamedQuery(name = "Offer.findPendingOfInteraction", query = "SELECT o FROM Offer o WHERE o.pendingInteractionId = :interactionId")
@NamedQuery(name = "Offer.ofInteraction", query = "SELECT o FROM Offer o WHERE o.interactionId = :interactionId ORDER BY o.offeredAt DESC, o.id DESC")
@NamedQuery(
    name = "Offer.declinedOfWaiting",
    query = "SELECT o.interactionId, o.agentId FROM Offer o, Interaction i WHERE i.id = o.interactionId"
        + " AND i.state = org.centralis.acd.domain.InteractionState.WAITING"
        + " AND o.outcome IN (org.centralis.acd.domain.OfferOutcome.REJECTED, org.centralis.acd.domain.OfferOutcome.TIMED_OUT)")
public class Offer {

  @Id private Long id;

  @Column(name = "INTERACTION_ID")
  private Long interactionId;

  @Column(name = "AGENT_ID")
  private Long agentId;

  @Column(name = "QUEUE_ID")
  private Long queueId;

  @Column(name = "OFFERED_AT")
  private Instant offeredAt;

  @Column(name = "TIMEOUT_AT")
  private Instant timeoutAt;

  @Enumerated(EnumType.STRING)
  private OfferOutcome outcome;

  @Column(name = "DECIDED_AT")
  private Instant decidedAt;

  @Column(name = "PENDING_INTERACTION_ID")
  private Long pendingInteractionId;

  @Column(name = "PENDING_AGENT_ID")
  private Long pendingAgentId;

  @Lob
  @Basic(fetch = FetchType.LAZY)
  private String explanation;

  @Version private int version;

  protected Offer() {}

  /** Ends a pending offer with {@code how}. */
  public void decide(OfferOutcome how, Instant now) {
    if (outcome != OfferOutcome.PENDING) {
      throw new ConflictException("offer-decided", "offer " + id + " is already " + outcome, id, outcome);
    }
    outcome = how;
    decidedAt = now;
    pendingInteractionId = null;
    pendingAgentId = null;
  }

  public Long getId() {
    return id;
  }

  public Long getInteractionId() {
    return interactionId;
  }

  public Long getAgentId() {
    return agentId;
  }

  public Long getQueueId() {
    return queueId;
  }

  public Instant getOfferedAt() {
    return offeredAt;
  }

  public Instant getTimeoutAt() {
    return timeoutAt;
  }

  public OfferOutcome getOutcome() {
    return outcome;
  }

  public Instant getDecidedAt() {
    return decidedAt;
  }

  public String getExplanation() {
    return explanation;
  }
}
