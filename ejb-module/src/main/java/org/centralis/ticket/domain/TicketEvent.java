package org.centralis.ticket.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** One entry of a ticket's append-only timeline. Created only by {@link Ticket}. */
@Entity
@Table(name = "TICKET_EVENT")
public class TicketEvent {

  @Id
  @SequenceGenerator(name = "TICKET_EVENT_SEQ", sequenceName = "TICKET_EVENT_SEQ", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "TICKET_EVENT_SEQ")
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "TICKET_ID")
  private Ticket ticket;

  @Column(name = "SEQ_NO")
  private int seqNo;

  @Enumerated(EnumType.STRING)
  private TicketEventKind kind;

  @Column(name = "OCCURRED_AT")
  private Instant occurredAt;

  @Column(name = "ACTOR_LOGIN")
  private String actorLogin;

  @Enumerated(EnumType.STRING)
  @Column(name = "FROM_STATUS")
  private TicketStatus fromStatus;

  @Enumerated(EnumType.STRING)
  @Column(name = "TO_STATUS")
  private TicketStatus toStatus;

  @Column(name = "TEAM_ID")
  private Long teamId;

  private String detail;

  /** Set on comments only: who may read it. */
  @Enumerated(EnumType.STRING)
  private CommentVisibility visibility;

  protected TicketEvent() {}

  TicketEvent(
      Ticket ticket,
      int seqNo,
      TicketEventKind kind,
      Instant occurredAt,
      String actorLogin,
      TicketStatus fromStatus,
      TicketStatus toStatus,
      Long teamId,
      String detail,
      CommentVisibility visibility) {
    this.ticket = ticket;
    this.seqNo = seqNo;
    this.kind = kind;
    this.occurredAt = occurredAt.truncatedTo(ChronoUnit.MILLIS);
    this.actorLogin = actorLogin;
    this.fromStatus = fromStatus;
    this.toStatus = toStatus;
    this.teamId = teamId;
    this.detail = detail;
    this.visibility = visibility;
  }

  public Long getId() {
    return id;
  }

  public int getSeqNo() {
    return seqNo;
  }

  public TicketEventKind getKind() {
    return kind;
  }

  public Instant getOccurredAt() {
    return occurredAt;
  }

  public String getActorLogin() {
    return actorLogin;
  }

  public TicketStatus getFromStatus() {
    return fromStatus;
  }

  public TicketStatus getToStatus() {
    return toStatus;
  }

  public Long getTeamId() {
    return teamId;
  }

  public String getDetail() {
    return detail;
  }

  public CommentVisibility getVisibility() {
    return visibility;
  }
}
