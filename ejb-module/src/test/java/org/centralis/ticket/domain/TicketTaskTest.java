package org.centralis.ticket.domain;

import static org.centralis.ticket.domain.TicketTest.T1;
import static org.centralis.ticket.domain.TicketTest.T2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.centralis.shared.domain.ConflictException;
import org.centralis.shared.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Sub-tasks (协办): who may get one, their lifecycle, and when they stop holding up the ticket. */
class TicketTaskTest {

  private static final long HQ_CARDS = 10L;
  private static final long HQ_OPS = 20L;
  private static final long BRANCH_OPS = 30L;

  private static Ticket worked() {
    Ticket t = TicketTest.newTicket();
    t.dispatchTo(HQ_CARDS, "rules", null, T1);
    t.accept(7L, "cards3", T1);
    t.startWork("cards3", T1);
    return t;
  }

  @Test
  void aTicketBeingWorkedSendsNumberedTasksToOtherTeamsInParallel() {
    Ticket t = worked();
    List<TicketTask> tasks = new ArrayList<>();
    tasks.add(TicketTask.send(t, tasks, HQ_OPS, " 退还年费 ", "cards3", T2));
    tasks.add(TicketTask.send(t, tasks, BRANCH_OPS, "上门核实客户身份", "cards3", T2));

    assertEquals(List.of(1, 2), tasks.stream().map(TicketTask::getSeqNo).toList());
    assertEquals(TaskStatus.DISPATCHED, tasks.get(0).getStatus());
    assertEquals("退还年费", tasks.get(0).getInstruction(), "trimmed");
    assertEquals(TicketStatus.IN_PROGRESS, t.getStatus(), "the ticket stays with its team");
  }

  @Test
  void noTaskToTheTicketsOwnTeamNorASecondOpenOneToTheSameTeamNorWithoutInstruction() {
    Ticket t = worked();
    List<TicketTask> tasks = new ArrayList<>();
    assertEquals("same-team", assertThrows(InvalidInputException.class, () -> TicketTask.send(t, tasks, HQ_CARDS, "x", "cards3", T2)).code());
    assertEquals("team-required", assertThrows(InvalidInputException.class, () -> TicketTask.send(t, tasks, null, "x", "cards3", T2)).code());
    assertEquals("instruction-required", assertThrows(InvalidInputException.class, () -> TicketTask.send(t, tasks, HQ_OPS, " ", "cards3", T2)).code());
    assertEquals("too-long", assertThrows(InvalidInputException.class, () -> TicketTask.send(t, tasks, HQ_OPS, "字".repeat(1001), "cards3", T2)).code());
    tasks.add(TicketTask.send(t, tasks, HQ_OPS, "退还年费", "cards3", T2));
    assertEquals("task-exists", assertThrows(ConflictException.class, () -> TicketTask.send(t, tasks, HQ_OPS, "再退一次", "cards3", T2)).code());

    tasks.get(0).reject("ops1", "不属本部门", T2);
    tasks.add(TicketTask.send(t, tasks, HQ_OPS, "请再核实", "cards3", T2));
    assertEquals(2, tasks.get(1).getSeqNo(), "a rejected task no longer blocks its team");
  }

  @Test
  void onlyAWorkedTicketSendsTasks() {
    Ticket fresh = TicketTest.newTicket();
    assertThrows(ConflictException.class, () -> TicketTask.send(fresh, List.of(), HQ_OPS, "x", "staff1", T1), "NEW: nobody works it yet");
    Ticket resolved = worked();
    resolved.resolve("cards3", "done", T2);
    assertEquals("ticket-transition", assertThrows(ConflictException.class, () -> TicketTask.send(resolved, List.of(), HQ_OPS, "x", "cards3", T2)).code());
  }

  @Test
  void aTaskIsAcceptedThenCompletedWithItsResult() {
    TicketTask k = TicketTask.send(worked(), List.of(), HQ_OPS, "退还年费", "cards3", T1);
    assertEquals("task-transition", assertThrows(ConflictException.class, () -> k.complete("ops1", "已退", T2)).code(), "not before accepting");
    k.accept("ops1", T2);
    assertThrows(ConflictException.class, () -> k.accept("ops2", T2));
    assertEquals("result-required", assertThrows(InvalidInputException.class, () -> k.complete("ops1", "", T2)).code());
    k.complete("ops1", "已退还300元年费", T2);

    assertEquals(TaskStatus.DONE, k.getStatus());
    assertEquals("已退还300元年费", k.getResult());
    assertEquals("ops1", k.getHandledBy());
    assertThrows(ConflictException.class, () -> k.reject("ops1", "r", T2), "done is final");
    assertThrows(ConflictException.class, () -> k.cancel("cards3", "r", T2), "done is final");
  }

  @Test
  void rejectionAndCancellationNeedAReason() {
    TicketTask k = TicketTask.send(worked(), List.of(), HQ_OPS, "退还年费", "cards3", T1);
    assertEquals("reason-required", assertThrows(InvalidInputException.class, () -> k.reject("ops1", null, T2)).code());
    k.reject("ops1", "不属本部门", T2);
    assertEquals(TaskStatus.REJECTED, k.getStatus());
    assertThrows(ConflictException.class, () -> k.accept("ops1", T2), "a rejected task is the coordinator's again");
    assertEquals("reason-required", assertThrows(InvalidInputException.class, () -> k.cancel("cards3", " ", T2)).code());
    k.cancel("cards3", "改由本部门处理", T2);
    assertEquals(TaskStatus.CANCELLED, k.getStatus());
  }

  @Test
  void theTicketMayBeResolvedOnceEveryTaskIsSettledAndOneIsDone() {
    Ticket t = worked();
    List<TicketTask> tasks = new ArrayList<>();
    assertFalse(TicketTask.allDone(tasks), "no tasks: nothing was done by others");
    assertFalse(TicketTask.anyPending(tasks));
    TicketTask refund = TicketTask.send(t, tasks, HQ_OPS, "退还年费", "cards3", T1);
    tasks.add(refund);
    TicketTask visit = TicketTask.send(t, tasks, BRANCH_OPS, "上门核实", "cards3", T1);
    tasks.add(visit);

    refund.accept("ops1", T2);
    refund.complete("ops1", "已退", T2);
    assertFalse(TicketTask.allDone(tasks), "one still out");
    assertTrue(TicketTask.anyPending(tasks));

    visit.reject("ops-sh1", "客户不在本市", T2);
    assertFalse(TicketTask.allDone(tasks), "a rejected task waits on the coordinator");
    assertTrue(TicketTask.anyPending(tasks));

    visit.cancel("cards3", "改为电话核实", T2);
    assertTrue(TicketTask.allDone(tasks));
    assertFalse(TicketTask.anyPending(tasks));

    assertFalse(TicketTask.allDone(List.of(visit)), "all cancelled is not done by others");
  }

  @Test
  void eachStepIsOnTheTicketsTimelineWithoutChangingItsStatus() {
    Ticket t = worked();
    TicketTask k = TicketTask.send(t, List.of(), HQ_OPS, "退还年费", "cards3", T1);
    TicketEvent sent = t.recordTask(k, TicketEventKind.TASK_DISPATCHED, "cards3", k.getInstruction(), T1);
    assertEquals(HQ_OPS, sent.getTeamId());
    assertEquals("#1: 退还年费", sent.getDetail());
    assertEquals(null, sent.getToStatus(), "no status change to show");
    assertEquals(TicketStatus.IN_PROGRESS, t.getStatus());
    assertThrows(IllegalArgumentException.class, () -> t.recordTask(k, TicketEventKind.RESOLVED, "cards3", null, T2));
  }
}
