package org.centralis.ticket.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * One dispatch rule (派单规则): criteria → team. A null criterion matches anything. The branch
 * criterion is held as the branch's path so it matches the whole subtree.
 */
@Entity
@Table(name = "DISPATCH_RULE")
@NamedQuery(
    name = "DispatchRule.findActive",
    query = "SELECT r FROM DispatchRule r WHERE r.active = TRUE ORDER BY r.id")
public class DispatchRule {

  @Id private Long id;
  private String name;

  @Enumerated(EnumType.STRING)
  @Column(name = "TICKET_TYPE")
  private TicketType ticketType;

  @Column(name = "CATEGORY_ID")
  private Long categoryId;

  @Column(name = "BRANCH_ID")
  private Long branchId;

  @Column(name = "CUSTOMER_TIER")
  private String customerTier;

  @Column(name = "TEAM_ID")
  private Long teamId;

  private boolean active;

  @Version private int version;

  protected DispatchRule() {}

  public DispatchRule(
      Long id, String name, TicketType ticketType, Long categoryId, Long branchId, String customerTier, Long teamId) {
    this.id = id;
    this.name = name;
    this.ticketType = ticketType;
    this.categoryId = categoryId;
    this.branchId = branchId;
    this.customerTier = customerTier;
    this.teamId = teamId;
    this.active = true;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public TicketType getTicketType() {
    return ticketType;
  }

  public Long getCategoryId() {
    return categoryId;
  }

  public Long getBranchId() {
    return branchId;
  }

  public String getCustomerTier() {
    return customerTier;
  }

  public Long getTeamId() {
    return teamId;
  }
}
