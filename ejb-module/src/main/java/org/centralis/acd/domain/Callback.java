package org.centralis.acd.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.centralis.shared.domain.ConflictException;
import org.centralis.shared.domain.ForbiddenException;

/**
 * A callback request (回拨): a caller who reached a queue outside its hours and is to be called back. One agent holds it
 * at a time (claim); an unanswered call puts it back for another agent, until {@link #MAX_ATTEMPTS} calls went
 * unanswered. A finished callback (DONE, GAVE_UP) never changes again.
 */
@Entity
@Table(name = "ACD_CALLBACK")
@NamedQuery(name = "Callback.findUnfinished",
    query = "SELECT c FROM Callback c WHERE c.status IN (org.centralis.acd.domain.CallbackStatus.OPEN, org.centralis.acd.domain.CallbackStatus.CLAIMED)"
        + " ORDER BY c.requestedAt, c.id")
@NamedQuery(name = "Callback.findUnfinishedOfQueues",
    query = "SELECT c FROM Callback c WHERE c.status IN (org.centralis.acd.domain.CallbackStatus.OPEN, org.centralis.acd.domain.CallbackStatus.CLAIMED)"
        + " AND c.queueId IN :queues ORDER BY c.requestedAt, c.id")
public class Callback {

  /** Calls that may go unanswered before the callback is given up. */
  public static final int MAX_ATTEMPTS = 3;

  @Id
  @SequenceGenerator(name = "ACD_CALLBACK_SEQ", sequenceName = "ACD_CALLBACK_SEQ", allocationSize = 1)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ACD_CALLBACK_SEQ")
  private Long id;

  @Column(name = "INTERACTION_ID")
  private long interactionId;

  @Column(name = "QUEUE_ID")
  private long queueId;

  @Column(name = "CALLER_NUMBER")
  private String callerNumber;

  @Column(name = "CUSTOMER_ID")
  private Long customerId;

  @Column(name = "REQUESTED_AT")
  private Instant requestedAt;

  @Enumerated(EnumType.STRING)
  private CallbackStatus status;

  private int attempts;

  @Column(name = "AGENT_ID")
  private Long agentId;

  @Column(name = "CLAIMED_AT")
  private Instant claimedAt;

  @Column(name = "LAST_ATTEMPT_AT")
  private Instant lastAttemptAt;

  private String note;

  @Version private int version;

  protected Callback() {}

  /** The callback a closed queue's contact asks for (the contact has its id: it was flushed). */
  public static Callback of(Interaction contact) {
    return request(contact.getId(), contact.getQueueId(), contact.getCallerNumber(), contact.getCustomerId(), contact.getArrivedAt());
  }

  static Callback request(long interactionId, long queueId, String callerNumber, Long customerId, Instant requestedAt) {
    Callback c = new Callback();
    c.interactionId = interactionId;
    c.queueId = queueId;
    c.callerNumber = callerNumber;
    c.customerId = customerId;
    c.requestedAt = requestedAt;
    c.status = CallbackStatus.OPEN;
    return c;
  }

  /** {@code agent} takes the callback; only an open one can be taken (409 {@code callback-taken} otherwise). */
  public void claim(long agent, Instant now) {
    if (status != CallbackStatus.OPEN) {
      throw new ConflictException("callback-taken", "callback " + id + " is " + status, id);
    }
    status = CallbackStatus.CLAIMED;
    agentId = agent;
    claimedAt = now;
  }

  /**
   * The agent who holds the callback called: reached → DONE; not reached → OPEN again for anyone, or GAVE_UP after
   * {@link #MAX_ATTEMPTS} unanswered calls.
   */
  public void record(long agent, boolean reached, String note, Instant now) {
    if (status != CallbackStatus.CLAIMED) {
      throw new ConflictException("callback-not-claimed", "callback " + id + " is " + status, id);
    }
    if (agentId != agent) {
      throw new ForbiddenException("callback-of-another-agent", "callback " + id + " is held by another agent", id);
    }
    attempts++;
    lastAttemptAt = now;
    this.note = note;
    if (reached) {
      status = CallbackStatus.DONE;
    } else if (attempts >= MAX_ATTEMPTS) {
      status = CallbackStatus.GAVE_UP;
    } else {
      status = CallbackStatus.OPEN;
      agentId = null;
      claimedAt = null;
    }
  }

  public Long getId() {
    return id;
  }

  public long getInteractionId() {
    return interactionId;
  }

  public long getQueueId() {
    return queueId;
  }

  public String getCallerNumber() {
    return callerNumber;
  }

  public Long getCustomerId() {
    return customerId;
  }

  public Instant getRequestedAt() {
    return requestedAt;
  }

  public CallbackStatus getStatus() {
    return status;
  }

  public int getAttempts() {
    return attempts;
  }

  public Long getAgentId() {
    return agentId;
  }

  public Instant getLastAttemptAt() {
    return lastAttemptAt;
  }

  public String getNote() {
    return note;
  }
}
