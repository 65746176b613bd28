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
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.centralis.shared.domain.ConflictException;
import org.centralis.shared.domain.InvalidInputException;
import org.centralis.shared.infrastructure.persistence.BooleanLiterals;

/**
 * A node of a ticket type's category tree (data, edited by administrators). Invariants: one root per
 * type, given by the reference data, that stays the root; every other category has a parent of its
 * own type and is never its own ancestor; an active category has only active ancestors, so the
 * forms never offer a child without its parent. Categories are never deleted (tickets, SLA policies,
 * dispatch rules and knowledge articles refer to them): they are deactivated.
 */
@Entity
@Cacheable
@Table(name = "TICKET_CATEGORY")
@NamedQuery(
    name = "TicketCategory.findActive",
    query = "SELECT c FROM TicketCategory c WHERE c.active = TRUE ORDER BY c.ticketType, c.code",
    hints = @QueryHint(name = BooleanLiterals.HINT, value = BooleanLiterals.INLINE))
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

  /**
   * Upper-case letters, digits, '_' and '-'. The brief asked for {@code [A-Z0-9_]}; the reference
   * data (V5: INQ-BALANCE, CMP-FEE...) uses '-', and a code the existing ones break would be odd.
   */
  public static final Pattern CODE = Pattern.compile("[A-Z0-9_-]{2,40}");

  public static final int NAME_MAX = 100;

  protected TicketCategory() {}

  /** A new active category under {@code parent}; the caller checks that the code is not taken. */
  public static TicketCategory create(long id, TicketType type, TicketCategory parent, String code, String name, String nameEn) {
    if (code == null || !CODE.matcher(code).matches()) {
      throw new InvalidInputException("code", "invalid-category-code", "a category code is 2 to 40 of A-Z, 0-9, '_' and '-'", code);
    }
    if (type == null) {
      throw new InvalidInputException("type", "invalid-value", "a category needs a ticket type", (Object) null);
    }
    if (parent == null) {
      throw new InvalidInputException("parentId", "category-root-fixed", "a new category goes under a parent of its type");
    }
    TicketCategory c = new TicketCategory();
    c.id = id;
    c.code = code;
    c.ticketType = type;
    c.active = true;
    c.rename(name, nameEn);
    c.checkParent(parent);
    c.parent = parent;
    return c;
  }

  /** A type's root, as the reference data holds it (for tests of the tree rules). */
  static TicketCategory root(long id, TicketType type, String code) {
    TicketCategory c = new TicketCategory();
    c.id = id;
    c.ticketType = type;
    c.code = code;
    c.name = code;
    c.nameEn = code;
    c.active = true;
    return c;
  }

  public void rename(String name, String nameEn) {
    this.name = checkedName("name", name);
    this.nameEn = checkedName("nameEn", nameEn);
  }

  /**
   * Moves this category (with its subtree) under {@code newParent}. A root stays a root (null), and
   * nothing else becomes one; the new parent is of the same type and not inside this subtree.
   */
  public void moveUnder(TicketCategory newParent) {
    if (parent == null || newParent == null) {
      if (parent != null || newParent != null) {
        throw new InvalidInputException("parentId", "category-root-fixed", "a type's root stays the root; every other category has a parent");
      }
      return;
    }
    checkParent(newParent);
    parent = newParent;
  }

  private void checkParent(TicketCategory newParent) {
    if (newParent.ticketType != ticketType) {
      throw new InvalidInputException("parentId", "category-of-other-type", "category " + newParent.code + " is a " + newParent.ticketType + " category", newParent.code);
    }
    if (newParent.lineage().contains(id)) {
      throw new InvalidInputException("parentId", "category-cycle", "category " + newParent.code + " lies inside " + code, newParent.code);
    }
    if (active && !newParent.active) {
      throw new ConflictException("category-parent-inactive", "category " + newParent.code + " is inactive", newParent.code);
    }
  }

  public void activate() {
    if (parent != null && !parent.active) {
      throw new ConflictException("category-parent-inactive", "category " + parent.code + " is inactive", parent.code);
    }
    active = true;
  }

  /**
   * Refused while a child is active rather than cascading: deactivating a subtree in one click would
   * silently take many choices off the forms; the administrator deactivates the leaves first.
   */
  public void deactivate(long activeChildren) {
    if (activeChildren > 0) {
      throw new ConflictException("category-has-active-children", "category " + code + " has " + activeChildren + " active children", code, activeChildren);
    }
    active = false;
  }

  private static String checkedName(String field, String value) {
    if (value == null || value.isBlank() || value.strip().length() > NAME_MAX) {
      throw new InvalidInputException(field, "category-name-required", "a category has a name of 1 to " + NAME_MAX + " characters");
    }
    return value.strip();
  }

  public int getVersion() {
    return version;
  }

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
