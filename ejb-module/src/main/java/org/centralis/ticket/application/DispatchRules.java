package org.centralis.ticket.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.validation.constraints.NotNull;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.centralis.audit.application.AuditEntry;
import org.centralis.audit.application.AuditTrail;
import org.centralis.customer.domain.CustomerTier;
import org.centralis.organization.application.BranchRef;
import org.centralis.organization.application.OrganizationDirectory;
import org.centralis.shared.domain.ConflictException;
import org.centralis.shared.domain.InvalidInputException;
import org.centralis.shared.domain.NotFoundException;
import org.centralis.shared.security.Role;
import org.centralis.ticket.domain.DispatchRule;
import org.centralis.ticket.domain.DispatchRuleMatcher;
import org.centralis.ticket.domain.TicketCategory;
import org.centralis.ticket.domain.TicketType;

/**
 * The administrators' editor of the dispatch rules (派单规则), and the try-out that answers which
 * rule and team would receive a ticket, through the same {@link TicketDispatch#ruleFor} that
 * dispatches new tickets. Rules are deactivated, never deleted: the audit trail of every ticket they
 * dispatched names them. A change applies to tickets dispatched after it commits.
 */
@Stateless
@RolesAllowed(Role.ADMIN_NAME)
public class DispatchRules {

  @PersistenceContext private EntityManager em;
  @Inject private AuditTrail auditTrail;
  @Inject private OrganizationDirectory organization;
  @Inject private TicketDispatch dispatch;

  /** Every rule, inactive ones included, in the matcher's order of precedence (see {@link DispatchRuleMatcher}). */
  public List<RuleDocument> list() {
    List<DispatchRule> rules = em.createNamedQuery("DispatchRule.findAll", DispatchRule.class).getResultList();
    Map<Long, String> branchPaths = new HashMap<>();
    Map<Long, Integer> categoryDepths = new HashMap<>();
    for (DispatchRule r : rules) {
      if (r.getBranchId() != null) {
        organization.branch(r.getBranchId()).ifPresent(b -> branchPaths.put(b.id(), b.path()));
      }
      if (r.getCategoryId() != null) {
        TicketCategory c = em.find(TicketCategory.class, r.getCategoryId());
        categoryDepths.put(r.getCategoryId(), c == null ? 0 : c.lineage().size() - 1);
      }
    }
    return DispatchRuleMatcher.inPrecedence(rules, branchPaths, categoryDepths).stream().map(DispatchRules::document).toList();
  }

  public RuleDocument get(long id) {
    return document(require(id));
  }

  /** Creates a rule, active unless {@code active} is false, and answers its id. */
  public long create(@NotNull RuleDocument doc) {
    DispatchRule.Criteria criteria = validate(doc);
    long id = ((Number) em.createNativeQuery("SELECT DISPATCH_RULE_SEQ.NEXTVAL FROM DUAL").getSingleResult()).longValue();
    DispatchRule rule = new DispatchRule(id, criteria, !Boolean.FALSE.equals(doc.active()));
    em.persist(rule);
    em.flush();
    auditTrail.record(new AuditEntry("DISPATCH_RULE_CREATED", "DISPATCH_RULE", Long.toString(id), null, summary(rule)));
    return id;
  }

  /** Replaces rule {@code id}'s criteria, team and active flag, from the {@code version} read (409 concurrent-change). */
  public void update(long id, @NotNull RuleDocument doc) {
    DispatchRule rule = require(id);
    if (doc.version() == null) {
      throw new InvalidInputException("version", "version-required", "send the version you read");
    }
    if (doc.version() != rule.getVersion()) {
      throw new ConflictException("concurrent-change", "dispatch rule " + id + " was changed meanwhile; read it again", id);
    }
    DispatchRule.Criteria criteria = validate(doc);
    String before = summary(rule);
    rule.redefine(criteria);
    if (doc.active() != null) {
      if (doc.active()) {
        rule.activate();
      } else {
        rule.deactivate();
      }
    }
    try {
      em.flush();
    } catch (PersistenceException e) {
      throw new ConflictException("concurrent-change", "dispatch rule " + id + " was changed at the same time; read it again", id);
    }
    String after = summary(rule);
    if (!after.equals(before)) {
      auditTrail.record(new AuditEntry("DISPATCH_RULE_CHANGED", "DISPATCH_RULE", Long.toString(id), before, after));
    }
  }

  /** The active rule and team that would receive a ticket with these facts now; nothing is saved. */
  public TryOutAnswer tryOut(@NotNull TryOutFacts request) {
    TicketType type = TicketCategories.type(request.type());
    if (type == null) {
      throw new InvalidInputException("type", "invalid-value", "a ticket has a type", (Object) null);
    }
    if (request.categoryId() == null) {
      throw new InvalidInputException("categoryId", "unknown-category", "a ticket has a category", (Object) null);
    }
    TicketCategory category = category(request.categoryId(), type);
    BranchRef branch = branch(request.branchId());
    String tier = tier(request.customerTier());
    String language = language(request.language());
    return dispatch
        .ruleFor(new DispatchRuleMatcher.Facts(type, category.lineage(), branch.path(), tier, language))
        .map(r -> new TryOutAnswer(r.getId(), r.getName(), organization.team(r.getTeamId()).orElse(null)))
        .orElse(new TryOutAnswer(null, null, null));
  }

  private DispatchRule.Criteria validate(RuleDocument d) {
    if (d.name() == null || d.name().isBlank() || d.name().strip().length() > 100) {
      throw new InvalidInputException("name", "rule-name-required", "a rule has a name of 1 to 100 characters");
    }
    TicketType type = TicketCategories.type(d.ticketType());
    if (d.categoryId() != null) {
      // A category belongs to one type: the rule's type is the category's (a rule naming another type would never match).
      type = category(d.categoryId(), type).getTicketType();
    }
    if (d.branchId() != null) {
      branch(d.branchId());
    }
    if (d.teamId() == null) {
      throw new InvalidInputException("teamId", "team-required", "a rule names the team that receives the ticket");
    }
    if (organization.team(d.teamId()).isEmpty()) {
      throw new InvalidInputException("teamId", "unknown-team", "no team " + d.teamId(), d.teamId());
    }
    return new DispatchRule.Criteria(d.name().strip(), type, d.categoryId(), d.branchId(), tier(d.customerTier()), language(d.language()), d.teamId());
  }

  private TicketCategory category(long id, TicketType type) {
    TicketCategory c = em.find(TicketCategory.class, id);
    if (c == null) {
      throw new InvalidInputException("categoryId", "unknown-category", "no category " + id, id);
    }
    if (type != null && c.getTicketType() != type) {
      throw new InvalidInputException("categoryId", "category-of-other-type", "category " + c.getCode() + " is a " + c.getTicketType() + " category", c.getCode());
    }
    return c;
  }

  private BranchRef branch(Long id) {
    return organization.branch(id).orElseThrow(() -> new InvalidInputException("branchId", "unknown-branch", "no branch " + id, id));
  }

  private static String tier(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return CustomerTier.valueOf(value).name();
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException("customerTier", "invalid-value", "customerTier " + value + " is not one of " + EnumSet.allOf(CustomerTier.class), value);
    }
  }

  private static String language(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (!DispatchRule.LANGUAGES.contains(value)) {
      throw new InvalidInputException("language", "invalid-value", "language " + value + " is not one of " + DispatchRule.LANGUAGES, value);
    }
    return value;
  }

  private DispatchRule require(long id) {
    DispatchRule r = em.find(DispatchRule.class, id);
    if (r == null) {
      throw new NotFoundException("dispatch-rule", id);
    }
    return r;
  }

  private static String summary(DispatchRule r) {
    return r.criteria() + (r.isActive() ? "" : " INACTIVE");
  }

  static RuleDocument document(DispatchRule r) {
    return new RuleDocument(
        r.getId(), r.getName(), r.getTicketType() == null ? null : r.getTicketType().name(), r.getCategoryId(), r.getBranchId(), r.getCustomerTier(),
        r.getLanguage(), r.getTeamId(), r.isActive(), r.getVersion());
  }
}
