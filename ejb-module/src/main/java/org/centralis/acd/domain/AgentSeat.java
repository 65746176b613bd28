package org.centralis.acd.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.centralis.shared.domain.ConflictException;
import org.centralis.shared.domain.InvalidInputException;

/**
 * The live state of one agent's seat. Invariants: RESERVED, BUSY and WRAP_UP hold exactly one
 * contact (CURRENT_INTERACTION_ID, unique in the table) and nothing else does but WRAP_UP's
 * finished one; NOT_READY always has a reason. Every change goes through a conditional UPDATE (the
 * routing reservation's {@code WHERE STATE = 'READY'}, or the version check of the others), so two
 * nodes never both move the same seat.
 */
@Entity
@Table(name = "ACD_AGENT_STATE")
@NamedQuery(name = "AgentSeat.findByLogin", query = "SELECT s FROM AgentSeat s WHERE s.login = :login")
@NamedQuery(name = "AgentSeat.findReady", query = "SELECT s FROM AgentSeat s WHERE s.state = org.centralis.acd.domain.AgentState.READY")
@NamedQuery(name = "AgentSeat.findAll", query = "SELECT s FROM AgentSeat s ORDER BY s.login")
@NamedQuery(
    name = "AgentSeat.findWrapUpEnded",
    query = "SELECT s FROM AgentSeat s WHERE s.state = org.centralis.acd.domain.AgentState.WRAP_UP AND s.wrapUpUntil <= :now")
public class AgentSeat {

  @Id
  @Column(name = "STAFF_ID")
  private Long staffId;

  private String login;

  @Column(name = "BRANCH_PATH")
  private String branchPath;

  @Enumerated(EnumType.STRING)
  private AgentState state;

  @Column(name = "REASON_CODE")
  private String reasonCode;

  private String extension;

  @Column(name = "STATE_SINCE")
  private Instant stateSince;

  @Column(name = "LAST_IDLE_AT")
  private Instant lastIdleAt;

  @Column(name = "WRAP_UP_UNTIL")
  private Instant wrapUpUntil;

  @Column(name = "CURRENT_INTERACTION_ID")
  private Long currentInteractionId;

  private int misses;

  @Column(name = "STATS_DAY")
  private LocalDate statsDay;

  @Column(name = "CONTACTS_TODAY")
  private int contactsToday;

  @Column(name = "BUSY_MILLIS_TODAY")
  private long busyMillisToday;

  @Column(name = "READY_MILLIS_TODAY")
  private long readyMillisToday;

  @Version private int version;

  protected AgentSeat() {}

  /** A change the agent (or a supervisor, or the CTI) asks for: READY, NOT_READY with a reason, LOGGED_OUT. */
  public boolean request(AgentState target, String reason, Instant now, LocalDate today) {
    if (target == AgentState.NOT_READY && (reason == null || reason.isBlank())) {
      throw new InvalidInputException("reason", "reason-required", "NOT_READY needs a reason code");
    }
    if (target != AgentState.READY && target != AgentState.NOT_READY && target != AgentState.LOGGED_OUT) {
      throw new InvalidInputException("state", "state-not-requestable", "an agent may ask for READY, NOT_READY or LOGGED_OUT, not " + target);
    }
    if (state == target && (target != AgentState.NOT_READY || reason.equals(reasonCode))) {
      return false; // idempotent repeat
    }
    if (state == AgentState.RESERVED || state == AgentState.BUSY) {
      throw new ConflictException("agent-engaged", "agent " + login + " is " + state + " and cannot change to " + target + " now", login, state);
    }
    move(target, now, today);
    reasonCode = target == AgentState.NOT_READY ? reason : null;
    if (target == AgentState.READY) {
      lastIdleAt = now;
      misses = 0;
    }
    currentInteractionId = null;
    wrapUpUntil = null;
    return true;
  }

  /** The phone extension of the seat the agent signed in at. */
  public void sitAt(String extension) {
    if (extension != null && !extension.isBlank()) {
      this.extension = extension.strip();
    }
  }

  /** The agent took the offered contact: RESERVED → BUSY. */
  public void connect(long interactionId, Instant now, LocalDate today) {
    requireHolding(interactionId, AgentState.RESERVED);
    move(AgentState.BUSY, now, today);
    misses = 0;
    contactsToday++;
  }

  /**
   * The offer went unanswered (timeout, counted as a miss) or was rejected: RESERVED → READY at the
   * back of the idle line, or NOT_READY (NO_ANSWER) once the misses reach {@code maxMisses}.
   */
  public void missed(long interactionId, boolean timedOut, int maxMisses, Instant now, LocalDate today) {
    requireHolding(interactionId, AgentState.RESERVED);
    AgentState next = AgentState.READY;
    if (timedOut) {
      misses++;
      next = Overflow.afterMiss(misses, maxMisses);
    }
    move(next, now, today);
    reasonCode = next == AgentState.NOT_READY ? ReasonCode.NO_ANSWER : null;
    lastIdleAt = now;
    currentInteractionId = null;
  }

  /** The offered contact went away (abandoned): RESERVED → READY, keeping the agent's place in the idle line. */
  public void release(long interactionId, Instant now, LocalDate today) {
    requireHolding(interactionId, AgentState.RESERVED);
    Instant idle = lastIdleAt;
    move(AgentState.READY, now, today);
    lastIdleAt = idle;
    currentInteractionId = null;
  }

  /** The contact ended or was transferred: BUSY → WRAP_UP for {@code wrapUpSeconds}. */
  public void wrapUp(long interactionId, int wrapUpSeconds, Instant now, LocalDate today) {
    requireHolding(interactionId, AgentState.BUSY);
    move(AgentState.WRAP_UP, now, today);
    wrapUpUntil = now.plusSeconds(wrapUpSeconds);
  }

  /** The wrap-up time ran out (or the agent ended it): WRAP_UP → READY. False if not in wrap-up. */
  public boolean endWrapUp(Instant now, LocalDate today) {
    if (state != AgentState.WRAP_UP) {
      return false;
    }
    move(AgentState.READY, now, today);
    lastIdleAt = now;
    wrapUpUntil = null;
    currentInteractionId = null;
    return true;
  }

  /** Today's occupancy: time handling contacts over time handling or ready (0 with no time yet). */
  public double occupancy(LocalDate today) {
    if (!today.equals(statsDay)) {
      return 0;
    }
    long total = busyMillisToday + readyMillisToday;
    return total == 0 ? 0 : (double) busyMillisToday / total;
  }

  public int contactsToday(LocalDate today) {
    return today.equals(statsDay) ? contactsToday : 0;
  }

  private void requireHolding(long interactionId, AgentState expected) {
    if (state != expected || currentInteractionId == null || currentInteractionId != interactionId) {
      throw new ConflictException("agent-state", "agent " + login + " is " + state + ", not " + expected + " with this contact", login, state);
    }
  }

  /** Leaves the current state, adding its time to today's occupancy inputs. */
  private void move(AgentState next, Instant now, LocalDate today) {
    if (!today.equals(statsDay)) {
      statsDay = today;
      contactsToday = 0;
      busyMillisToday = 0;
      readyMillisToday = 0;
    }
    long spent = stateSince == null ? 0 : Math.max(0, Duration.between(stateSince, now).toMillis());
    switch (state) {
      case READY, RESERVED -> readyMillisToday += spent;
      case BUSY, WRAP_UP -> busyMillisToday += spent;
      default -> { }
    }
    state = next;
    stateSince = now;
  }

  public Long getStaffId() {
    return staffId;
  }

  public String getLogin() {
    return login;
  }

  public String getBranchPath() {
    return branchPath;
  }

  public AgentState getState() {
    return state;
  }

  public String getReasonCode() {
    return reasonCode;
  }

  public String getExtension() {
    return extension;
  }

  public Instant getStateSince() {
    return stateSince;
  }

  public Instant getLastIdleAt() {
    return lastIdleAt;
  }

  public Instant getWrapUpUntil() {
    return wrapUpUntil;
  }

  public Long getCurrentInteractionId() {
    return currentInteractionId;
  }

  public int getMisses() {
    return misses;
  }

  public int getVersion() {
    return version;
  }
}
