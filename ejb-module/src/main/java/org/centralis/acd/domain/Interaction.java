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
import java.util.Set;
import org.centralis.shared.domain.ConflictException;
import org.centralis.shared.domain.InvalidInputException;

/**
 * One contact (call, chat, e-mail) from the CTI. Invariants: ARRIVED_AT never changes (queue order
 * survives overflow moves); AGENT_ID is set from CONNECTED on; a final state (ENDED, ABANDONED,
 * TRANSFERRED) is never left. WAITING → OFFERED happens only through the routing reservation's
 * conditional UPDATE ({@code WHERE STATE = 'WAITING'}).
 */
@Entity
@Table(name = "ACD_INTERACTION")
@NamedQuery(name = "Interaction.findByExternalId", query = "SELECT i FROM Interaction i WHERE i.externalId = :externalId")
@NamedQuery(name = "Interaction.findWaiting", query = "SELECT i FROM Interaction i WHERE i.state = org.centralis.acd.domain.InteractionState.WAITING")
public class Interaction {

  @Id
  @SequenceGenerator(name = "ACD_INTERACTION_SEQ", sequenceName = "ACD_INTERACTION_SEQ", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "ACD_INTERACTION_SEQ")
  private Long id;

  @Column(name = "EXTERNAL_ID")
  private String externalId;

  @Enumerated(EnumType.STRING)
  private ContactChannel channel;

  @Column(name = "CALLER_NUMBER")
  private String callerNumber;

  @Column(name = "CUSTOMER_ID")
  private Long customerId;

  private int priority;

  @Column(name = "CTI_PRIORITY")
  private int ctiPriority;

  @Column(name = "QUEUE_ID")
  private Long queueId;

  @Enumerated(EnumType.STRING)
  private InteractionState state;

  @Column(name = "ARRIVED_AT")
  private Instant arrivedAt;

  @Column(name = "QUEUE_ENTERED_AT")
  private Instant queueEnteredAt;

  private int relaxation;

  @Column(name = "OVERFLOW_STEPS")
  private int overflowSteps;

  @Column(name = "AGENT_ID")
  private Long agentId;

  @Column(name = "ANSWERED_AT")
  private Instant answeredAt;

  @Column(name = "ENDED_AT")
  private Instant endedAt;

  private String disposition;

  @Version private int version;

  protected Interaction() {}

  public static Interaction arrive(
      String externalId, ContactChannel channel, String callerNumber, Long customerId, int ctiPriority, int priority, long queueId, Instant now) {
    Interaction i = new Interaction();
    i.externalId = externalId;
    i.channel = channel;
    i.callerNumber = callerNumber;
    i.customerId = customerId;
    i.ctiPriority = ctiPriority;
    i.priority = priority;
    i.queueId = queueId;
    i.state = InteractionState.WAITING;
    i.arrivedAt = now;
    i.queueEnteredAt = now;
    return i;
  }

  /** Outside opening hours: the contact ends at once with the queue's closed action as disposition. */
  public void closeWith(ClosedAction action, Instant now) {
    state = InteractionState.ENDED;
    disposition = action.name();
    endedAt = now;
  }

  /** True if the same CTI request would create this contact (idempotent repeat). */
  public boolean sameRequest(ContactChannel channel, long queueId, String callerNumber, Long customerId, int ctiPriority, long firstQueueId) {
    return this.channel == channel && firstQueueId == queueId && java.util.Objects.equals(this.callerNumber, callerNumber)
        && java.util.Objects.equals(this.customerId, customerId) && this.ctiPriority == ctiPriority;
  }

  /** The offered contact was answered by {@code agent}: OFFERED → CONNECTED. */
  public void connect(long agent, Instant now) {
    require(InteractionState.OFFERED);
    state = InteractionState.CONNECTED;
    agentId = agent;
    answeredAt = now;
  }

  /** The offer was rejected or timed out: OFFERED → WAITING (same place in the queue). */
  public void backToQueue() {
    require(InteractionState.OFFERED);
    state = InteractionState.WAITING;
  }

  /** The caller hung up before being connected. */
  public void abandon(Instant now) {
    if (state != InteractionState.WAITING && state != InteractionState.OFFERED) {
      throw conflict(InteractionState.ABANDONED);
    }
    state = InteractionState.ABANDONED;
    endedAt = now;
  }

  /** A connected contact ended or was transferred away. */
  public void finish(InteractionState how, Instant now) {
    require(InteractionState.CONNECTED);
    state = how;
    endedAt = now;
  }

  /** Applies an overflow outcome (widen, or move keeping the arrival time). */
  public void overflow(Overflow.Outcome outcome, Instant now) {
    require(InteractionState.WAITING);
    if (outcome.moved()) {
      queueId = outcome.queueId();
      queueEnteredAt = now;
    }
    relaxation = outcome.relaxation();
    overflowSteps = outcome.overflowSteps();
  }

  /**
   * A supervisor moves the waiting contact to another queue (调度): it keeps its arrival time (so it is not sent to
   * the back), and the new queue's overflow starts from its first step.
   */
  public void moveTo(long otherQueueId, Instant now) {
    require(InteractionState.WAITING);
    if (otherQueueId == queueId) {
      throw new InvalidInputException("queue", "same-queue", "the contact waits in that queue already", otherQueueId);
    }
    queueId = otherQueueId;
    queueEnteredAt = now;
    relaxation = 0;
    overflowSteps = 0;
  }

  /** A supervisor sets the waiting contact's priority (0–9, higher first); answers the one it had. */
  public int reprioritize(int newPriority) {
    require(InteractionState.WAITING);
    if (newPriority < 0 || newPriority > 9) {
      throw new InvalidInputException("priority", "invalid-priority", "a priority is 0 to 9", newPriority);
    }
    int was = priority;
    priority = newPriority;
    return was;
  }

  /** Waited longer than the queue's maximum: leaves the queue as ABANDONED with disposition MAX_WAIT. */
  public void expire(Instant now) {
    require(InteractionState.WAITING);
    state = InteractionState.ABANDONED;
    disposition = "MAX_WAIT";
    endedAt = now;
  }

  public WaitingContact waiting(Set<Long> declinedBy) {
    return new WaitingContact(id, queueId, priority, arrivedAt, queueEnteredAt, relaxation, overflowSteps, declinedBy);
  }

  private void require(InteractionState expected) {
    if (state != expected) {
      throw conflict(expected);
    }
  }

  private ConflictException conflict(InteractionState wanted) {
    return new ConflictException("contact-state", "contact " + externalId + " is " + state + " (needed: " + wanted + ")", externalId, state);
  }

  public Long getId() {
    return id;
  }

  public String getExternalId() {
    return externalId;
  }

  public ContactChannel getChannel() {
    return channel;
  }

  public String getCallerNumber() {
    return callerNumber;
  }

  public Long getCustomerId() {
    return customerId;
  }

  public int getPriority() {
    return priority;
  }

  public int getCtiPriority() {
    return ctiPriority;
  }

  public Long getQueueId() {
    return queueId;
  }

  public InteractionState getState() {
    return state;
  }

  public Instant getArrivedAt() {
    return arrivedAt;
  }

  public Instant getQueueEnteredAt() {
    return queueEnteredAt;
  }

  public int getRelaxation() {
    return relaxation;
  }

  public int getOverflowSteps() {
    return overflowSteps;
  }

  public Long getAgentId() {
    return agentId;
  }

  public Instant getAnsweredAt() {
    return answeredAt;
  }

  public Instant getEndedAt() {
    return endedAt;
  }

  public String getDisposition() {
    return disposition;
  }
}
