package org.centralis.ticket.domain;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.List;

/** A node of a ticket type's category tree (data, edited by administrators). */
@Entity
@Cacheable
@Table(name = "TICKET_CATEGORY")
@NamedQuery(
    name = "TicketCategory.findActive",
    query = "SELECT c FROM TicketCategory c WHERE c.active = TRUE ORDER BY c.ticketType, c.code")
public class TicketCategory {

  @Id private Long id;
  private String code;

  @Enumerated(EnumType.STRING)
  @Column(name = "TICKET_TYPE")
  private TicketType ticketType;

  private String name;

  @Column(name = "NAME_EN")
  private String nameEn;

  @ManyToOne(fetch = FetchType.EAGER)
  @JoinColumn(name = "PARENT_ID")
  private TicketCategory parent;

  private boolean active;

  @Version private int version;

  protected TicketCategory() {}

  /** This category's id followed by its ancestors' ids, leaf first. */
  public List<Long> lineage() {
    List<Long> ids = new ArrayList<>();
    for (TicketCategory c = this; c != null; c = c.parent) {
      ids.add(c.id);
    }
    return ids;
  }

  public Long getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public TicketType getTicketType() {
    return ticketType;
  }

  public String getName() {
    return name;
  }

  public String getNameEn() {
    return nameEn;
  }

  public String name(String language) {
    return "en".equals(language) ? nameEn : name;
  }

  public TicketCategory getParent() {
    return parent;
  }

  public boolean isActive() {
    return active;
  }
}
