package org.centralis.sla.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * One level of an escalation chain: fires {@code delaySeconds} of working time after the breach,
 * notifies the holders of {@code notifyRole} at the branch {@code notifyAt} names (OWNING, or the
 * nearest BRANCH / REGION / HEADQUARTERS above the ticket's), and optionally reassigns the ticket and raises its
 * priority (never lowers it); with {@code ackRequired} the first confirmation by someone told stops the chain.
 */
@Embeddable
public class EscalationLevel {

  @Column(name = "LEVEL_NO")
  private int levelNo;

  @Column(name = "DELAY_SECONDS")
  private long delaySeconds;

  @Column(name = "NOTIFY_ROLE")
  private String notifyRole;

  @Column(name = "NOTIFY_AT")
  private String notifyAt;

  @Column(name = "REASSIGN_TEAM_ID")
  private Long reassignTeamId;

  /** LOW, NORMAL, HIGH or URGENT; null keeps the priority. */
  @Column(name = "RAISE_PRIORITY")
  private String raisePriority;

  /** Its notifications ask for a confirmation; the first one stops the chain for the clock. */
  @Column(name = "ACK_REQUIRED")
  private boolean ackRequired;

  protected EscalationLevel() {}

  public EscalationLevel(
      int levelNo, long delaySeconds, String notifyRole, String notifyAt, Long reassignTeamId, String raisePriority, boolean ackRequired) {
    this.levelNo = levelNo;
    this.delaySeconds = delaySeconds;
    this.notifyRole = notifyRole;
    this.notifyAt = notifyAt;
    this.reassignTeamId = reassignTeamId;
    this.raisePriority = raisePriority;
    this.ackRequired = ackRequired;
  }

  public int getLevelNo() {
    return levelNo;
  }

  public long getDelaySeconds() {
    return delaySeconds;
  }

  public String getNotifyRole() {
    return notifyRole;
  }

  public String getNotifyAt() {
    return notifyAt;
  }

  public Long getReassignTeamId() {
    return reassignTeamId;
  }

  public String getRaisePriority() {
    return raisePriority;
  }

  public boolean isAckRequired() {
    return ackRequired;
  }
}
