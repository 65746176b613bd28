package org.centralis.quality.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A ticket picked for quality scoring; OPEN until a supervisor scores it. */
@Entity
@Table(name = "QA_SAMPLE")
public class QaSample {

  /** Why a ticket was sampled: a return visit with CSAT ≤ 2, or a supervisor's choice. */
  public static final String LOW_CSAT = "LOW_CSAT";

  @Id
  @SequenceGenerator(name = "QA_SEQ", sequenceName = "QA_SEQ", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "QA_SEQ")
  private Long id;

  @Column(name = "TICKET_ID")
  private Long ticketId;

  @Column(name = "TICKET_NO")
  private String ticketNo;

  @Column(name = "OWNING_BRANCH_PATH")
  private String owningBranchPath;

  @Column(name = "AGENT_STAFF_ID")
  private Long agentStaffId;

  private String reason;

  private String status;

  @Column(name = "CREATED_AT")
  private Instant createdAt;

  protected QaSample() {}

  public QaSample(long ticketId, String ticketNo, String owningBranchPath, Long agentStaffId, String reason, Instant now) {
    this.ticketId = ticketId;
    this.ticketNo = ticketNo;
    this.owningBranchPath = owningBranchPath;
    this.agentStaffId = agentStaffId;
    this.reason = reason;
    this.status = "OPEN";
    this.createdAt = now;
  }

  public void scored() {
    status = "SCORED";
  }

  public Long getId() {
    return id;
  }

  public Long getTicketId() {
    return ticketId;
  }

  public String getTicketNo() {
    return ticketNo;
  }

  public String getOwningBranchPath() {
    return owningBranchPath;
  }

  public Long getAgentStaffId() {
    return agentStaffId;
  }

  public String getReason() {
    return reason;
  }

  public String getStatus() {
    return status;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
