package org.centralis.quality.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/** A supervisor's score of one ticket or contact for one agent; immutable once written. */
@Entity
@Table(name = "QA_SCORE")
public class QaScore {

  @Id
  @SequenceGenerator(name = "QA_SCORE_SEQ", sequenceName = "QA_SEQ", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "QA_SCORE_SEQ")
  private Long id;

  @Column(name = "FORM_ID")
  private Long formId;

  @Column(name = "SAMPLE_ID")
  private Long sampleId;

  @Column(name = "TICKET_NO")
  private String ticketNo;

  @Column(name = "CONTACT_ID")
  private String contactId;

  @Column(name = "AGENT_STAFF_ID")
  private Long agentStaffId;

  @Column(name = "SCORER_LOGIN")
  private String scorerLogin;

  private BigDecimal total;

  private String items;

  @Column(name = "COMMENT_TEXT")
  private String comment;

  @Column(name = "SCORED_AT")
  private Instant scoredAt;

  protected QaScore() {}

  public QaScore(long formId, Long sampleId, String ticketNo, String contactId, long agentStaffId, String scorerLogin,
      BigDecimal total, String items, String comment, Instant now) {
    this.formId = formId;
    this.sampleId = sampleId;
    this.ticketNo = ticketNo;
    this.contactId = contactId;
    this.agentStaffId = agentStaffId;
    this.scorerLogin = scorerLogin;
    this.total = total;
    this.items = items;
    this.comment = comment;
    this.scoredAt = now;
  }

  public Long getId() {
    return id;
  }

  public Long getFormId() {
    return formId;
  }

  public Long getSampleId() {
    return sampleId;
  }

  public String getTicketNo() {
    return ticketNo;
  }

  public String getContactId() {
    return contactId;
  }

  public Long getAgentStaffId() {
    return agentStaffId;
  }

  public String getScorerLogin() {
    return scorerLogin;
  }

  public BigDecimal getTotal() {
    return total;
  }

  public String getItems() {
    return items;
  }

  public String getComment() {
    return comment;
  }

  public Instant getScoredAt() {
    return scoredAt;
  }
}
