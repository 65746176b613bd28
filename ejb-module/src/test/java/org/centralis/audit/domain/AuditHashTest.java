package org.centralis.audit.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AuditHashTest {

  static final Instant AT = Instant.parse("2026-11-23T01:15:30.123Z");
  static final AuditActor AGENT = new AuditActor("agent01", "AGENT", 1150L, "10.0.0.7");
  static final String PREV = "ab".repeat(32);

  static AuditEvent base() {
    return new AuditEvent(
        1, AT, AGENT, "TICKET_LOGGED", "TICKET", "T20261123-000123", null, "status NEW", AuditHash.GENESIS);
  }

  static String sha256(String s) throws Exception {
    return HexFormat.of()
        .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void isSha256OverTheLengthPrefixedFields() throws Exception {
    String canonical =
        "1:1;"
            + "24:2026-11-23T01:15:30.123Z;"
            + "7:agent01;"
            + "5:AGENT;"
            + "4:1150;"
            + "8:10.0.0.7;"
            + "13:TICKET_LOGGED;"
            + "6:TICKET;"
            + "16:T20261123-000123;"
            + "-1:;"
            + "10:status NEW;"
            + "64:0000000000000000000000000000000000000000000000000000000000000000;";
    AuditEvent e = base();
    assertEquals(sha256(canonical), e.getHash());
    assertEquals(e.getHash(), AuditHash.of(e));
    assertTrue(e.getHash().matches("[0-9a-f]{64}"), e.getHash());
  }

  @Test
  void isDeterministic() {
    assertEquals(base().getHash(), base().getHash());
    AuditEvent e = base();
    assertEquals(AuditHash.of(e), AuditHash.of(e));
  }

  @Test
  void genesisIsSixtyFourZeros() {
    assertEquals("0000000000000000000000000000000000000000000000000000000000000000", AuditHash.GENESIS);
  }

  static Stream<Arguments> singleFieldChanges() {
    return Stream.of(
        Arguments.of("seqNo", new AuditEvent(2, AT, AGENT, "TICKET_LOGGED", "TICKET", "T20261123-000123", null,
            "status NEW", AuditHash.GENESIS)),
        Arguments.of("occurredAt", new AuditEvent(1, AT.plusMillis(1), AGENT, "TICKET_LOGGED", "TICKET",
            "T20261123-000123", null, "status NEW", AuditHash.GENESIS)),
        Arguments.of("actor login", new AuditEvent(1, AT, new AuditActor("agent02", "AGENT", 1150L, "10.0.0.7"),
            "TICKET_LOGGED", "TICKET", "T20261123-000123", null, "status NEW", AuditHash.GENESIS)),
        Arguments.of("actor role", new AuditEvent(1, AT, new AuditActor("agent01", "SUPERVISOR", 1150L, "10.0.0.7"),
            "TICKET_LOGGED", "TICKET", "T20261123-000123", null, "status NEW", AuditHash.GENESIS)),
        Arguments.of("actor branch", new AuditEvent(1, AT, new AuditActor("agent01", "AGENT", 1100L, "10.0.0.7"),
            "TICKET_LOGGED", "TICKET", "T20261123-000123", null, "status NEW", AuditHash.GENESIS)),
        Arguments.of("actor branch null", new AuditEvent(1, AT, new AuditActor("agent01", "AGENT", null, "10.0.0.7"),
            "TICKET_LOGGED", "TICKET", "T20261123-000123", null, "status NEW", AuditHash.GENESIS)),
        Arguments.of("client ip", new AuditEvent(1, AT, new AuditActor("agent01", "AGENT", 1150L, "10.0.0.8"),
            "TICKET_LOGGED", "TICKET", "T20261123-000123", null, "status NEW", AuditHash.GENESIS)),
        Arguments.of("action", new AuditEvent(1, AT, AGENT, "TICKET_DISPATCHED", "TICKET", "T20261123-000123", null,
            "status NEW", AuditHash.GENESIS)),
        Arguments.of("target type", new AuditEvent(1, AT, AGENT, "TICKET_LOGGED", "CUSTOMER", "T20261123-000123",
            null, "status NEW", AuditHash.GENESIS)),
        Arguments.of("target id", new AuditEvent(1, AT, AGENT, "TICKET_LOGGED", "TICKET", "T20261123-000124", null,
            "status NEW", AuditHash.GENESIS)),
        Arguments.of("before", new AuditEvent(1, AT, AGENT, "TICKET_LOGGED", "TICKET", "T20261123-000123",
            "status NEW", "status NEW", AuditHash.GENESIS)),
        Arguments.of("after", new AuditEvent(1, AT, AGENT, "TICKET_LOGGED", "TICKET", "T20261123-000123", null,
            "status NEW ", AuditHash.GENESIS)),
        Arguments.of("after null", new AuditEvent(1, AT, AGENT, "TICKET_LOGGED", "TICKET", "T20261123-000123", null,
            null, AuditHash.GENESIS)),
        Arguments.of("prevHash", new AuditEvent(1, AT, AGENT, "TICKET_LOGGED", "TICKET", "T20261123-000123", null,
            "status NEW", PREV)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("singleFieldChanges")
  void changesWhenAnySingleFieldChanges(String field, AuditEvent changed) {
    assertNotEquals(base().getHash(), changed.getHash(), field);
    assertEquals(AuditHash.of(changed), changed.getHash());
  }

  @Test
  void everySingleFieldChangeGivesItsOwnHash() {
    Set<String> hashes = new HashSet<>();
    hashes.add(base().getHash());
    singleFieldChanges().forEach(a -> hashes.add(((AuditEvent) a.get()[1]).getHash()));
    assertEquals(15, hashes.size());
  }

  @Test
  void movingCharactersBetweenFieldsChangesTheHash() {
    AuditEvent abC = new AuditEvent(1, AT, AGENT, "X", "ab", "c", null, null, AuditHash.GENESIS);
    AuditEvent aBc = new AuditEvent(1, AT, AGENT, "X", "a", "bc", null, null, AuditHash.GENESIS);
    assertNotEquals(abC.getHash(), aBc.getHash());

    AuditEvent summaries1 = new AuditEvent(1, AT, AGENT, "X", "T", "1", "ab", "c", AuditHash.GENESIS);
    AuditEvent summaries2 = new AuditEvent(1, AT, AGENT, "X", "T", "1", "a", "bc", AuditHash.GENESIS);
    assertNotEquals(summaries1.getHash(), summaries2.getHash());

    // Also across the actor fields.
    AuditEvent login1 = new AuditEvent(1, AT, new AuditActor("ab", "c", null, null), "X", null, null, null, null,
        AuditHash.GENESIS);
    AuditEvent login2 = new AuditEvent(1, AT, new AuditActor("a", "bc", null, null), "X", null, null, null, null,
        AuditHash.GENESIS);
    assertNotEquals(login1.getHash(), login2.getHash());

    // Separators alone would not do: the values may contain them.
    AuditEvent semicolon1 = new AuditEvent(1, AT, AGENT, "X", "a;b", "c", null, null, AuditHash.GENESIS);
    AuditEvent semicolon2 = new AuditEvent(1, AT, AGENT, "X", "a", "b;c", null, null, AuditHash.GENESIS);
    assertNotEquals(semicolon1.getHash(), semicolon2.getHash());
    AuditEvent prefixLike1 = new AuditEvent(1, AT, AGENT, "X", "a;1:b", null, null, null, AuditHash.GENESIS);
    AuditEvent prefixLike2 = new AuditEvent(1, AT, AGENT, "X", "a", "b", null, null, AuditHash.GENESIS);
    assertNotEquals(prefixLike1.getHash(), prefixLike2.getHash());
  }

  @Test
  void emptyTextIsSealedAsNullBecauseOracleStoresItSo() {
    AuditEvent empty = new AuditEvent(1, AT, new AuditActor("agent01", "", 1150L, ""), "X", "", "", "", "", AuditHash.GENESIS);
    AuditEvent nulls = new AuditEvent(1, AT, new AuditActor("agent01", null, 1150L, null), "X", null, null, null, null, AuditHash.GENESIS);
    assertEquals(nulls.getHash(), empty.getHash());
    assertNull(empty.getTargetId());
    assertNull(empty.getBeforeSummary());
  }

  @Test
  void timeIsHashedToTheMillisecondAsStored() {
    AuditEvent nanos =
        new AuditEvent(1, Instant.parse("2026-11-23T01:15:30.123456789Z"), AGENT, "TICKET_LOGGED", "TICKET",
            "T20261123-000123", null, "status NEW", AuditHash.GENESIS);
    assertEquals(AT, nanos.getOccurredAt());
    assertEquals(base().getHash(), nanos.getHash());
  }

  @Test
  void longSummariesAreCutTo1000CharactersBeforeHashing() {
    String longText = "x".repeat(1500);
    AuditEvent e = new AuditEvent(1, AT, AGENT, "X", "T", "1", longText, "y".repeat(1000), AuditHash.GENESIS);
    assertEquals(1000, e.getBeforeSummary().length());
    assertEquals("x".repeat(999) + "…", e.getBeforeSummary());
    assertEquals("y".repeat(1000), e.getAfterSummary(), "exactly 1000 is kept");
    assertEquals(AuditHash.of(e), e.getHash());
  }
}
