package org.centralis.ticket.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.List;
import org.centralis.shared.infrastructure.persistence.BooleanLiterals;

/**
 * One dispatch rule (派单规则): criteria → team. A null criterion matches anything. The branch
 * criterion matches the branch's whole subtree (the matcher compares paths). Rules are deactivated,
 * not deleted: a ticket's audit trail names the rule that dispatched it.
 */
@Entity
@Table(name = "DISPATCH_RULE")
@NamedQuery(
    name = "DispatchRule.findActive",
    query = "SELECT r FROM DispatchRule r WHERE r.active = TRUE ORDER BY r.id",
    hints = @QueryHint(name = BooleanLiterals.HINT, value = BooleanLiterals.INLINE))
@NamedQuery(name = "DispatchRule.findAll", query = "SELECT r FROM DispatchRule r ORDER BY r.id")
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

  /** The customer's language ({@link #LANGUAGES}), e.g. English-speaking customers to one team. */
  private String language;

  @Column(name = "TEAM_ID")
  private Long teamId;

  private boolean active;

  @Version private int version;

  /** The values of CUSTOMER.LANGUAGE a rule may ask for. */
  public static final List<String> LANGUAGES = List.of("zh", "en");

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

  /** A rule that also asks for the customer's language; created inactive unless {@code active}. */
  public DispatchRule(long id, Criteria criteria, boolean active) {
    this.id = id;
    redefine(criteria);
    this.active = active;
  }

  /** What a rule asks for and where it sends the ticket; the application checks the references. */
  public record Criteria(String name, TicketType ticketType, Long categoryId, Long branchId, String customerTier, String language, Long teamId) {}

  public void redefine(Criteria c) {
    this.name = c.name();
    this.ticketType = c.ticketType();
    this.categoryId = c.categoryId();
    this.branchId = c.branchId();
    this.customerTier = c.customerTier();
    this.language = c.language();
    this.teamId = c.teamId();
  }

  public void activate() {
    active = true;
  }

  public void deactivate() {
    active = false;
  }

  public Criteria criteria() {
    return new Criteria(name, ticketType, categoryId, branchId, customerTier, language, teamId);
  }

  public String getLanguage() {
    return language;
  }

  public boolean isActive() {
    return active;
  }

  public int getVersion() {
    return version;
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
