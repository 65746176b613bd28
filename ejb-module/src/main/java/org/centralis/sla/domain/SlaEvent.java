package org.centralis.sla.domain;

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
import java.time.Instant;

/** A step the sweeper fired (append-only). Unique per clock, cycle, kind and seq. */
@Entity
@Table(name = "SLA_EVENT")
@NamedQuery(name = "SlaEvent.findByTicket", query = "SELECT e FROM SlaEvent e WHERE e.ticketId = :ticket ORDER BY e.firedAt, e.id")
public class SlaEvent {

  @Id
  @SequenceGenerator(name = "SLA_EVENT_SEQ", sequenceName = "SLA_EVENT_SEQ", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "SLA_EVENT_SEQ")
  private Long id;

  @Column(name = "CLOCK_ID")
  private long clockId;

  @Column(name = "TICKET_ID")
  private long ticketId;

  @Column(name = "TICKET_NO")
  private String ticketNo;

  @Enumerated(EnumType.STRING)
  private SlaMetric metric;

  private int cycle;

  @Enumerated(EnumType.STRING)
  private SlaFiring.Kind kind;

  private int seq;

  @Column(name = "DUE_AT")
  private Instant dueAt;

  @Column(name = "FIRED_AT")
  private Instant firedAt;

  private String detail;

  protected SlaEvent() {}

  public SlaEvent(SlaClock clock, SlaFiring firing, Instant firedAt, String detail) {
    this.clockId = clock.getId();
    this.ticketId = clock.getTicketId();
    this.ticketNo = clock.getTicketNo();
    this.metric = clock.getMetric();
    this.cycle = clock.getCycle();
    this.kind = firing.kind();
    this.seq = firing.seq();
    this.dueAt = firing.dueAt();
    this.firedAt = firedAt;
    this.detail = detail == null || detail.length() <= 400 ? detail : detail.substring(0, 400);
  }

  public Long getId() {
    return id;
  }

  public String getTicketNo() {
    return ticketNo;
  }

  public SlaMetric getMetric() {
    return metric;
  }

  public int getCycle() {
    return cycle;
  }

  public SlaFiring.Kind getKind() {
    return kind;
  }

  public int getSeq() {
    return seq;
  }

  public Instant getDueAt() {
    return dueAt;
  }

  public Instant getFiredAt() {
    return firedAt;
  }

  public String getDetail() {
    return detail;
  }
}
