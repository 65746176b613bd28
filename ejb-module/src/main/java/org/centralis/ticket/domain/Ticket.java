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

/**
 * A work order (工单). Invariants: its status only changes along {@link TicketStatus#canMoveTo};
 * every change appends an event to its timeline, so the status always equals the last status the
 * timeline records; the owning branch (and so its scope) never changes after creation.
 * Other contexts are referenced by id (customer, branch, staff, team).
 */
@Entity
@Table(name = "TICKET")
@NamedQuery(name = "Ticket.findByNumber", query = "SELECT t FROM Ticket t WHERE t.ticketNo = :number")
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
    TicketEvent e = new TicketEvent(this, events.size() + 1, kind, at, actor, from, to, teamId, detail);
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

  public List<TicketEvent> getEvents() {
    return List.copyOf(events);
  }
}
