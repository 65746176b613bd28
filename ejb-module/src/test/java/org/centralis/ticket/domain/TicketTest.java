package org.centralis.ticket.domain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.centralis.shared.domain.ConflictException;
import org.centralis.shared.domain.InvalidInputException;
import org.centralis.testsupport.Entities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TicketTest {

  static final Instant T0 = Instant.parse("2026-11-23T01:15:30.123Z");
  static final Instant T1 = Instant.parse("2026-11-23T01:20:00Z");
  static final Instant T2 = Instant.parse("2026-11-23T02:00:00Z");

  static final TicketCategory CARDS =
      Entities.category(200, "COMPLAINT_CARD", TicketType.COMPLAINT, "银行卡投诉", "Card complaints", null);
  static final TicketCategory FEES =
      Entities.category(210, "COMPLAINT_CARD_FEE", TicketType.COMPLAINT, "卡费投诉", "Card fee complaints", CARDS);

  static Ticket newTicket() {
    return Ticket.log(
        TicketNumber.of(LocalDate.of(2026, 11, 23), 123),
        FEES,
        Priority.HIGH,
        Channel.PHONE,
        "Annual fee charged twice",
        "The customer was charged the annual fee twice in November.",
        5001L,
        1150L,
        "/1000/1050/1100/1150/",
        77L,
        "agent01",
        T0);
  }

  static void assertStatusIsLastEvent(Ticket t) {
    List<TicketEvent> events = t.getEvents();
    assertEquals(t.getStatus(), events.get(events.size() - 1).getToStatus());
  }

  @Test
  void logCreatesANewTicketWithOneCreatedEvent() {
    Ticket t = newTicket();

    assertEquals(new TicketNumber("T20261123-000123"), t.getNumber());
    assertEquals(TicketStatus.NEW, t.getStatus());
    assertEquals(TicketType.COMPLAINT, t.getType(), "type comes from the category");
    assertSame(FEES, t.getCategory());
    assertEquals(Priority.HIGH, t.getPriority());
    assertEquals(Channel.PHONE, t.getChannel());
    assertEquals("Annual fee charged twice", t.getSubject());
    assertEquals("The customer was charged the annual fee twice in November.", t.getDescription());
    assertEquals(5001L, t.getCustomerId());
    assertEquals(1150L, t.getOwningBranchId());
    assertEquals("/1000/1050/1100/1150/", t.getOwningBranchPath());
    assertEquals(77L, t.getCreatedById());
    assertEquals(T0, t.getCreatedAt());
    assertEquals(T0, t.getUpdatedAt());
    assertNull(t.getAssignedTeamId());
    assertNull(t.getAssigneeId());
    assertNull(t.getDispatchedAt());
    assertNull(t.getClosedAt());

    List<TicketEvent> events = t.getEvents();
    assertEquals(1, events.size());
    TicketEvent created = events.get(0);
    assertEquals(1, created.getSeqNo());
    assertEquals(TicketEventKind.CREATED, created.getKind());
    assertEquals("agent01", created.getActorLogin());
    assertNull(created.getFromStatus());
    assertEquals(TicketStatus.NEW, created.getToStatus());
    assertEquals(T0, created.getOccurredAt());
    assertNull(created.getTeamId());
    assertNull(created.getDetail());
    assertStatusIsLastEvent(t);
  }

  @Test
  void eventTimesAreKeptToTheMillisecond() {
    Instant withNanos = Instant.parse("2026-11-23T01:15:30.123456789Z");
    Ticket t =
        Ticket.log(TicketNumber.of(LocalDate.of(2026, 11, 23), 1), CARDS, Priority.LOW, Channel.WEB, "s", "d", 1L,
            1000L, "/1000/", 1L, "agent01", withNanos);
    assertEquals(Instant.parse("2026-11-23T01:15:30.123Z"), t.getEvents().get(0).getOccurredAt());
  }

  @Test
  void dispatchMovesToDispatchedAndRecordsIt() {
    Ticket t = newTicket();

    TicketEvent e = t.dispatchTo(31L, "dispatcher01", "rule: card fee complaints", T1);

    assertEquals(TicketStatus.DISPATCHED, t.getStatus());
    assertEquals(31L, t.getAssignedTeamId());
    assertNull(t.getAssigneeId());
    assertEquals(T1, t.getDispatchedAt());
    assertEquals(T1, t.getUpdatedAt());
    assertEquals(T0, t.getCreatedAt(), "creation time never changes");
    assertEquals(1150L, t.getOwningBranchId(), "owning branch never changes");

    List<TicketEvent> events = t.getEvents();
    assertEquals(2, events.size());
    assertSame(e, events.get(1));
    assertEquals(2, e.getSeqNo());
    assertEquals(TicketEventKind.DISPATCHED, e.getKind());
    assertEquals(TicketStatus.NEW, e.getFromStatus());
    assertEquals(TicketStatus.DISPATCHED, e.getToStatus());
    assertEquals(31L, e.getTeamId());
    assertEquals("rule: card fee complaints", e.getDetail());
    assertEquals("dispatcher01", e.getActorLogin());
    assertEquals(T1, e.getOccurredAt());
    assertStatusIsLastEvent(t);
  }

  @Test
  void aDispatchedTicketCanBeRedispatched() {
    Ticket t = newTicket();
    t.dispatchTo(31L, "dispatcher01", "first", T1);

    TicketEvent e = t.dispatchTo(42L, "supervisor01", "wrong team", T2);

    assertEquals(TicketStatus.DISPATCHED, t.getStatus());
    assertEquals(42L, t.getAssignedTeamId());
    assertEquals(T2, t.getDispatchedAt());
    assertEquals(T2, t.getUpdatedAt());
    assertEquals(3, t.getEvents().size());
    assertEquals(3, e.getSeqNo());
    assertEquals(TicketStatus.DISPATCHED, e.getFromStatus());
    assertEquals(TicketStatus.DISPATCHED, e.getToStatus());
    assertEquals(42L, e.getTeamId());
    assertEquals("wrong team", e.getDetail());
    assertEquals(List.of(1, 2, 3), t.getEvents().stream().map(TicketEvent::getSeqNo).toList());
    assertStatusIsLastEvent(t);
  }

  /** The statuses the table does not let go to DISPATCHED; only reachable here by forcing the field. */
  @ParameterizedTest
  @EnumSource(
      value = TicketStatus.class,
      names = {"PENDING_CUSTOMER", "RESOLVED", "CLOSED", "CANCELLED"})
  void dispatchIsRefusedFromStatusesThatCannotMoveToDispatched(TicketStatus current) {
    Ticket t = newTicket();
    Entities.set(t, "status", current);

    ConflictException e = assertThrows(ConflictException.class, () -> t.dispatchTo(31L, "dispatcher01", "x", T1));

    assertEquals("ticket-transition", e.code());
    assertArrayEquals(new Object[] {current, TicketStatus.DISPATCHED}, e.arguments());
    assertEquals(current, t.getStatus(), "status unchanged");
    assertEquals(1, t.getEvents().size(), "no event appended");
    assertNull(t.getAssignedTeamId());
    assertNull(t.getDispatchedAt());
    assertEquals(T0, t.getUpdatedAt());
  }

  @ParameterizedTest
  @EnumSource(
      value = TicketStatus.class,
      names = {"NEW", "DISPATCHED", "ACCEPTED", "IN_PROGRESS", "REJECTED", "RETURNED", "REOPENED"})
  void dispatchIsAllowedFromStatusesThatCanMoveToDispatched(TicketStatus current) {
    Ticket t = newTicket();
    Entities.set(t, "status", current);

    TicketEvent e = t.dispatchTo(31L, "dispatcher01", "x", T1);

    assertEquals(TicketStatus.DISPATCHED, t.getStatus());
    assertEquals(current, e.getFromStatus());
    assertStatusIsLastEvent(t);
  }

  @Test
  void theTimelineCannotBeChangedFromOutside() {
    Ticket t = newTicket();
    assertThrows(UnsupportedOperationException.class, () -> t.getEvents().clear());
    assertEquals(1, t.getEvents().size());
  }

  @Test
  void reclassifyChangesCategoryAndPriorityKeepsTheStatusAndSaysWhatChangedAndWhy() {
    Ticket t = newTicket();
    t.dispatchTo(9L, "SYSTEM", null, T1);
    TicketEvent e = t.reclassify(CARDS, Priority.URGENT, "care1", "客户补充：疑似盗刷", T2);

    assertSame(CARDS, t.getCategory());
    assertEquals(Priority.URGENT, t.getPriority());
    assertEquals(TicketStatus.DISPATCHED, t.getStatus());
    assertEquals(Long.valueOf(9L), t.getAssignedTeamId(), "the team stays");
    assertEquals(TicketEventKind.RECLASSIFIED, e.getKind());
    assertEquals("category COMPLAINT_CARD_FEE→COMPLAINT_CARD; priority HIGH→URGENT: 客户补充：疑似盗刷", e.getDetail());
    assertStatusIsLastEvent(t);
    assertEquals(T2, t.getUpdatedAt());

    TicketEvent priorityOnly = t.reclassify(null, Priority.NORMAL, "care1", "核实后非盗刷", T2);
    assertEquals("priority URGENT→NORMAL: 核实后非盗刷", priorityOnly.getDetail());
    assertSame(CARDS, t.getCategory());
  }

  @Test
  void reclassifyRefusesAnotherTypeNoChangeNoReasonAndFinishedTickets() {
    Ticket t = newTicket();
    TicketCategory inquiry = Entities.category(300, "INQUIRY_CARD", TicketType.INQUIRY, "银行卡咨询", "Card inquiries", null);
    assertEquals("category-type-mismatch",
        assertThrows(InvalidInputException.class, () -> t.reclassify(inquiry, null, "care1", "r", T1)).code());
    assertEquals("nothing-to-change",
        assertThrows(InvalidInputException.class, () -> t.reclassify(FEES, Priority.HIGH, "care1", "r", T1)).code());
    assertEquals("reason-required",
        assertThrows(InvalidInputException.class, () -> t.reclassify(CARDS, null, "care1", " ", T1)).code());
    assertSame(FEES, t.getCategory(), "nothing changed by a refused reclassification");
    t.cancel("care1", "duplicate", T1);
    assertThrows(ConflictException.class, () -> t.reclassify(CARDS, null, "care1", "r", T2));
  }
}
