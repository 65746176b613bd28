package org.centralis.audit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import org.centralis.testsupport.Entities;
import org.junit.jupiter.api.Test;

class AuditChainHeadTest {

  static final Instant T = Instant.parse("2026-11-23T01:15:30Z");
  static final AuditActor ACTOR = new AuditActor("supervisor01", "SUPERVISOR", 1100L, "10.0.0.9");

  @Test
  void theFirstEventFollowsGenesis() {
    AuditChainHead head = Entities.genesisHead();

    AuditEvent first = head.seal(new AuditEvent(T, ACTOR, "LOGIN_SUCCEEDED", "STAFF", "supervisor01", null, null));

    assertEquals(1, first.getSeqNo());
    assertEquals("0".repeat(64), first.getPrevHash());
    assertEquals(AuditHash.of(first), first.getHash());
    assertEquals(1, head.getLastSeqNo());
    assertEquals(first.getHash(), head.getLastHash());
  }

  @Test
  void eachEventLinksToThePreviousOne() {
    AuditChainHead head = Entities.genesisHead();

    AuditEvent e1 = head.seal(new AuditEvent(T, ACTOR, "LOGIN_SUCCEEDED", "STAFF", "supervisor01", null, null));
    AuditEvent e2 = head.seal(new AuditEvent(T.plusSeconds(5), ACTOR, "TICKET_DISPATCHED", "TICKET", "T20261123-000123",
        "NEW", "DISPATCHED to 31"));
    AuditEvent e3 = head.seal(new AuditEvent(T.plusSeconds(9), ACTOR, "CUSTOMER_VIEWED", "CUSTOMER", "C0001", null, null));

    assertEquals(2, e2.getSeqNo());
    assertEquals(3, e3.getSeqNo());
    assertEquals(e1.getHash(), e2.getPrevHash());
    assertEquals(e2.getHash(), e3.getPrevHash());
    assertEquals(3, head.getLastSeqNo());
    assertEquals(e3.getHash(), head.getLastHash());
    assertNotEquals(e1.getHash(), e2.getHash());
  }

  @Test
  void anEventCarriesTheContentItRecords() {
    AuditChainHead head = Entities.genesisHead();

    AuditEvent e = head.seal(new AuditEvent(Instant.parse("2026-11-23T01:15:30.123999Z"), ACTOR, "TICKET_DISPATCHED", "TICKET",
        "T20261123-000123", "NEW", "DISPATCHED to 31"));

    assertEquals(Instant.parse("2026-11-23T01:15:30.123Z"), e.getOccurredAt());
    assertEquals("supervisor01", e.getActorLogin());
    assertEquals("SUPERVISOR", e.getActorRole());
    assertEquals(1100L, e.getActorBranchId());
    assertEquals("10.0.0.9", e.getClientIp());
    assertEquals("TICKET_DISPATCHED", e.getAction());
    assertEquals("TICKET", e.getTargetType());
    assertEquals("T20261123-000123", e.getTargetId());
    assertEquals("NEW", e.getBeforeSummary());
    assertEquals("DISPATCHED to 31", e.getAfterSummary());
    assertNull(e.getId(), "the id is the database's");
  }

  @Test
  void continuesFromAnExistingHead() {
    AuditChainHead head = Entities.genesisHead();
    Entities.set(head, "lastSeqNo", 41L);
    Entities.set(head, "lastHash", "ab".repeat(32));

    AuditEvent e = head.seal(new AuditEvent(T, ACTOR, "X", null, null, null, null));

    assertEquals(42, e.getSeqNo());
    assertEquals("ab".repeat(32), e.getPrevHash());
    assertEquals(42, head.getLastSeqNo());
  }

  @Test
  void anEventIsOutsideTheChainUntilSealed() {
    AuditEvent e = new AuditEvent(T, ACTOR, "CUSTOMER_VIEWED", "CUSTOMER", "C0001", null, null);

    assertFalse(e.isSealed());
    assertNull(e.getSeqNo());
    assertNull(e.getPrevHash());
    assertNull(e.getHash());
  }

  @Test
  void theChainOrderIsTheSealOrderNotTheTimeOrder() {
    // A transaction that began earlier may commit later: its event joins the chain after the ones sealed before it.
    AuditChainHead head = Entities.genesisHead();
    AuditEvent late = new AuditEvent(T, ACTOR, "A", null, null, null, null);
    AuditEvent early = head.seal(new AuditEvent(T.plusSeconds(3), ACTOR, "B", null, null, null, null));
    head.seal(late);

    assertEquals(1, early.getSeqNo());
    assertEquals(2, late.getSeqNo());
    assertEquals(early.getHash(), late.getPrevHash());
    assertEquals(AuditHash.of(late), late.getHash());
  }

  @Test
  void anEventIsSealedOnce() {
    AuditChainHead head = Entities.genesisHead();
    AuditEvent e = head.seal(new AuditEvent(T, ACTOR, "A", null, null, null, null));

    assertThrows(IllegalStateException.class, () -> head.seal(e));
    assertEquals(1, head.getLastSeqNo(), "the head did not move");
    assertEquals(e.getHash(), head.getLastHash());
  }
}
