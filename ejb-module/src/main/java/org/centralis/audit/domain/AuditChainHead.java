package org.centralis.audit.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The end of the chain: the last sequence number and hash. The sealer locks this single row, which orders all
 * seals across nodes; verification compares it with the last event to detect a truncated tail.
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

  /** Seals {@code event} as the next one after the current head and moves the head to it. */
  public AuditEvent seal(AuditEvent event) {
    event.seal(lastSeqNo + 1, lastHash);
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
