package org.centralis.ticket.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.centralis.audit.application.AuditEntry;
import org.centralis.audit.application.AuditTrail;
import org.centralis.shared.domain.ConflictException;
import org.centralis.shared.domain.InvalidInputException;
import org.centralis.shared.domain.NotFoundException;
import org.centralis.shared.infrastructure.persistence.BooleanLiterals;
import org.centralis.shared.security.Role;
import org.centralis.ticket.domain.TicketCategory;
import org.centralis.ticket.domain.TicketType;

/**
 * The administrators' editor of the category trees: add a category under a parent of its type,
 * rename, move, activate or deactivate it. Never delete: tickets, SLA policies, dispatch rules and
 * knowledge articles keep referring to a category, so it is deactivated instead (off the forms).
 * The tree rules live in {@link TicketCategory}; this service adds what needs the database (unique
 * code, active children, the version read) and the audit trail.
 */
@Stateless
@RolesAllowed(Role.ADMIN_NAME)
public class TicketCategories {

  @PersistenceContext private EntityManager em;
  @Inject private AuditTrail auditTrail;

  /** Every type's tree, inactive categories included, children by code. */
  public List<CategoryTree> trees() {
    List<TicketCategory> all = em.createQuery("SELECT c FROM TicketCategory c ORDER BY c.code", TicketCategory.class).getResultList();
    Map<Long, List<TicketCategory>> children = new HashMap<>();
    for (TicketCategory c : all) {
      children.computeIfAbsent(c.getParent() == null ? null : c.getParent().getId(), k -> new ArrayList<>()).add(c);
    }
    return Arrays.stream(TicketType.values())
        .map(t -> new CategoryTree(t.name(), children.getOrDefault(null, List.of()).stream().filter(c -> c.getTicketType() == t).map(c -> node(c, children)).toList()))
        .toList();
  }

  public CategoryDocument get(long id) {
    return document(require(id));
  }

  /** Creates an active category (unless {@code active} is false) and answers its id. */
  public long create(@NotNull CategoryDocument doc) {
    TicketType type = type(doc.type());
    TicketCategory parent = doc.parentId() == null ? null : parent(doc.parentId());
    String code = doc.code() == null ? null : doc.code().strip();
    if (code != null && !em.createQuery("SELECT c.id FROM TicketCategory c WHERE c.code = :code", Long.class).setParameter("code", code).getResultList().isEmpty()) {
      throw new InvalidInputException("code", "category-code-taken", "category code " + code + " is taken", code);
    }
    long id = ((Number) em.createNativeQuery("SELECT TICKET_CATEGORY_SEQ.NEXTVAL FROM DUAL").getSingleResult()).longValue();
    TicketCategory c = TicketCategory.create(id, type, parent, code, doc.name(), doc.nameEn());
    if (Boolean.FALSE.equals(doc.active())) {
      c.deactivate(0);
    }
    em.persist(c);
    try {
      em.flush();
    } catch (PersistenceException e) {
      // Two administrators creating the same code at once: the unique key decides.
      throw new InvalidInputException("code", "category-code-taken", "category code " + code + " is taken", code);
    }
    auditTrail.record(new AuditEntry("TICKET_CATEGORY_CREATED", "TICKET_CATEGORY", c.getCode(), null, summary(c)));
    return id;
  }

  /**
   * Renames, moves, activates or deactivates category {@code id}, from the {@code version} the
   * administrator read (409 concurrent-change if it moved on). Deactivating a category that still has
   * active children is refused (409 category-has-active-children), not cascaded.
   */
  public void update(long id, @NotNull CategoryDocument doc) {
    TicketCategory c = require(id);
    if (doc.version() == null) {
      throw new InvalidInputException("version", "version-required", "send the version you read");
    }
    if (doc.version() != c.getVersion()) {
      throw new ConflictException("concurrent-change", "category " + c.getCode() + " was changed meanwhile; read it again", c.getCode());
    }
    if (doc.code() != null && !doc.code().strip().equals(c.getCode())) {
      throw new InvalidInputException("code", "category-immutable", "the code of a category is fixed", c.getCode());
    }
    if (doc.type() != null && !doc.type().equals(c.getTicketType().name())) {
      throw new InvalidInputException("type", "category-immutable", "the type of a category is fixed", c.getTicketType().name());
    }
    String before = summary(c);
    c.rename(doc.name(), doc.nameEn());
    TicketCategory parent = doc.parentId() == null ? null : parent(doc.parentId());
    // Deactivate before moving under an inactive parent; activate after moving under an active one.
    if (Boolean.FALSE.equals(doc.active()) && c.isActive()) {
      c.deactivate(activeChildren(c));
    }
    c.moveUnder(parent);
    if (Boolean.TRUE.equals(doc.active()) && !c.isActive()) {
      c.activate();
    }
    try {
      em.flush();
    } catch (PersistenceException e) {
      throw new ConflictException("concurrent-change", "category " + c.getCode() + " was changed at the same time; read it again", c.getCode());
    }
    String after = summary(c);
    if (!after.equals(before)) {
      auditTrail.record(new AuditEntry("TICKET_CATEGORY_CHANGED", "TICKET_CATEGORY", c.getCode(), before, after));
    }
  }

  private long activeChildren(TicketCategory c) {
    return em.createQuery("SELECT COUNT(c) FROM TicketCategory c WHERE c.parent.id = :id AND c.active = TRUE", Long.class)
        .setHint(BooleanLiterals.HINT, BooleanLiterals.INLINE)
        .setParameter("id", c.getId())
        .getSingleResult();
  }

  private TicketCategory require(long id) {
    TicketCategory c = em.find(TicketCategory.class, id);
    if (c == null) {
      throw new NotFoundException("ticket-category", id);
    }
    return c;
  }

  private TicketCategory parent(long id) {
    TicketCategory p = em.find(TicketCategory.class, id);
    if (p == null) {
      throw new InvalidInputException("parentId", "unknown-category", "no category " + id, id);
    }
    return p;
  }

  static TicketType type(String value) {
    try {
      return value == null ? null : TicketType.valueOf(value);
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("type", "invalid-value", "type " + value + " is not a ticket type", value);
    }
  }

  private static String summary(TicketCategory c) {
    return c.getTicketType() + "/" + c.getCode() + " under " + (c.getParent() == null ? "-" : c.getParent().getCode()) + " " + c.getName() + " / " + c.getNameEn()
        + (c.isActive() ? "" : " INACTIVE");
  }

  private static CategoryTree.Node node(TicketCategory c, Map<Long, List<TicketCategory>> children) {
    return new CategoryTree.Node(
        c.getId(), c.getCode(), c.getName(), c.getNameEn(), c.getParent() == null ? null : c.getParent().getId(), c.isActive(), c.getVersion(),
        children.getOrDefault(c.getId(), List.of()).stream().map(k -> node(k, children)).toList());
  }

  static CategoryDocument document(TicketCategory c) {
    return new CategoryDocument(
        c.getId(), c.getTicketType().name(), c.getParent() == null ? null : c.getParent().getId(), c.getCode(), c.getName(), c.getNameEn(), c.isActive(), c.getVersion());
  }
}
