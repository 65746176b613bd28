package org.centralis.acd.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** A queue a contact was in (ARRIVAL, OVERFLOW). Append-only. */
@Entity
@Table(name = "ACD_QUEUE_VISIT")
@IdClass(QueueVisit.Key.class)
@NamedQuery(name = "QueueVisit.ofInteraction", query = "SELECT v FROM QueueVisit v WHERE v.interactionId = :id ORDER BY v.visitNo")
public class QueueVisit {

  @Id
  @Column(name = "INTERACTION_ID")
  private Long interactionId;

  @Id
  @Column(name = "VISIT_NO")
  private int visitNo;

  @Column(name = "QUEUE_ID")
  private Long queueId;

  @Column(name = "ENTERED_AT")
  private Instant enteredAt;

  private String reason;

  protected QueueVisit() {}

  public QueueVisit(long interactionId, int visitNo, long queueId, Instant enteredAt, String reason) {
    this.interactionId = interactionId;
    this.visitNo = visitNo;
    this.queueId = queueId;
    this.enteredAt = enteredAt;
    this.reason = reason;
  }

  public int getVisitNo() {
    return visitNo;
  }

  public Long getQueueId() {
    return queueId;
  }

  public Instant getEnteredAt() {
    return enteredAt;
  }

  public String getReason() {
    return reason;
  }

  /** Composite key. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private Long interactionId;
    private int visitNo;

    public Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(interactionId, k.interactionId) && visitNo == k.visitNo;
    }

    @Override
    public int hashCode() {
      return Objects.hash(interactionId, visitNo);
    }
  }
}
