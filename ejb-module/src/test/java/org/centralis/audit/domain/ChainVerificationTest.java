package org.centralis.audit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.centralis.audit.domain.ChainVerification.Result;
import org.centralis.testsupport.Entities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ChainVerificationTest {

  static final Instant T = Instant.parse("2026-11-23T01:00:00Z");
  static final AuditActor ACTOR = new AuditActor("agent01", "AGENT", 1150L, "10.0.0.7");

  /** A chain of n events and its head, as written by the application (ids 1001, 1002, ...). */
  static final class Chain {
    final AuditChainHead head = Entities.genesisHead();
    final List<AuditEvent> events = new ArrayList<>();

    Chain(int n) {
      for (int i = 1; i <= n; i++) {
        AuditEvent e = head.seal(new AuditEvent(T.plusSeconds(i), ACTOR, "ACTION_" + i, "TICKET", "T20261123-00000" + i,
            "before " + i, "after " + i));
        Entities.set(e, "id", 1000L + i);
        events.add(e);
      }
    }

    AuditEvent event(long seqNo) {
      return events.get((int) seqNo - 1);
    }

    Result verify() {
      ChainVerification v = new ChainVerification();
      v.check(events.iterator());
      return v.finish(head.getLastSeqNo(), head.getLastHash());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 5, 20})
  void anIntactChainVerifies(int n) {
    Chain chain = new Chain(n);
    ChainVerification v = new ChainVerification();

    assertTrue(v.check(chain.events.iterator()));
    assertEquals(n, v.lastVerifiedSeqNo());
    Result r = v.finish(chain.head.getLastSeqNo(), chain.head.getLastHash());

    assertTrue(r.intact());
    assertEquals(new Result(true, n, null, null, null), r);
  }

  @Test
  void anEmptyChainAtGenesisVerifies() {
    Chain chain = new Chain(0);
    ChainVerification v = new ChainVerification();
    assertTrue(v.check(Collections.emptyIterator()));
    assertEquals(new Result(true, 0, null, null, null), v.finish(0, AuditHash.GENESIS));
    assertEquals(0, chain.head.getLastSeqNo());
  }

  @ParameterizedTest(name = "{0} = {1}")
  @CsvSource({
    "action, ACTION_X",
    "afterSummary, after tampered",
    "beforeSummary, before 3!",
    "actorLogin, agent02",
    "actorRole, ADMIN",
    "clientIp, 10.0.0.8",
    "targetType, CUSTOMER",
    "targetId, T20261123-000004",
    "hash, 0000000000000000000000000000000000000000000000000000000000000001",
  })
  void anAlteredEventIsNamed(String field, String value) {
    Chain chain = new Chain(5);
    Entities.set(chain.event(3), field, value);
    ChainVerification v = new ChainVerification();

    assertFalse(v.check(chain.events.iterator()));
    Result r = v.finish(chain.head.getLastSeqNo(), chain.head.getLastHash());

    assertFalse(r.intact());
    assertEquals(new Result(false, 3, 3L, 1003L, "altered"), r);
    assertEquals(2, v.lastVerifiedSeqNo());
  }

  @Test
  void anAlteredTimeOrBranchIsNamed() {
    Chain chain = new Chain(5);
    Entities.set(chain.event(2), "occurredAt", T.plusSeconds(2).plusMillis(1));
    assertEquals(new Result(false, 2, 2L, 1002L, "altered"), chain.verify());

    Chain other = new Chain(5);
    Entities.set(other.event(5), "actorBranchId", 1000L);
    assertEquals(new Result(false, 5, 5L, 1005L, "altered"), other.verify());
  }

  @Test
  void aDeletedEventIsMissingAtItsSeqNo() {
    Chain chain = new Chain(5);
    chain.events.remove(2); // seq 3

    Result r = chain.verify();

    assertEquals(3L, r.brokenSeqNo());
    assertEquals("missing", r.reason());
    assertEquals(1004L, r.brokenEventId(), "the event found where seq 3 should be");
    assertEquals(3, r.eventsChecked());
  }

  @Test
  void aDeletedFirstEventIsMissingAtOne() {
    Chain chain = new Chain(3);
    chain.events.remove(0);
    assertEquals(new Result(false, 1, 1L, 1002L, "missing"), chain.verify());
  }

  @Test
  void aRehashedReplacementBreaksTheLinkOfTheNextEvent() {
    Chain chain = new Chain(5);
    AuditEvent original = chain.event(3);
    AuditEvent forged =
        new AuditEvent(3, original.getOccurredAt(), ACTOR, original.getAction(), original.getTargetType(),
            original.getTargetId(), original.getBeforeSummary(), "after 3, rewritten", original.getPrevHash());
    Entities.set(forged, "id", 1003L);
    chain.events.set(2, forged);

    Result r = chain.verify();

    assertEquals(new Result(false, 4, 4L, 1004L, "relinked"), r);
  }

  @Test
  void rewritingTheWholeTailIsCaughtByTheHead() {
    Chain chain = new Chain(5);
    // Forge event 4 and re-hash everything after it; only the head still holds the true last hash.
    String prev = chain.event(3).getHash();
    for (int seq = 4; seq <= 5; seq++) {
      AuditEvent o = chain.event(seq);
      AuditEvent forged = new AuditEvent(seq, o.getOccurredAt(), ACTOR, o.getAction(), o.getTargetType(),
          o.getTargetId(), o.getBeforeSummary(), "forged " + seq, prev);
      chain.events.set(seq - 1, forged);
      prev = forged.getHash();
    }

    Result r = chain.verify();

    assertFalse(r.intact());
    assertEquals(6L, r.brokenSeqNo());
  }

  @Test
  void aRemovedTailIsTruncated() {
    Chain chain = new Chain(5);
    ChainVerification v = new ChainVerification();

    assertTrue(v.check(chain.events.subList(0, 3).iterator()));
    Result r = v.finish(chain.head.getLastSeqNo(), chain.head.getLastHash());

    assertEquals(new Result(false, 3, 4L, null, "truncated"), r);
  }

  @Test
  void aHeadThatDoesNotMatchTheLastEventIsTruncatedEvenAtTheSameSeqNo() {
    Chain chain = new Chain(3);
    ChainVerification v = new ChainVerification();
    v.check(chain.events.iterator());
    assertEquals(new Result(false, 3, 4L, null, "truncated"), v.finish(3, "ab".repeat(32)));
  }

  @Test
  void aHeadPointingFurtherWithTheLastEventsHashIsTruncated() {
    // The head row itself tampered: right hash, sequence number beyond the last event.
    Chain chain = new Chain(3);
    ChainVerification v = new ChainVerification();
    v.check(chain.events.iterator());
    assertEquals(new Result(false, 3, 4L, null, "truncated"), v.finish(5, chain.event(3).getHash()));
  }

  @Test
  void batchesGiveTheSameResultAsOneWalk() {
    Chain chain = new Chain(10);
    ChainVerification v = new ChainVerification();

    assertTrue(v.check(chain.events.subList(0, 3).iterator()));
    assertEquals(3, v.lastVerifiedSeqNo());
    assertTrue(v.check(Collections.emptyIterator()));
    assertTrue(v.check(chain.events.subList(3, 7).iterator()));
    assertTrue(v.check(chain.events.subList(7, 10).iterator()));

    assertEquals(chain.verify(), v.finish(chain.head.getLastSeqNo(), chain.head.getLastHash()));
    assertEquals(new Result(true, 10, null, null, null), chain.verify());
  }

  @Test
  void batchesFindTheSameBreakAndStopThere() {
    Chain chain = new Chain(10);
    Entities.set(chain.event(6), "afterSummary", "after tampered");
    ChainVerification v = new ChainVerification();

    assertTrue(v.check(chain.events.subList(0, 4).iterator()));
    assertFalse(v.check(chain.events.subList(4, 8).iterator()), "the batch holding seq 6");
    assertFalse(v.check(chain.events.subList(8, 10).iterator()), "stays broken, checks nothing more");

    Result r = v.finish(chain.head.getLastSeqNo(), chain.head.getLastHash());
    assertEquals(new Result(false, 6, 6L, 1006L, "altered"), r);
    assertEquals(chain.verify(), r);
  }

  @Test
  void theFirstBreakWins() {
    Chain chain = new Chain(6);
    Entities.set(chain.event(2), "action", "ACTION_X");
    chain.events.remove(4); // seq 5
    Result r = chain.verify();
    assertEquals(2L, r.brokenSeqNo());
    assertEquals("altered", r.reason());
    assertNull(new Chain(2).verify().reason());
  }
}
