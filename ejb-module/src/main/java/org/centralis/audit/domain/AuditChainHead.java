package org.centralis.audit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The end of the chain: the last sequence number and hash. Appenders lock this single row, which
 * orders all appends; verification compares it with the last event to detect a truncated tail.
 */
@Entity
@Table(name = "AUDIT_CHAIN_HEAD")
public class AuditChainHead {

  public static final long ID = 1;

  @Id private Long id;

  @Column(name = "LAST_SEQ_NO")
  private long lastSeqNo;

  @Column(name = "LAST_HASH")
  private String lastHash;

  protected AuditChainHead() {}

  /** Appends the next event after the current head and moves the head to it. */
  public AuditEvent append(
      java.time.Instant now,
      AuditActor actor,
      String action,
      String targetType,
      String targetId,
      String before,
      String after) {
    AuditEvent event =
        new AuditEvent(lastSeqNo + 1, now, actor, action, targetType, targetId, before, after, lastHash);
    lastSeqNo = event.getSeqNo();
    lastHash = event.getHash();
    return event;
  }

  public long getLastSeqNo() {
    return lastSeqNo;
  }

  public String getLastHash() {
    return lastHash;
  }
}
