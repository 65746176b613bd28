package org.centralis.ticket.domain;

import static org.centralis.ticket.domain.TicketTest.T0;
import static org.centralis.ticket.domain.TicketTest.T1;
import static org.centralis.ticket.domain.TicketTest.T2;
import static org.centralis.ticket.domain.TicketTest.newTicket;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.centralis.shared.domain.ConflictException;
import org.centralis.shared.domain.InvalidInputException;
import org.centralis.testsupport.Entities;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The lifecycle actions after dispatch: each moves the status and appends exactly one event. */
class TicketLifecycleTest {

  static final Instant T3 = Instant.parse("2026-11-23T03:00:00Z");
  static final Instant T4 = Instant.parse("2026-11-23T04:00:00Z");
  static final long TEAM = 31L;

  static Ticket dispatched() {
    Ticket t = newTicket();
    t.dispatchTo(TEAM, "system", "rule", T1);
    return t;
  }

  static Ticket inStatus(TicketStatus status) {
    Ticket t = dispatched();
    Entities.set(t, "status", status);
    return t;
  }

  /** The status equals the last status-changing entry of the timeline (comments change none). */
  static void assertStatusIsLastStatusEvent(Ticket t) {
    List<TicketEvent> changes = t.getEvents().stream().filter(e -> e.getToStatus() != null).toList();
    assertEquals(t.getStatus(), changes.get(changes.size() - 1).getToStatus());
  }

  static void assertEvent(TicketEvent e, TicketEventKind kind, TicketStatus from, TicketStatus to, String actor, String detail) {
    assertEquals(kind, e.getKind());
    assertEquals(from, e.getFromStatus());
    assertEquals(to, e.getToStatus());
    assertEquals(actor, e.getActorLogin());
    assertEquals(detail, e.getDetail());
  }

  @Test
  void acceptMakesTheMemberTheAssignee() {
    Ticket t = dispatched();

    TicketEvent e = t.accept(501L, "care1", T2);

    assertEquals(TicketStatus.ACCEPTED, t.getStatus());
    assertEquals(501L, t.getAssigneeId());
    assertEquals(TEAM, t.getAssignedTeamId(), "the team keeps it");
    assertEquals(T2, t.getUpdatedAt());
    assertEvent(e, TicketEventKind.ACCEPTED, TicketStatus.DISPATCHED, TicketStatus.ACCEPTED, "care1", null);
    assertEquals(TEAM, e.getTeamId());
    assertEquals(3, e.getSeqNo());
    assertStatusIsLastStatusEvent(t);
  }

  @Test
  void rejectSendsTheTicketBackToTheDispatcherWithTheReason() {
    Ticket t = dispatched();

    TicketEvent e = t.reject("care1", "  不属于本组受理范围 ", T2);

    assertEquals(TicketStatus.REJECTED, t.getStatus());
    assertNull(t.getAssignedTeamId(), "no team holds it any more");
    assertNull(t.getAssigneeId());
    assertEvent(e, TicketEventKind.REJECTED, TicketStatus.DISPATCHED, TicketStatus.REJECTED, "care1", "不属于本组受理范围");
    assertEquals(TEAM, e.getTeamId(), "the rejecting team stays on record");
    assertEquals("/1000/1050/1100/1150/", t.getOwningBranchPath(), "the owning branch, which dispatches again, still owns it");
    assertStatusIsLastStatusEvent(t);
  }

  @Test
  void returnAfterAcceptingAlsoGoesBackToTheDispatcher() {
    Ticket t = dispatched();
    t.accept(501L, "care1", T2);

    TicketEvent e = t.returnToDispatcher("care1", "缺少客户身份证复印件", T3);

    assertEquals(TicketStatus.RETURNED, t.getStatus());
    assertNull(t.getAssignedTeamId());
    assertNull(t.getAssigneeId());
    assertEvent(e, TicketEventKind.RETURNED, TicketStatus.ACCEPTED, TicketStatus.RETURNED, "care1", "缺少客户身份证复印件");
    assertEquals(TEAM, e.getTeamId());
    t.dispatchTo(42L, "staff1", "发往运营支持组", T4);
    assertEquals(TicketStatus.DISPATCHED, t.getStatus());
    assertStatusIsLastStatusEvent(t);
  }

  @Test
  void aReasonIsRequiredToRejectReturnReopenCancelAndTransfer() {
    List<Consumer<Ticket>> actions =
        List.of(
            t -> t.reject("care1", " ", T2),
            t -> t.returnToDispatcher("care1", null, T2),
            t -> t.cancel("staff1", "", T2),
            t -> t.transferTo(42L, "super1", null, T2));
    for (Consumer<Ticket> action : actions) {
      Ticket t = dispatched();
      InvalidInputException e = assertThrows(InvalidInputException.class, () -> action.accept(t));
      assertEquals("reason-required", e.code());
      assertEquals("reason", e.field());
      assertEquals(TicketStatus.DISPATCHED, t.getStatus(), "unchanged");
      assertEquals(2, t.getEvents().size(), "no event appended");
    }
    Ticket resolved = inStatus(TicketStatus.RESOLVED);
    assertEquals("reason-required", assertThrows(InvalidInputException.class, () -> resolved.reopen("staff1", null, T2)).code());
    assertEquals(TicketStatus.RESOLVED, resolved.getStatus());
  }

  @Test
  void theWholeHappyPathKeepsTheTimelineInStep() {
    Ticket t = dispatched();
    t.accept(501L, "care1", T2);
    TicketEvent start = t.startWork("care1", T2);
    TicketEvent pend = t.waitForCustomer("care1", "等待客户提供扣款短信截图", T3);
    TicketEvent resume = t.resume("care1", null, T3);
    TicketEvent resolve = t.resolve("care1", "已退还重复扣收的年费", T4);
    TicketEvent close = t.close("staff1", null, T4);

    assertEvent(start, TicketEventKind.STATUS_CHANGED, TicketStatus.ACCEPTED, TicketStatus.IN_PROGRESS, "care1", null);
    assertEvent(pend, TicketEventKind.STATUS_CHANGED, TicketStatus.IN_PROGRESS, TicketStatus.PENDING_CUSTOMER, "care1", "等待客户提供扣款短信截图");
    assertEvent(resume, TicketEventKind.STATUS_CHANGED, TicketStatus.PENDING_CUSTOMER, TicketStatus.IN_PROGRESS, "care1", null);
    assertEvent(resolve, TicketEventKind.RESOLVED, TicketStatus.IN_PROGRESS, TicketStatus.RESOLVED, "care1", "已退还重复扣收的年费");
    assertEvent(close, TicketEventKind.CLOSED, TicketStatus.RESOLVED, TicketStatus.CLOSED, "staff1", null);
    assertEquals(TicketStatus.CLOSED, t.getStatus());
    assertEquals(T4, t.getClosedAt());
    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7, 8), t.getEvents().stream().map(TicketEvent::getSeqNo).toList());
    assertStatusIsLastStatusEvent(t);
  }

  @Test
  void resolveNeedsAResolutionNote() {
    Ticket t = inStatus(TicketStatus.IN_PROGRESS);
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> t.resolve("care1", "  ", T2));
    assertEquals("note-required", e.code());
    assertEquals(TicketStatus.IN_PROGRESS, t.getStatus());
  }

  @ParameterizedTest
  @EnumSource(value = TicketStatus.class, names = {"RESOLVED", "CLOSED"})
  void reopenClearsTheClosingTimeAndKeepsTheTeam(TicketStatus current) {
    Ticket t = inStatus(current);
    Entities.set(t, "closedAt", T2);

    TicketEvent e = t.reopen("staff1", "客户表示款项仍未到账", T3);

    assertEquals(TicketStatus.REOPENED, t.getStatus());
    assertNull(t.getClosedAt());
    assertEquals(TEAM, t.getAssignedTeamId());
    assertEvent(e, TicketEventKind.REOPENED, current, TicketStatus.REOPENED, "staff1", "客户表示款项仍未到账");
    t.startWork("care1", T4);
    assertEquals(TicketStatus.IN_PROGRESS, t.getStatus(), "the team picks it up again");
  }

  @ParameterizedTest
  @EnumSource(value = TicketStatus.class, names = {"NEW", "DISPATCHED", "PENDING_CUSTOMER", "REJECTED", "RETURNED"})
  void cancelIsFinalAndRecordsTheClosingTime(TicketStatus current) {
    Ticket t = inStatus(current);

    TicketEvent e = t.cancel("staff1", "客户撤回申请", T3);

    assertEquals(TicketStatus.CANCELLED, t.getStatus());
    assertEquals(T3, t.getClosedAt());
    assertEvent(e, TicketEventKind.CANCELLED, current, TicketStatus.CANCELLED, "staff1", "客户撤回申请");
    assertThrows(ConflictException.class, () -> t.reopen("staff1", "again", T4));
    assertThrows(ConflictException.class, () -> t.comment("staff1", "note", CommentVisibility.INTERNAL, T4));
  }

  @ParameterizedTest
  @EnumSource(value = TicketStatus.class, names = {"NEW", "DISPATCHED", "PENDING_CUSTOMER", "REJECTED", "RETURNED"})
  void aDuplicateIsMergedIntoTheCustomersOtherOpenTicketAndBothTimelinesSaySo(TicketStatus current) {
    Ticket original = inStatus(TicketStatus.IN_PROGRESS);
    Entities.set(original, "ticketNo", "T20261123-000100");
    Ticket duplicate = inStatus(current);

    TicketEvent e = duplicate.mergeInto(original, "staff1", "客户重复来电", T3);

    assertEquals(TicketStatus.CANCELLED, duplicate.getStatus());
    assertEquals(T3, duplicate.getClosedAt());
    assertEvent(e, TicketEventKind.MERGED, current, TicketStatus.CANCELLED, "staff1", "→ T20261123-000100: 客户重复来电");
    TicketEvent in = original.getEvents().get(original.getEvents().size() - 1);
    assertEvent(in, TicketEventKind.MERGED_IN, null, null, "staff1", "← T20261123-000123: Annual fee charged twice");
    assertEquals(TicketStatus.IN_PROGRESS, original.getStatus(), "the ticket that stays goes on");
    assertStatusIsLastStatusEvent(duplicate);
  }

  @Test
  void onlyAnotherOpenTicketOfTheSameCustomerTakesADuplicate() {
    Ticket original = inStatus(TicketStatus.IN_PROGRESS);
    Entities.set(original, "ticketNo", "T20261123-000100");
    assertEquals("not-a-duplicate", assertThrows(InvalidInputException.class, () -> dispatched().mergeInto(dispatched(), "s", "r", T3)).code(),
        "not itself (the same number)");
    Ticket otherCustomer = inStatus(TicketStatus.IN_PROGRESS);
    Entities.set(otherCustomer, "ticketNo", "T20261123-000101");
    Entities.set(otherCustomer, "customerId", 6001L);
    assertEquals("not-a-duplicate", assertThrows(InvalidInputException.class, () -> dispatched().mergeInto(otherCustomer, "s", "r", T3)).code());
    Ticket closed = inStatus(TicketStatus.CLOSED);
    Entities.set(closed, "ticketNo", "T20261123-000102");
    assertEquals("not-a-duplicate", assertThrows(InvalidInputException.class, () -> dispatched().mergeInto(closed, "s", "r", T3)).code());
    assertEquals("reason-required", assertThrows(InvalidInputException.class, () -> dispatched().mergeInto(original, "s", " ", T3)).code());
    assertThrows(ConflictException.class, () -> inStatus(TicketStatus.IN_PROGRESS).mergeInto(original, "s", "r", T3),
        "a ticket being worked is returned first, as for a cancel");
    assertTrue(original.getEvents().stream().noneMatch(ev -> ev.getKind() == TicketEventKind.MERGED_IN), "failed merges leave the original alone");
  }

  @Test
  void transferMovesTheTicketToAnotherTeamWithTheReason() {
    Ticket t = dispatched();
    t.accept(501L, "care1", T2);

    TicketEvent e = t.transferTo(42L, "super1", "涉及信用卡争议，转信用卡争议处理组", T3);

    assertEquals(TicketStatus.DISPATCHED, t.getStatus());
    assertEquals(42L, t.getAssignedTeamId());
    assertNull(t.getAssigneeId(), "the new team accepts it anew");
    assertEquals(T3, t.getDispatchedAt());
    assertEvent(e, TicketEventKind.DISPATCHED, TicketStatus.ACCEPTED, TicketStatus.DISPATCHED, "super1", "涉及信用卡争议，转信用卡争议处理组");
    assertEquals(42L, e.getTeamId());
    InvalidInputException noTeam = assertThrows(InvalidInputException.class, () -> t.transferTo(null, "super1", "x", T4));
    assertEquals("team-required", noTeam.code());
  }

  @Test
  void aCommentChangesNoStatusAndKeepsItsVisibility() {
    Ticket t = dispatched();

    TicketEvent internal = t.comment("care1", "已联系卡部核实", null, T2);
    TicketEvent visible = t.comment("care1", "您的申请正在处理中", CommentVisibility.CUSTOMER, T3);

    assertEquals(TicketStatus.DISPATCHED, t.getStatus());
    assertEquals(TicketEventKind.COMMENTED, internal.getKind());
    assertNull(internal.getFromStatus());
    assertNull(internal.getToStatus());
    assertEquals(CommentVisibility.INTERNAL, internal.getVisibility(), "internal unless said otherwise");
    assertEquals(CommentVisibility.CUSTOMER, visible.getVisibility());
    assertEquals("您的申请正在处理中", visible.getDetail());
    assertEquals(T3, t.getUpdatedAt());
    assertEquals(4, t.getEvents().size());
    assertNull(t.getEvents().get(1).getVisibility(), "only comments carry a visibility");
    assertEquals("note-required", assertThrows(InvalidInputException.class, () -> t.comment("care1", "", null, T4)).code());
    assertStatusIsLastStatusEvent(t);
  }

  /** Start and resume both lead to IN_PROGRESS, but each only from its own status. */
  @Test
  void startAndResumeAreNotInterchangeable() {
    Ticket pending = inStatus(TicketStatus.PENDING_CUSTOMER);
    ConflictException e = assertThrows(ConflictException.class, () -> pending.startWork("care1", T2));
    assertEquals("ticket-transition", e.code());
    Ticket accepted = inStatus(TicketStatus.ACCEPTED);
    assertThrows(ConflictException.class, () -> accepted.resume("care1", null, T2));
    assertEquals(TicketStatus.ACCEPTED, accepted.getStatus());
  }

  /** Every action from every status: allowed exactly where the state machine says so. */
  @ParameterizedTest
  @EnumSource(TicketStatus.class)
  void everyActionIsRefusedOrAllowedByTheStateMachine(TicketStatus current) {
    record Case(TicketStatus target, Set<TicketStatus> from, Consumer<Ticket> action) {}
    List<Case> cases =
        List.of(
            new Case(TicketStatus.ACCEPTED, null, t -> t.accept(1L, "m", T2)),
            new Case(TicketStatus.REJECTED, null, t -> t.reject("m", "r", T2)),
            new Case(TicketStatus.RETURNED, null, t -> t.returnToDispatcher("m", "r", T2)),
            new Case(TicketStatus.IN_PROGRESS, EnumSet.of(TicketStatus.ACCEPTED, TicketStatus.REOPENED), t -> t.startWork("m", T2)),
            new Case(TicketStatus.PENDING_CUSTOMER, null, t -> t.waitForCustomer("m", null, T2)),
            new Case(TicketStatus.IN_PROGRESS, EnumSet.of(TicketStatus.PENDING_CUSTOMER), t -> t.resume("m", null, T2)),
            new Case(TicketStatus.RESOLVED, null, t -> t.resolve("m", "done", T2)),
            new Case(TicketStatus.CLOSED, null, t -> t.close("m", null, T2)),
            new Case(TicketStatus.REOPENED, null, t -> t.reopen("m", "r", T2)),
            new Case(TicketStatus.CANCELLED, null, t -> t.cancel("m", "r", T2)),
            new Case(TicketStatus.DISPATCHED, null, t -> t.transferTo(42L, "m", "r", T2)));
    for (Case c : cases) {
      Ticket t = inStatus(current);
      int events = t.getEvents().size();
      boolean allowed = c.from() == null ? current.canMoveTo(c.target()) : c.from().contains(current);
      if (allowed) {
        c.action().accept(t);
        assertEquals(c.target(), t.getStatus());
        assertEquals(events + 1, t.getEvents().size());
        assertEquals(current, t.getEvents().get(events).getFromStatus());
      } else {
        ConflictException e = assertThrows(ConflictException.class, () -> c.action().accept(t), current + " → " + c.target());
        assertEquals("ticket-transition", e.code());
        assertArrayEquals(new Object[] {current, c.target()}, e.arguments());
        assertEquals(current, t.getStatus(), "unchanged");
        assertEquals(events, t.getEvents().size(), "no event appended");
        assertEquals(T1, t.getUpdatedAt(), "not touched");
      }
    }
  }

  @Test
  void nothingChangesTheCreationFacts() {
    Ticket t = dispatched();
    t.accept(501L, "care1", T2);
    t.resolve("care1", "done", T3);
    assertEquals(T0, t.getCreatedAt());
    assertEquals(1150L, t.getOwningBranchId());
  }
}
