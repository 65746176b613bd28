package org.centralis.audit.domain;

import java.util.Iterator;

/**
 * Walks the chain in sequence order and names the first event that breaks it: a content change
 * (its hash no longer matches), a removed event (a gap in the sequence), a re-linked event (its
 * previous hash is not its predecessor's hash) or a removed tail (the head points past the end).
 */
public final class ChainVerification {

  /** The outcome: when not intact, the first broken sequence number, its event id and why. */
  public record Result(boolean intact, long eventsChecked, Long brokenSeqNo, Long brokenEventId, String reason) {}

  private long expectedSeqNo = 1;
  private String expectedPrevHash = AuditHash.GENESIS;
  private long checked;
  private Result failure;

  /** Checks the next batch; returns false once a break was found (stop feeding). */
  public boolean check(Iterator<AuditEvent> events) {
    while (failure == null && events.hasNext()) {
      AuditEvent e = events.next();
      checked++;
      if (e.getSeqNo() != expectedSeqNo) {
        failure = broken(expectedSeqNo, e.getId(), "missing");
      } else if (!e.getPrevHash().equals(expectedPrevHash)) {
        failure = broken(e.getSeqNo(), e.getId(), "relinked");
      } else if (!AuditHash.of(e).equals(e.getHash())) {
        failure = broken(e.getSeqNo(), e.getId(), "altered");
      } else {
        expectedSeqNo++;
        expectedPrevHash = e.getHash();
      }
    }
    return failure == null;
  }

  public long lastVerifiedSeqNo() {
    return expectedSeqNo - 1;
  }

  /** Ends the walk by comparing with the chain head. */
  public Result finish(long headSeqNo, String headHash) {
    if (failure != null) {
      return failure;
    }
    if (headSeqNo != lastVerifiedSeqNo() || !headHash.equals(expectedPrevHash)) {
      return broken(lastVerifiedSeqNo() + 1, null, "truncated");
    }
    return new Result(true, checked, null, null, null);
  }

  private Result broken(long seqNo, Long id, String reason) {
    return new Result(false, checked, seqNo, id, reason);
  }
}
