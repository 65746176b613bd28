package org.centralis.sla.domain;

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
import java.time.Instant;

/** An entry of a staff member's in-app inbox about an SLA step; the text is rendered from the bundle. */
@Entity
@Table(name = "NOTIFICATION")
@NamedQuery(
    name = "Notification.findByStaff",
    query = "SELECT n FROM Notification n WHERE n.staffId = :staff ORDER BY n.createdAt DESC, n.id DESC")
@NamedQuery(name = "Notification.countUnread", query = "SELECT COUNT(n) FROM Notification n WHERE n.staffId = :staff AND n.readAt IS NULL")
public class Notification {

  @Id
  @SequenceGenerator(name = "NOTIFICATION_SEQ", sequenceName = "NOTIFICATION_SEQ", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "NOTIFICATION_SEQ")
  private Long id;

  @Column(name = "STAFF_ID")
  private long staffId;

  @Enumerated(EnumType.STRING)
  private SlaFiring.Kind kind;

  @Column(name = "TICKET_NO")
  private String ticketNo;

  @Enumerated(EnumType.STRING)
  private SlaMetric metric;

  private int seq;

  @Column(name = "DUE_AT")
  private Instant dueAt;

  @Column(name = "CREATED_AT")
  private Instant createdAt;

  @Column(name = "READ_AT")
  private Instant readAt;

  @Column(name = "ACK_REQUIRED")
  private boolean ackRequired;

  @Column(name = "ACKED_AT")
  private Instant ackedAt;

  protected Notification() {}

  public Notification(long staffId, SlaEvent event, boolean ackRequired) {
    this.ackRequired = ackRequired;
    this.staffId = staffId;
    this.kind = event.getKind();
    this.ticketNo = event.getTicketNo();
    this.metric = event.getMetric();
    this.seq = event.getSeq();
    this.dueAt = event.getDueAt();
    this.createdAt = event.getFiredAt();
  }

  public void markRead(Instant now) {
    if (readAt == null) {
      readAt = now;
    }
  }

  /** Confirmed (by this recipient or another one told of the same step): read as well. */
  public void acknowledged(Instant now) {
    if (ackedAt == null) {
      ackedAt = now;
    }
    markRead(now);
  }

  public boolean isAckRequired() {
    return ackRequired;
  }

  public Instant getAckedAt() {
    return ackedAt;
  }

  public Long getId() {
    return id;
  }

  public long getStaffId() {
    return staffId;
  }

  public SlaFiring.Kind getKind() {
    return kind;
  }

  public String getTicketNo() {
    return ticketNo;
  }

  public SlaMetric getMetric() {
    return metric;
  }

  public int getSeq() {
    return seq;
  }

  public Instant getDueAt() {
    return dueAt;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getReadAt() {
    return readAt;
  }
}
