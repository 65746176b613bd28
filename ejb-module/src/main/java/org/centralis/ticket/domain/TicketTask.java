package org.centralis.ticket.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import org.centralis.shared.domain.ConflictException;
import org.centralis.shared.domain.InvalidInputException;

/**
 * A sub-task (协办任务): part of a ticket's work sent to another team — an HQ department, a region or
 * an outlet — while the ticket stays with the team that coordinates it. Several run in parallel; the
 * ticket may be resolved once they are all settled and at least one is done ({@link #allDone}).
 * Each change is also written to the ticket's timeline by the caller.
 */
@Entity
@Table(name = "TICKET_TASK")
@NamedQuery(name = "TicketTask.ofTicket", query = "SELECT k FROM TicketTask k WHERE k.ticketId = :ticket ORDER BY k.seqNo")
@NamedQuery(
    name = "TicketTask.ofTeam",
    query = "SELECT k FROM TicketTask k WHERE k.teamId = :team AND k.status IN :statuses ORDER BY k.createdAt, k.id")
public class TicketTask {

  static final int MAX_TEXT = 1000;
  private static final Set<TicketStatus> WORKED =
      EnumSet.of(TicketStatus.ACCEPTED, TicketStatus.IN_PROGRESS, TicketStatus.PENDING_CUSTOMER, TicketStatus.REOPENED);

  @Id
  @SequenceGenerator(name = "TICKET_TASK_SEQ", sequenceName = "TICKET_TASK_SEQ", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "TICKET_TASK_SEQ")
  private Long id;

  @Column(name = "TICKET_ID")
  private Long ticketId;

  @Column(name = "SEQ_NO")
  private int seqNo;

  @Column(name = "TEAM_ID")
  private Long teamId;

  @Enumerated(EnumType.STRING)
  private TaskStatus status;

  private String instruction;

  private String result;

  @Column(name = "CREATED_BY")
  private String createdBy;

  @Column(name = "CREATED_AT")
  private Instant createdAt;

  @Column(name = "HANDLED_BY")
  private String handledBy;

  @Column(name = "UPDATED_AT")
  private Instant updatedAt;

  @Version private int version;

  protected TicketTask() {}

  /**
   * Sends part of an open ticket's work to another team. A team gets at most one open task per
   * ticket, and never the ticket's own team (it does that work itself).
   */
  public static TicketTask send(Ticket ticket, Collection<TicketTask> existing, Long teamId, String instruction, String actor, Instant now) {
    if (!takesTasks(ticket)) {
      throw new ConflictException(
          "ticket-transition", "ticket " + ticket.getNumber().value() + " is " + ticket.getStatus() + ": no sub-tasks now", ticket.getStatus(), ticket.getStatus());
    }
    if (teamId == null) {
      throw new InvalidInputException("teamId", "team-required", "a sub-task names the team that does it");
    }
    if (teamId.equals(ticket.getAssignedTeamId())) {
      throw new InvalidInputException("teamId", "same-team", "team " + teamId + " holds the ticket itself", teamId);
    }
    if (existing.stream().anyMatch(k -> k.teamId.equals(teamId) && k.status.isOpen())) {
      throw new ConflictException("task-exists", "team " + teamId + " already has an open sub-task on this ticket", teamId);
    }
    TicketTask k = new TicketTask();
    k.ticketId = ticket.getId();
    k.seqNo = existing.stream().mapToInt(TicketTask::getSeqNo).max().orElse(0) + 1;
    k.teamId = teamId;
    k.status = TaskStatus.DISPATCHED;
    k.instruction = text("instruction", instruction);
    k.createdBy = actor;
    k.createdAt = now;
    k.updatedAt = now;
    return k;
  }

  /** True while a team works the ticket (accepted, not yet resolved): the time to ask others for help. */
  public static boolean takesTasks(Ticket ticket) {
    return WORKED.contains(ticket.getStatus()) && ticket.getAssignedTeamId() != null;
  }

  /** A member of the receiving team takes the task on. */
  public void accept(String actor, Instant now) {
    move(TaskStatus.DISPATCHED, TaskStatus.ACCEPTED, actor, now);
  }

  /** The receiving team has done its part; the result says what (the coordinator reads it). */
  public void complete(String actor, String outcome, Instant now) {
    String r = text("result", outcome);
    move(TaskStatus.ACCEPTED, TaskStatus.DONE, actor, now);
    result = r;
  }

  /** The receiving team refuses the task (not theirs); the coordinator sends it elsewhere or cancels it. */
  public void reject(String actor, String reason, Instant now) {
    String r = text("reason", reason);
    if (!status.isOpen()) {
      throw transition(TaskStatus.REJECTED);
    }
    status = TaskStatus.REJECTED;
    handledBy = actor;
    result = r;
    updatedAt = now;
  }

  /** The coordinator calls the task off (no longer needed, or rejected and done otherwise). */
  public void cancel(String actor, String reason, Instant now) {
    String r = text("reason", reason);
    if (status.isSettled()) {
      throw transition(TaskStatus.CANCELLED);
    }
    status = TaskStatus.CANCELLED;
    result = r;
    handledBy = actor;
    updatedAt = now;
  }

  /** True when a ticket's sub-tasks no longer hold up its resolution: all settled, at least one done. */
  public static boolean allDone(Collection<TicketTask> tasks) {
    return tasks.stream().allMatch(k -> k.status.isSettled()) && tasks.stream().anyMatch(k -> k.status == TaskStatus.DONE);
  }

  /** True while some sub-task is still with a team or waits on the coordinator (rejected). */
  public static boolean anyPending(Collection<TicketTask> tasks) {
    return tasks.stream().anyMatch(k -> !k.status.isSettled());
  }

  private void move(TaskStatus from, TaskStatus to, String actor, Instant now) {
    if (status != from) {
      throw transition(to);
    }
    status = to;
    handledBy = actor;
    updatedAt = now;
  }

  private ConflictException transition(TaskStatus to) {
    return new ConflictException("task-transition", "sub-task " + seqNo + " is " + status + " and cannot become " + to, status, to);
  }

  private static String text(String field, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(field, field + "-required", field + " is required");
    }
    if (value.strip().length() > MAX_TEXT) {
      throw new InvalidInputException(field, "too-long", field + " has at most " + MAX_TEXT + " characters");
    }
    return value.strip();
  }

  public Long getId() {
    return id;
  }

  public Long getTicketId() {
    return ticketId;
  }

  public int getSeqNo() {
    return seqNo;
  }

  public Long getTeamId() {
    return teamId;
  }

  public TaskStatus getStatus() {
    return status;
  }

  public String getInstruction() {
    return instruction;
  }

  public String getResult() {
    return result;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getHandledBy() {
    return handledBy;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }
}
