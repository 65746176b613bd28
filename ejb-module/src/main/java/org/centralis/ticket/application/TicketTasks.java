package org.centralis.ticket.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.centralis.audit.application.AuditEntry;
import org.centralis.audit.application.AuditTrail;
import org.centralis.organization.application.OrganizationDirectory;
import org.centralis.shared.domain.ConflictException;
import org.centralis.shared.domain.ForbiddenException;
import org.centralis.shared.domain.InvalidInputException;
import org.centralis.shared.domain.NotFoundException;
import org.centralis.shared.security.Caller;
import org.centralis.shared.security.CurrentCaller;
import org.centralis.shared.security.Role;
import org.centralis.ticket.domain.TaskStatus;
import org.centralis.ticket.domain.Ticket;
import org.centralis.ticket.domain.TicketEvent;
import org.centralis.ticket.domain.TicketEventKind;
import org.centralis.ticket.domain.TicketStatus;
import org.centralis.ticket.domain.TicketTask;
import org.centralis.ticket.domain.TicketType;

/**
 * Sub-tasks (协办): the team working a ticket sends parts of the work to other teams anywhere in the
 * hierarchy — an outlet's request worked at HQ can ask a city branch to visit the customer and an
 * HQ department to refund a fee, in parallel. Those who may resolve the ticket coordinate (send,
 * cancel); the receiving team's members and its supervisors accept, complete or reject. When the
 * last sub-task is done the ticket is resolved with their results — unless it is a complaint, whose
 * resolution needs a root cause from a person: its team is told on the timeline instead. While any
 * sub-task is pending the ticket cannot be resolved by hand. Every step is on the ticket's timeline
 * and in the audit trail.
 */
@Stateless
@RolesAllowed({
  Role.BRANCH_STAFF_NAME,
  Role.AGENT_NAME,
  Role.SUPERVISOR_NAME,
  Role.HQ_MANAGER_NAME,
  Role.AUDITOR_NAME,
  Role.ADMIN_NAME
})
public class TicketTasks {

  /** What may be done to a sub-task; CANCEL by the coordinator, the others by the receiving team. */
  public enum TaskAction {
    ACCEPT,
    COMPLETE,
    REJECT,
    CANCEL
  }

  private static final String SYSTEM = Caller.SYSTEM_LOGIN;

  @PersistenceContext private EntityManager em;
  @Inject private CurrentCaller currentCaller;
  @Inject private OrganizationDirectory organization;
  @Inject private TicketAccess access;
  @Inject private AuditTrail auditTrail;
  @Inject private Event<TicketChanged> changes;

  /** The ticket's sub-tasks, first sent first. */
  public List<TaskView> of(@NotNull String number) {
    Ticket ticket = access.visible(number);
    return tasksOf(ticket).stream().map(k -> view(ticket, k)).toList();
  }

  /** True if the caller may send a sub-task on the ticket now (for the page's button). */
  public boolean maySend(@NotNull String number) {
    Ticket ticket = access.visible(number);
    return coordinates(ticket) && TicketTask.takesTasks(ticket);
  }

  /** True when the sub-tasks no longer hold the ticket up: all settled, at least one done. */
  public boolean allDone(@NotNull String number) {
    return TicketTask.allDone(tasksOf(access.visible(number)));
  }

  /** Sends part of the ticket's work to another team (a department, a region, an outlet). */
  public TaskView send(@NotNull String number, Long teamId, String instruction) {
    Ticket ticket = access.visible(number);
    requireCoordinator(ticket);
    if (teamId != null && organization.team(teamId).isEmpty()) {
      throw new InvalidInputException("teamId", "unknown-team", "no team " + teamId, teamId);
    }
    Instant now = now();
    TicketTask task = TicketTask.send(ticket, tasksOf(ticket), teamId, instruction, login(), now);
    em.persist(task);
    ticket.recordTask(task, TicketEventKind.TASK_DISPATCHED, login(), task.getInstruction(), now);
    access.flush();
    audit(ticket, task, "TICKET_TASK_DISPATCHED", null);
    return view(ticket, task);
  }

  /** One step of a sub-task; {@code text} is the result (complete) or the reason (reject, cancel). */
  public TaskView act(@NotNull String number, int seqNo, @NotNull TaskAction action, String text) {
    Ticket ticket = access.visible(number);
    TicketTask task = tasksOf(ticket).stream().filter(k -> k.getSeqNo() == seqNo).findFirst()
        .orElseThrow(() -> new NotFoundException("ticket-task", number + "#" + seqNo));
    if (!permitted(ticket, task).contains(action)) {
      throw new ForbiddenException(
          "task-action-forbidden", login() + " may not " + action.name().toLowerCase(Locale.ROOT) + " sub-task " + seqNo + " of " + number, action.name());
    }
    TaskStatus before = task.getStatus();
    Instant now = now();
    switch (action) {
      case ACCEPT -> task.accept(login(), now);
      case COMPLETE -> task.complete(login(), text, now);
      case REJECT -> task.reject(login(), text, now);
      case CANCEL -> task.cancel(login(), text, now);
    }
    ticket.recordTask(task, TicketEventKind.valueOf("TASK_" + task.getStatus().name()), login(), task.getResult(), now);
    access.flush();
    audit(ticket, task, "TICKET_TASK_" + task.getStatus().name(), before);
    if (action == TaskAction.COMPLETE) {
      afterLastDone(ticket, now);
    }
    return view(ticket, task);
  }

  /** A team's sub-tasks waiting on it (dispatched or accepted), oldest first: its members and supervisors. */
  public List<TaskView> ofTeam(long teamId) {
    access.requireTeamView(teamId);
    List<TicketTask> tasks = em.createNamedQuery("TicketTask.ofTeam", TicketTask.class)
        .setParameter("team", teamId)
        .setParameter("statuses", EnumSet.of(TaskStatus.DISPATCHED, TaskStatus.ACCEPTED))
        .setMaxResults(500)
        .getResultList();
    List<TaskView> views = new ArrayList<>();
    for (TicketTask k : tasks) {
      views.add(view(em.find(Ticket.class, k.getTicketId()), k));
    }
    return views;
  }

  /** Refuses a manual resolution while a sub-task is still out (or rejected and not yet sent elsewhere). */
  public void requireNonePending(@NotNull Ticket ticket) {
    if (TicketTask.anyPending(tasksOf(ticket))) {
      throw new ConflictException("open-sub-tasks", "ticket " + ticket.getNumber().value() + " has sub-tasks that are not done or cancelled");
    }
  }

  /** A cancelled ticket calls off its open sub-tasks, with its reason. */
  public void cancelAll(@NotNull Ticket ticket, String actor, String reason, Instant now) {
    for (TicketTask k : tasksOf(ticket)) {
      if (!k.getStatus().isSettled()) {
        TaskStatus before = k.getStatus();
        k.cancel(actor, reason, now);
        ticket.recordTask(k, TicketEventKind.TASK_CANCELLED, actor, reason, now);
        audit(ticket, k, "TICKET_TASK_CANCELLED", before);
      }
    }
  }

  /** The last sub-task is done: the ticket is resolved with the results, or (a complaint) its team is told. */
  private void afterLastDone(Ticket ticket, Instant now) {
    List<TicketTask> tasks = tasksOf(ticket);
    if (!TicketTask.allDone(tasks) || !ticket.getStatus().canMoveTo(TicketStatus.RESOLVED)) {
      return;
    }
    StringBuilder results = new StringBuilder();
    for (TicketTask k : tasks) {
      if (k.getStatus() == TaskStatus.DONE) {
        String team = organization.team(k.getTeamId()).map(t -> t.name()).orElse("#" + k.getTeamId());
        results.append(results.length() > 0 ? "；" : "").append(team).append("：").append(k.getResult());
      }
    }
    if (ticket.getType() == TicketType.COMPLAINT) {
      return; // its team resolves it by hand, with the root cause; the ticket page says all sub-tasks are done
    }
    // The resolution note is what the teams reported, e.g. "总行运营支持部：已退回年费；上海分行营业部：已致电客户".
    String note = results.length() > 1000 ? results.substring(0, 999) + "…" : results.toString();
    TicketStatus before = ticket.getStatus();
    TicketEvent event = ticket.resolve(SYSTEM, note, now);
    access.flush();
    changes.fire(new TicketChanged(ticket.getId(), ticket.getNumber().value(), before, ticket.getStatus(), event.getKind(), SYSTEM, now));
    auditTrail.record(new AuditEntry("TICKET_RESOLVED", "TICKET", ticket.getNumber().value(), before.name(), "RESOLVED: all sub-tasks done"));
  }

  /** Coordinators may cancel; the receiving team (members, supervisors over its branch) works the task. */
  private Set<TaskAction> permitted(Ticket ticket, TicketTask task) {
    Set<TaskAction> allowed = EnumSet.noneOf(TaskAction.class);
    if (coordinates(ticket) && !task.getStatus().isSettled()) {
      allowed.add(TaskAction.CANCEL);
    }
    if (access.worksFor(task.getTeamId())) {
      switch (task.getStatus()) {
        case DISPATCHED -> allowed.addAll(EnumSet.of(TaskAction.ACCEPT, TaskAction.REJECT));
        case ACCEPTED -> allowed.addAll(EnumSet.of(TaskAction.COMPLETE, TaskAction.REJECT));
        default -> {
          // settled or rejected: nothing left for the receiving team
        }
      }
    }
    return allowed;
  }

  /** Those who may resolve the ticket coordinate its sub-tasks. */
  private boolean coordinates(Ticket ticket) {
    return access.permitted(ticket).contains(TicketAction.RESOLVE);
  }

  private void requireCoordinator(Ticket ticket) {
    if (!coordinates(ticket)) {
      throw new ForbiddenException("task-action-forbidden", login() + " does not coordinate ticket " + ticket.getNumber().value(), "SEND");
    }
  }

  private List<TicketTask> tasksOf(Ticket ticket) {
    return em.createNamedQuery("TicketTask.ofTicket", TicketTask.class).setParameter("ticket", ticket.getId()).getResultList();
  }

  private TaskView view(Ticket ticket, TicketTask k) {
    return new TaskView(
        ticket.getNumber().value(), ticket.getSubject(), k.getSeqNo(), organization.team(k.getTeamId()).orElse(null), k.getStatus().name(),
        k.getInstruction(), k.getResult(), k.getCreatedBy(), k.getCreatedAt(), k.getHandledBy(), k.getUpdatedAt(),
        permitted(ticket, k).stream().map(a -> a.name().toLowerCase(Locale.ROOT)).toList());
  }

  private void audit(Ticket ticket, TicketTask task, String action, TaskStatus before) {
    auditTrail.record(new AuditEntry(action, "TICKET", ticket.getNumber().value() + "#" + task.getSeqNo(),
        before == null ? null : before.name(), task.getStatus() + " team " + task.getTeamId()));
  }

  private String login() {
    return currentCaller.get().login();
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MILLIS);
  }
}
