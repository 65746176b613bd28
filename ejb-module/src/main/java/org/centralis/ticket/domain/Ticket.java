package org.centralis.ticket.domain;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.centralis.shared.domain.ConflictException;
import org.centralis.shared.domain.InvalidInputException;

/**
 * A work order (工单). Invariants: its status only changes along {@link TicketStatus#canMoveTo};
 * every change appends an event to its timeline, so the status always equals the last status the
 * timeline records; the owning branch (and so its scope) never changes after creation.
 * Other contexts are referenced by id (customer, branch, staff, team).
 */
@Entity
@Table(name = "TICKET")
@NamedQuery(name = "Ticket.findByNumber", query = "SELECT t FROM Ticket t WHERE t.ticketNo = :number")
@NamedQuery(name = "Ticket.findByIds", query = "SELECT t FROM Ticket t WHERE t.id IN :ids")
public class Ticket {

  @Id
  @SequenceGenerator(name = "TICKET_SEQ", sequenceName = "TICKET_SEQ", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "TICKET_SEQ")
  private Long id;

  @Column(name = "TICKET_NO")
  private String ticketNo;

  @Enumerated(EnumType.STRING)
  @Column(name = "TICKET_TYPE")
  private TicketType type;

  @ManyToOne(fetch = FetchType.EAGER)
  @JoinColumn(name = "CATEGORY_ID")
  private TicketCategory category;

  @Enumerated(EnumType.STRING)
  private Priority priority;

  @Enumerated(EnumType.STRING)
  private TicketStatus status;

  @Enumerated(EnumType.STRING)
  private Channel channel;

  private String subject;

  @Lob private String description;

  @Column(name = "CUSTOMER_ID")
  private Long customerId;

  @Column(name = "OWNING_BRANCH_ID")
  private Long owningBranchId;

  @Column(name = "OWNING_BRANCH_PATH")
  private String owningBranchPath;

  @Column(name = "CREATED_BY_ID")
  private Long createdById;

  @Column(name = "ASSIGNED_TEAM_ID")
  private Long assignedTeamId;

  @Column(name = "ASSIGNEE_ID")
  private Long assigneeId;

  @Column(name = "CREATED_AT")
  private Instant createdAt;

  @Column(name = "UPDATED_AT")
  private Instant updatedAt;

  @Column(name = "DISPATCHED_AT")
  private Instant dispatchedAt;

  @Column(name = "CLOSED_AT")
  private Instant closedAt;

  @OneToMany(mappedBy = "ticket", cascade = CascadeType.PERSIST, fetch = FetchType.LAZY)
  @OrderBy("seqNo")
  private List<TicketEvent> events = new ArrayList<>();

  @Version private int version;

  protected Ticket() {}

  /** Logs a new request: status NEW with its CREATED event. */
  public static Ticket log(
      TicketNumber number,
      TicketCategory category,
      Priority priority,
      Channel channel,
      String subject,
      String description,
      Long customerId,
      Long owningBranchId,
      String owningBranchPath,
      Long createdById,
      String createdByLogin,
      Instant now) {
    Ticket t = new Ticket();
    t.ticketNo = number.value();
    t.type = category.getTicketType();
    t.category = category;
    t.priority = priority;
    t.channel = channel;
    t.subject = subject;
    t.description = description;
    t.customerId = customerId;
    t.owningBranchId = owningBranchId;
    t.owningBranchPath = owningBranchPath;
    t.createdById = createdById;
    t.status = TicketStatus.NEW;
    t.createdAt = now;
    t.updatedAt = now;
    t.append(TicketEventKind.CREATED, now, createdByLogin, null, TicketStatus.NEW, null, null);
    return t;
  }

  /**
   * Raises the priority (never lowers it), e.g. for a repeat complaint at intake; no timeline event,
   * the caller audits why.
   */
  public void raisePriorityTo(Priority p) {
    if (p.compareTo(priority) > 0) {
      priority = p;
    }
  }

  /**
   * Changes what the ticket is about (改类) and/or how urgent it is, with a reason; the status and the team stay. The
   * category must be of the ticket's type (a complaint stays a complaint). The timeline entry records both changes,
   * e.g. {@code category CARD_FEE→CARD_FRAUD; priority HIGH→URGENT: 客户补充了盗刷信息}.
   *
   * @param newCategory null to keep the category
   * @param newPriority null to keep the priority
   */
  public TicketEvent reclassify(TicketCategory newCategory, Priority newPriority, String actorLogin, String reason, Instant now) {
    if (!status.isOpen() || status == TicketStatus.RESOLVED) {
      throw new ConflictException("ticket-transition", "ticket " + ticketNo + " is " + status + ": its category and priority are final", status, status);
    }
    if (newCategory != null && newCategory.getTicketType() != type) {
      throw new InvalidInputException(
          "categoryId", "category-type-mismatch", "category " + newCategory.getCode() + " is not a category of " + type, newCategory.getId());
    }
    boolean categoryChanges = newCategory != null && !newCategory.getId().equals(category.getId());
    boolean priorityChanges = newPriority != null && newPriority != priority;
    if (!categoryChanges && !priorityChanges) {
      throw new InvalidInputException("categoryId", "nothing-to-change", "the ticket already has this category and priority");
    }
    String why = required("reason", reason);
    StringBuilder detail = new StringBuilder();
    if (categoryChanges) {
      detail.append("category ").append(category.getCode()).append('→').append(newCategory.getCode());
      category = newCategory;
    }
    if (priorityChanges) {
      detail.append(detail.length() > 0 ? "; " : "").append("priority ").append(priority).append('→').append(newPriority);
      priority = newPriority;
    }
    updatedAt = now;
    return append(TicketEventKind.RECLASSIFIED, now, actorLogin, status, status, assignedTeamId, detail.append(": ").append(why).toString());
  }

  /** Sends the ticket to the team that must act (派单). */
  public TicketEvent dispatchTo(Long teamId, String actorLogin, String reason, Instant now) {
    TicketStatus from = status;
    moveTo(TicketStatus.DISPATCHED);
    assignedTeamId = teamId;
    assigneeId = null;
    dispatchedAt = now;
    updatedAt = now;
    return append(TicketEventKind.DISPATCHED, now, actorLogin, from, TicketStatus.DISPATCHED, teamId, reason);
  }

  /**
   * Manual dispatch or transfer (转派) to another team by a person: like {@link #dispatchTo}, but a
   * reason is required so that the receiving team knows why.
   */
  public TicketEvent transferTo(Long teamId, String actorLogin, String reason, Instant now) {
    if (teamId == null) {
      throw new InvalidInputException("teamId", "team-required", "a transfer names the team that receives the ticket");
    }
    return dispatchTo(teamId, actorLogin, required("reason", reason), now);
  }

  /** A member of the assigned team takes the ticket on: it becomes theirs. */
  public TicketEvent accept(Long staffId, String actorLogin, Instant now) {
    TicketStatus from = change(TicketStatus.ACCEPTED, now);
    assigneeId = staffId;
    return append(TicketEventKind.ACCEPTED, now, actorLogin, from, TicketStatus.ACCEPTED, assignedTeamId, null);
  }

  /** The assigned team refuses the ticket (not theirs to handle); it goes back to the dispatcher. */
  public TicketEvent reject(String actorLogin, String reason, Instant now) {
    return backToDispatcher(TicketStatus.REJECTED, TicketEventKind.REJECTED, actorLogin, reason, now);
  }

  /** The assigned team hands the ticket back (e.g. information missing); back to the dispatcher. */
  public TicketEvent returnToDispatcher(String actorLogin, String reason, Instant now) {
    return backToDispatcher(TicketStatus.RETURNED, TicketEventKind.RETURNED, actorLogin, reason, now);
  }

  private TicketEvent backToDispatcher(TicketStatus to, TicketEventKind kind, String actorLogin, String reason, Instant now) {
    String why = required("reason", reason);
    Long team = assignedTeamId;
    TicketStatus from = change(to, now);
    // The owning branch (which always sees its tickets) dispatches it again; the team that gave it
    // back stays on record in the event.
    assignedTeamId = null;
    assigneeId = null;
    return append(kind, now, actorLogin, from, to, team, why);
  }

  /** Work begins on an accepted (or reopened) ticket. */
  public TicketEvent startWork(String actorLogin, Instant now) {
    requireStatus(TicketStatus.IN_PROGRESS, TicketStatus.ACCEPTED, TicketStatus.REOPENED);
    TicketStatus from = change(TicketStatus.IN_PROGRESS, now);
    return append(TicketEventKind.STATUS_CHANGED, now, actorLogin, from, TicketStatus.IN_PROGRESS, null, null);
  }

  /** Work stops until the customer answers (the SLA clock pauses meanwhile). */
  public TicketEvent waitForCustomer(String actorLogin, String reason, Instant now) {
    TicketStatus from = change(TicketStatus.PENDING_CUSTOMER, now);
    return append(TicketEventKind.STATUS_CHANGED, now, actorLogin, from, TicketStatus.PENDING_CUSTOMER, null, blankToNull(reason));
  }

  /** The customer answered: work goes on. */
  public TicketEvent resume(String actorLogin, String note, Instant now) {
    requireStatus(TicketStatus.IN_PROGRESS, TicketStatus.PENDING_CUSTOMER);
    TicketStatus from = change(TicketStatus.IN_PROGRESS, now);
    return append(TicketEventKind.STATUS_CHANGED, now, actorLogin, from, TicketStatus.IN_PROGRESS, null, blankToNull(note));
  }

  /** The team has done what was asked; the resolution note says what. */
  public TicketEvent resolve(String actorLogin, String resolution, Instant now) {
    String note = required("note", resolution);
    TicketStatus from = change(TicketStatus.RESOLVED, now);
    return append(TicketEventKind.RESOLVED, now, actorLogin, from, TicketStatus.RESOLVED, null, note);
  }

  /** The requester confirms the resolution. */
  public TicketEvent close(String actorLogin, String note, Instant now) {
    TicketStatus from = change(TicketStatus.CLOSED, now);
    closedAt = now;
    return append(TicketEventKind.CLOSED, now, actorLogin, from, TicketStatus.CLOSED, null, blankToNull(note));
  }

  /** The resolution did not hold; the ticket stays with its team, which starts or is re-dispatched. */
  public TicketEvent reopen(String actorLogin, String reason, Instant now) {
    String why = required("reason", reason);
    TicketStatus from = change(TicketStatus.REOPENED, now);
    closedAt = null;
    return append(TicketEventKind.REOPENED, now, actorLogin, from, TicketStatus.REOPENED, null, why);
  }

  /** The request is withdrawn; final. */
  public TicketEvent cancel(String actorLogin, String reason, Instant now) {
    String why = required("reason", reason);
    TicketStatus from = change(TicketStatus.CANCELLED, now);
    closedAt = now;
    return append(TicketEventKind.CANCELLED, now, actorLogin, from, TicketStatus.CANCELLED, null, why);
  }

  /**
   * This ticket duplicates {@code original} (重复工单): it ends CANCELLED, its timeline names the original, and the
   * original's names it. Both belong to the same customer; the original is open and not itself this ticket.
   *
   * @return this ticket's MERGED event (the original gets MERGED_IN)
   */
  public TicketEvent mergeInto(Ticket original, String actorLogin, String reason, Instant now) {
    String why = required("reason", reason);
    if (original == this || original.ticketNo.equals(ticketNo) || customerId == null || !customerId.equals(original.customerId)
        || !original.status.isOpen()) {
      throw new InvalidInputException("targetNumber", "not-a-duplicate",
          "ticket " + ticketNo + " can only be merged into another open ticket of the same customer", original.ticketNo);
    }
    TicketStatus from = change(TicketStatus.CANCELLED, now);
    closedAt = now;
    original.updatedAt = now;
    original.append(TicketEventKind.MERGED_IN, now, actorLogin, null, null, null, "← " + ticketNo + ": " + subject);
    return append(TicketEventKind.MERGED, now, actorLogin, from, TicketStatus.CANCELLED, null, "→ " + original.ticketNo + ": " + why);
  }

  /** A sub-task of the ticket changed ({@link TicketTask}): a timeline entry for its team; the status does not change. */
  public TicketEvent recordTask(TicketTask task, TicketEventKind kind, String actorLogin, String text, Instant now) {
    if (!kind.name().startsWith("TASK_")) {
      throw new IllegalArgumentException(kind + " is not a sub-task event");
    }
    updatedAt = now;
    String detail = "#" + task.getSeqNo() + (text == null ? "" : ": " + text);
    return append(kind, now, actorLogin, null, null, task.getTeamId(), detail.length() > 1000 ? detail.substring(0, 999) + "…" : detail);
  }

  /** A note on the timeline; the status does not change. Not allowed on a cancelled ticket. */
  public TicketEvent comment(String actorLogin, String text, CommentVisibility visibility, Instant now) {
    String body = required("note", text);
    if (status == TicketStatus.CANCELLED) {
      throw new ConflictException("ticket-transition", "ticket " + ticketNo + " is cancelled", status, status);
    }
    updatedAt = now;
    TicketEvent e =
        new TicketEvent(this, events.size() + 1, TicketEventKind.COMMENTED, now, actorLogin, null, null, null, body,
            visibility == null ? CommentVisibility.INTERNAL : visibility);
    events.add(e);
    return e;
  }

  private TicketStatus change(TicketStatus next, Instant now) {
    TicketStatus from = status;
    moveTo(next);
    updatedAt = now;
    return from;
  }

  /** For two actions that lead to the same status from different ones (start vs resume). */
  private void requireStatus(TicketStatus next, TicketStatus... allowed) {
    for (TicketStatus a : allowed) {
      if (status == a) {
        return;
      }
    }
    throw new ConflictException(
        "ticket-transition", "ticket " + ticketNo + " cannot move from " + status + " to " + next + " this way", status, next);
  }

  private static String required(String field, String text) {
    if (text == null || text.isBlank()) {
      throw new InvalidInputException(field, field + "-required", field + " is required for this action");
    }
    return text.strip();
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }

  private void moveTo(TicketStatus next) {
    if (!status.canMoveTo(next)) {
      throw new ConflictException(
          "ticket-transition", "ticket " + ticketNo + " cannot move from " + status + " to " + next, status, next);
    }
    status = next;
  }

  private TicketEvent append(
      TicketEventKind kind,
      Instant at,
      String actor,
      TicketStatus from,
      TicketStatus to,
      Long teamId,
      String detail) {
    TicketEvent e = new TicketEvent(this, events.size() + 1, kind, at, actor, from, to, teamId, detail, null);
    events.add(e);
    return e;
  }

  public Long getId() {
    return id;
  }

  public TicketNumber getNumber() {
    return new TicketNumber(ticketNo);
  }

  public TicketType getType() {
    return type;
  }

  public TicketCategory getCategory() {
    return category;
  }

  public Priority getPriority() {
    return priority;
  }

  public TicketStatus getStatus() {
    return status;
  }

  public Channel getChannel() {
    return channel;
  }

  public String getSubject() {
    return subject;
  }

  public String getDescription() {
    return description;
  }

  public Long getCustomerId() {
    return customerId;
  }

  public Long getOwningBranchId() {
    return owningBranchId;
  }

  public String getOwningBranchPath() {
    return owningBranchPath;
  }

  public Long getCreatedById() {
    return createdById;
  }

  public Long getAssignedTeamId() {
    return assignedTeamId;
  }

  public Long getAssigneeId() {
    return assigneeId;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public Instant getDispatchedAt() {
    return dispatchedAt;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public int getVersion() {
    return version;
  }

  public List<TicketEvent> getEvents() {
    return List.copyOf(events);
  }
}
