package org.centralis.audit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One record of the audit trail. It is written in the transaction of the action it records, unsealed (no sequence
 * number, no hashes), and sealed into the chain once, shortly after that transaction commits, by {@link
 * AuditChainHead#seal}; after that it never changes. Invariants of sealed events: {@code seqNo} has no gaps; {@code
 * hash} is {@link AuditHash} over the content and {@code prevHash}, which is the hash of the event with the previous
 * sequence number.
 */
@Entity
@Table(name = "AUDIT_EVENT")
@NamedQuery(
    name = "AuditEvent.findAfterSeqNo",
    query = "SELECT e FROM AuditEvent e WHERE e.seqNo > :after ORDER BY e.seqNo")
@NamedQuery(name = "AuditEvent.findUnsealed", query = "SELECT e FROM AuditEvent e WHERE e.seqNo IS NULL ORDER BY e.id")
public class AuditEvent {

  @Id
  @SequenceGenerator(name = "AUDIT_EVENT_SEQ", sequenceName = "AUDIT_EVENT_SEQ", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "AUDIT_EVENT_SEQ")
  private Long id;

  @Column(name = "SEQ_NO")
  private Long seqNo;

  @Column(name = "OCCURRED_AT")
  private Instant occurredAt;

  @Column(name = "ACTOR_LOGIN")
  private String actorLogin;

  @Column(name = "ACTOR_ROLE")
  private String actorRole;

  @Column(name = "ACTOR_BRANCH_ID")
  private Long actorBranchId;

  @Column(name = "CLIENT_IP")
  private String clientIp;

  private String action;

  @Column(name = "TARGET_TYPE")
  private String targetType;

  @Column(name = "TARGET_ID")
  private String targetId;

  @Column(name = "BEFORE_SUMMARY")
  private String beforeSummary;

  @Column(name = "AFTER_SUMMARY")
  private String afterSummary;

  @Column(name = "PREV_HASH")
  private String prevHash;

  private String hash;

  protected AuditEvent() {}

  /** Records an action; the event joins the chain when {@link AuditChainHead#seal} seals it. */
  public AuditEvent(
      Instant occurredAt,
      AuditActor actor,
      String action,
      String targetType,
      String targetId,
      String beforeSummary,
      String afterSummary) {
    // Stored with millisecond precision so that the hash recomputed from the database matches.
    this.occurredAt = occurredAt.truncatedTo(ChronoUnit.MILLIS);
    this.actorLogin = actor.login();
    this.actorRole = blankToNull(actor.role());
    this.actorBranchId = actor.branchId();
    this.clientIp = blankToNull(actor.clientIp());
    this.action = action;
    this.targetType = blankToNull(targetType);
    this.targetId = blankToNull(targetId);
    this.beforeSummary = blankToNull(truncate(beforeSummary));
    this.afterSummary = blankToNull(truncate(afterSummary));
  }

  /** A sealed event in one step: for tests that build chains (and forgeries) by hand. */
  AuditEvent(long seqNo, Instant occurredAt, AuditActor actor, String action, String targetType, String targetId,
      String beforeSummary, String afterSummary, String prevHash) {
    this(occurredAt, actor, action, targetType, targetId, beforeSummary, afterSummary);
    seal(seqNo, prevHash);
  }

  /** Gives the event its place in the chain, once. */
  void seal(long seqNo, String prevHash) {
    if (isSealed()) {
      throw new IllegalStateException("audit event " + id + " is already sealed at " + this.seqNo);
    }
    this.seqNo = seqNo;
    this.prevHash = prevHash;
    this.hash = AuditHash.of(this);
  }

  public boolean isSealed() {
    return seqNo != null;
  }

  /**
   * Oracle stores an empty string as NULL: the hash must be computed over what the database will
   * give back, or the event would read as altered.
   */
  private static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  private static String truncate(String s) {
    return s == null || s.length() <= 1000 ? s : s.substring(0, 999) + "…";
  }

  public Long getId() {
    return id;
  }

  /** The position in the chain; null until sealed. */
  public Long getSeqNo() {
    return seqNo;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public String getActorLogin() {
    return actorLogin;
  }

  public String getActorRole() {
    return actorRole;
  }

  public Long getActorBranchId() {
    return actorBranchId;
  }

  public String getClientIp() {
    return clientIp;
  }

  public String getAction() {
    return action;
  }

  public String getTargetType() {
    return targetType;
  }

  public String getTargetId() {
    return targetId;
  }

  public String getBeforeSummary() {
    return beforeSummary;
  }

  public String getAfterSummary() {
    return afterSummary;
  }

  public String getPrevHash() {
    return prevHash;
  }

  public String getHash() {
    return hash;
  }
}
