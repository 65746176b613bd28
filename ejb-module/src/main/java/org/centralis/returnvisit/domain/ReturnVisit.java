package org.centralis.returnvisit.domain;

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
import org.centralis.shared.domain.InvalidInputException;

/**
 * A return visit (回访) of a resolved ticket. Invariants: only an OPEN visit takes an outcome; a
 * reached customer gives a CSAT 1..5; each unreached attempt counts, and the visit closes as
 * UNREACHABLE at the maximum; a CSAT of {@value #UNSATISFIED_AT_MOST} or less means the ticket is
 * reopened and escalated ({@link #unsatisfied}).
 */
@Entity
@Table(name = "RETURN_VISIT")
@NamedQuery(name = "ReturnVisit.findByTicket", query = "SELECT v FROM ReturnVisit v WHERE v.ticketId = :ticketId ORDER BY v.createdAt DESC, v.id DESC")
public class ReturnVisit {

  public static final int UNSATISFIED_AT_MOST = 2;

  @Id
  @SequenceGenerator(name = "RETURN_VISIT_SEQ", sequenceName = "RETURN_VISIT_SEQ", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "RETURN_VISIT_SEQ")
  private Long id;

  @Column(name = "TICKET_ID")
  private Long ticketId;

  @Column(name = "TICKET_NO")
  private String ticketNo;

  @Column(name = "TICKET_TYPE")
  private String ticketType;

  @Column(name = "CUSTOMER_ID")
  private Long customerId;

  @Column(name = "OWNING_BRANCH_PATH")
  private String owningBranchPath;

  @Column(name = "RULE_NAME")
  private String ruleName;

  @Enumerated(EnumType.STRING)
  private ReturnVisitStatus status;

  private int attempts;

  private Integer csat;

  @Column(name = "COMMENT_TEXT")
  private String comment;

  @Column(name = "AGENT_LOGIN")
  private String agentLogin;

  private boolean escalated;

  @Column(name = "CREATED_AT")
  private Instant createdAt;

  @Column(name = "LAST_ATTEMPT_AT")
  private Instant lastAttemptAt;

  @Column(name = "COMPLETED_AT")
  private Instant completedAt;

  @Version private int version;

  protected ReturnVisit() {}

  public static ReturnVisit plan(long ticketId, String ticketNo, String ticketType, Long customerId, String owningBranchPath, String ruleName, Instant now) {
    ReturnVisit v = new ReturnVisit();
    v.ticketId = ticketId;
    v.ticketNo = ticketNo;
    v.ticketType = ticketType;
    v.customerId = customerId;
    v.owningBranchPath = owningBranchPath;
    v.ruleName = ruleName;
    v.status = ReturnVisitStatus.OPEN;
    v.createdAt = now;
    return v;
  }

  /** The customer was reached and rated the resolution. */
  public void reached(int csat, String comment, String agent, Instant now) {
    requireOpen();
    if (csat < 1 || csat > 5) {
      throw new InvalidInputException("csat", "csat-range", "CSAT is 1..5", csat);
    }
    attempts++;
    this.csat = csat;
    this.comment = blankToNull(comment);
    agentLogin = agent;
    lastAttemptAt = now;
    completedAt = now;
    status = ReturnVisitStatus.COMPLETED;
    escalated = unsatisfied();
  }

  /** An attempt that did not reach the customer; at {@code maxAttempts} the visit closes as unreachable. */
  public void notReached(String comment, String agent, int maxAttempts, Instant now) {
    requireOpen();
    attempts++;
    this.comment = blankToNull(comment);
    agentLogin = agent;
    lastAttemptAt = now;
    if (attempts >= maxAttempts) {
      status = ReturnVisitStatus.UNREACHABLE;
      completedAt = now;
    }
  }

  /** CSAT 1 or 2: the resolution did not satisfy the customer. */
  public boolean unsatisfied() {
    return csat != null && csat <= UNSATISFIED_AT_MOST;
  }

  private void requireOpen() {
    if (status != ReturnVisitStatus.OPEN) {
      throw new ConflictException("return-visit-done", "return visit " + id + " is already " + status, id, status);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
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

  public String getTicketType() {
    return ticketType;
  }

  public Long getCustomerId() {
    return customerId;
  }

  public String getOwningBranchPath() {
    return owningBranchPath;
  }

  public String getRuleName() {
    return ruleName;
  }

  public ReturnVisitStatus getStatus() {
    return status;
  }

  public int getAttempts() {
    return attempts;
  }

  public Integer getCsat() {
    return csat;
  }

  public String getComment() {
    return comment;
  }

  public String getAgentLogin() {
    return agentLogin;
  }

  public boolean isEscalated() {
    return escalated;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getLastAttemptAt() {
    return lastAttemptAt;
  }

  public Instant getCompletedAt() {
    return completedAt;
  }
}
