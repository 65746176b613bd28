package org.centralis.complaint.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import org.centralis.shared.domain.InvalidInputException;
import org.centralis.ticket.domain.Channel;
import org.centralis.ticket.domain.TicketStatus;

/**
 * The complaint facts of a COMPLAINT ticket (1:1). Invariants: the regulator deadline is fixed at
 * intake; a complaint may be RESOLVED only with a root cause and a corrective action
 * ({@link #requireResolution}); the ticket status it mirrors only follows the ticket.
 */
@Entity
@Table(name = "COMPLAINT")
@NamedQuery(name = "Complaint.findByTicketId", query = "SELECT c FROM Complaint c WHERE c.ticketId = :ticketId")
@NamedQuery(name = "Complaint.findByNumber", query = "SELECT c FROM Complaint c WHERE c.ticketNo = :number")
public class Complaint {

  @Id
  @SequenceGenerator(name = "COMPLAINT_SEQ", sequenceName = "COMPLAINT_SEQ", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "COMPLAINT_SEQ")
  private Long id;

  @Column(name = "TICKET_ID")
  private Long ticketId;

  @Column(name = "TICKET_NO")
  private String ticketNo;

  @Column(name = "CATEGORY_ID")
  private Long categoryId;

  @Column(name = "CUSTOMER_ID")
  private Long customerId;

  @Column(name = "OWNING_BRANCH_ID")
  private Long owningBranchId;

  @Column(name = "OWNING_BRANCH_PATH")
  private String owningBranchPath;

  @Enumerated(EnumType.STRING)
  @Column(name = "TICKET_STATUS")
  private TicketStatus ticketStatus;

  @Enumerated(EnumType.STRING)
  private Severity severity;

  @ManyToOne(fetch = FetchType.EAGER)
  @JoinColumn(name = "TAXONOMY_ID")
  private TaxonomyNode taxonomy;

  @Enumerated(EnumType.STRING)
  private Channel channel;

  @Column(name = "AMOUNT_DISPUTED")
  private BigDecimal amountDisputed;

  private String currency;

  @Column(name = "REGULATOR_DEADLINE")
  private Instant regulatorDeadline;

  @Column(name = "REPEAT_COMPLAINT")
  private boolean repeatComplaint;

  @Column(name = "REPEAT_OF_TICKET_NO")
  private String repeatOfTicketNo;

  @ManyToOne(fetch = FetchType.EAGER)
  @JoinColumn(name = "ROOT_CAUSE_ID")
  private TaxonomyNode rootCause;

  @Column(name = "CORRECTIVE_ACTION")
  private String correctiveAction;

  @Column(name = "RESOLUTION_BY")
  private String resolutionBy;

  @Column(name = "RESOLUTION_AT")
  private Instant resolutionAt;

  @Column(name = "CREATED_AT")
  private Instant createdAt;

  @Column(name = "CLOSED_AT")
  private Instant closedAt;

  @Version private int version;

  protected Complaint() {}

  /** Records a complaint at intake; amount and currency go together (ISO 4217 code). */
  public static Complaint register(
      long ticketId,
      String ticketNo,
      long categoryId,
      Long customerId,
      long owningBranchId,
      String owningBranchPath,
      TicketStatus ticketStatus,
      Severity severity,
      TaxonomyNode taxonomy,
      Channel channel,
      BigDecimal amount,
      String currency,
      Instant regulatorDeadline,
      String repeatOf,
      Instant now) {
    if (taxonomy == null || taxonomy.getKind() != TaxonomyKind.COMPLAINT || !taxonomy.isActive()) {
      throw new InvalidInputException("complaint.taxonomyId", "unknown-complaint-taxonomy", "no active complaint taxonomy node");
    }
    if (amount != null && (amount.signum() < 0 || amount.scale() > 2 || amount.precision() - amount.scale() > 16)) {
      throw new InvalidInputException("complaint.amount", "invalid-amount", "the amount in dispute must be >= 0 with at most 2 decimals", amount);
    }
    if (amount != null && (currency == null || !currency.matches("[A-Z]{3}"))) {
      throw new InvalidInputException("complaint.currency", "invalid-currency", "an amount needs an ISO 4217 currency code", currency);
    }
    Complaint c = new Complaint();
    c.ticketId = ticketId;
    c.ticketNo = ticketNo;
    c.categoryId = categoryId;
    c.customerId = customerId;
    c.owningBranchId = owningBranchId;
    c.owningBranchPath = owningBranchPath;
    c.ticketStatus = ticketStatus;
    c.severity = severity;
    c.taxonomy = taxonomy;
    c.channel = channel;
    c.amountDisputed = amount;
    c.currency = amount == null ? null : currency;
    c.regulatorDeadline = regulatorDeadline;
    c.repeatComplaint = repeatOf != null;
    c.repeatOfTicketNo = repeatOf;
    c.createdAt = now;
    return c;
  }

  /** Root cause (a ROOT_CAUSE node) and corrective action; may be corrected until the ticket is closed. */
  public void recordResolution(TaxonomyNode cause, String action, String by, Instant now) {
    if (cause == null || cause.getKind() != TaxonomyKind.ROOT_CAUSE || !cause.isActive()) {
      throw new InvalidInputException("rootCauseId", "unknown-root-cause", "no active root cause");
    }
    if (action == null || action.isBlank()) {
      throw new InvalidInputException("correctiveAction", "corrective-action-required", "a corrective action is required");
    }
    if (ticketStatus == TicketStatus.CLOSED || ticketStatus == TicketStatus.CANCELLED) {
      throw new InvalidInputException("number", "complaint-closed", "complaint " + ticketNo + " is closed", ticketNo);
    }
    rootCause = cause;
    correctiveAction = action.strip();
    resolutionBy = by;
    resolutionAt = now;
  }

  /** The veto on RESOLVED: a complaint is resolved only with a root cause and a corrective action. */
  public void requireResolution() {
    if (rootCause == null) {
      throw new InvalidInputException("rootCauseId", "root-cause-required", "complaint " + ticketNo + " needs a root cause before it is resolved", ticketNo);
    }
    if (correctiveAction == null) {
      throw new InvalidInputException(
          "correctiveAction", "corrective-action-required", "complaint " + ticketNo + " needs a corrective action before it is resolved", ticketNo);
    }
  }

  /** Follows the ticket's status (for the register's filters). */
  public void ticketMoved(TicketStatus status, Instant at) {
    ticketStatus = status;
    closedAt = status == TicketStatus.CLOSED || status == TicketStatus.CANCELLED ? at : null;
  }

  /** Past the regulator deadline and not closed by it. */
  public boolean overdue(Instant now) {
    Instant end = closedAt == null ? now : closedAt;
    return end.isAfter(regulatorDeadline);
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

  public Long getCategoryId() {
    return categoryId;
  }

  public Long getCustomerId() {
    return customerId;
  }

  public Long getOwningBranchId() {
    return owningBranchId;
  }

  public String getOwningBranchPath() {
    return owningBranchPath;
  }

  public TicketStatus getTicketStatus() {
    return ticketStatus;
  }

  public Severity getSeverity() {
    return severity;
  }

  public TaxonomyNode getTaxonomy() {
    return taxonomy;
  }

  public Channel getChannel() {
    return channel;
  }

  public BigDecimal getAmountDisputed() {
    return amountDisputed;
  }

  public String getCurrency() {
    return currency;
  }

  public Instant getRegulatorDeadline() {
    return regulatorDeadline;
  }

  public boolean isRepeatComplaint() {
    return repeatComplaint;
  }

  public String getRepeatOfTicketNo() {
    return repeatOfTicketNo;
  }

  public TaxonomyNode getRootCause() {
    return rootCause;
  }

  public String getCorrectiveAction() {
    return correctiveAction;
  }

  public String getResolutionBy() {
    return resolutionBy;
  }

  public Instant getResolutionAt() {
    return resolutionAt;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getClosedAt() {
    return closedAt;
  }
}
