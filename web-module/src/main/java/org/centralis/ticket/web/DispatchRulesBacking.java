package org.centralis.ticket.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.centralis.customer.domain.CustomerTier;
import org.centralis.organization.application.BranchRef;
import org.centralis.organization.application.OrganizationDirectory;
import org.centralis.organization.application.TeamRef;
import org.centralis.shared.web.Messages;
import org.centralis.ticket.application.CategoryTree;
import org.centralis.ticket.application.DispatchRules;
import org.centralis.ticket.application.RuleDocument;
import org.centralis.ticket.application.TryOutAnswer;
import org.centralis.ticket.application.TryOutFacts;
import org.centralis.ticket.application.TicketCategories;
import org.centralis.ticket.domain.DispatchRule;
import org.centralis.ticket.domain.TicketType;
import org.primefaces.PrimeFaces;

/**
 * The administrator's dispatch rules (/admin/dispatch-rules.xhtml): every rule in the matcher's
 * order of precedence, an edit dialog, and the try-out that asks the production matcher which rule
 * and team would receive a ticket — all through {@link DispatchRules}, as the API.
 */
@Named
@ViewScoped
public class DispatchRulesBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private DispatchRules rules;
  @Inject private TicketCategories categories;
  @Inject private OrganizationDirectory organization;

  private List<RuleDocument> all = List.of();
  private List<Choice> categoryChoices = List.of();
  private List<BranchRef> branches = List.of();
  private List<TeamRef> teams = List.of();
  private final Map<Long, Choice> categoryById = new HashMap<>();

  private final Form rule = new Form();
  private Long editingId;
  private Integer version;
  private String name;
  private boolean active = true;

  private final Form trial = new Form();
  private TryOutAnswer result;

  /** A category for the selects: its type, its depth (for indenting) and both names. */
  public record Choice(Long id, String type, String code, String name, String nameEn, int depth, boolean active) implements Serializable {}

  /** The criteria shared by the rule editor and the try-out form. */
  public static class Form implements Serializable {
    private static final long serialVersionUID = 1L;
    private String type;
    private Long categoryId;
    private Long branchId;
    private String tier;
    private String language;
    private Long teamId;

    public String getType() {
      return type;
    }

    public void setType(String type) {
      this.type = type == null || type.isEmpty() ? null : type;
    }

    public Long getCategoryId() {
      return categoryId;
    }

    public void setCategoryId(Long categoryId) {
      this.categoryId = categoryId;
    }

    public Long getBranchId() {
      return branchId;
    }

    public void setBranchId(Long branchId) {
      this.branchId = branchId;
    }

    public String getTier() {
      return tier;
    }

    public void setTier(String tier) {
      this.tier = tier == null || tier.isEmpty() ? null : tier;
    }

    public String getLanguage() {
      return language;
    }

    public void setLanguage(String language) {
      this.language = language == null || language.isEmpty() ? null : language;
    }

    public Long getTeamId() {
      return teamId;
    }

    public void setTeamId(Long teamId) {
      this.teamId = teamId;
    }
  }

  @PostConstruct
  void load() {
    try {
      all = rules.list();
      List<Choice> choices = new ArrayList<>();
      for (CategoryTree t : categories.trees()) {
        t.roots().forEach(n -> flatten(t.type(), n, 0, choices));
      }
      categoryChoices = choices;
      choices.forEach(c -> categoryById.put(c.id(), c));
      branches = organization.visibleBranches();
      teams = organization.teams();
    } catch (RuntimeException e) {
      Messages.handle(e);
    }
  }

  private static void flatten(String type, CategoryTree.Node n, int depth, List<Choice> into) {
    into.add(new Choice(n.id(), type, n.code(), n.name(), n.nameEn(), depth, n.active()));
    n.children().forEach(c -> flatten(type, c, depth + 1, into));
  }

  public void newRule() {
    editingId = null;
    version = null;
    name = null;
    active = true;
    rule.type = null;
    rule.categoryId = null;
    rule.branchId = null;
    rule.tier = null;
    rule.language = null;
    rule.teamId = null;
  }

  public void edit(RuleDocument r) {
    editingId = r.id();
    version = r.version();
    name = r.name();
    active = Boolean.TRUE.equals(r.active());
    rule.type = r.ticketType();
    rule.categoryId = r.categoryId();
    rule.branchId = r.branchId();
    rule.tier = r.customerTier();
    rule.language = r.language();
    rule.teamId = r.teamId();
  }

  public void save() {
    try {
      RuleDocument doc = new RuleDocument(editingId, name, rule.type, rule.categoryId, rule.branchId, rule.tier, rule.language, rule.teamId, active, version);
      if (editingId == null) {
        rules.create(doc);
      } else {
        rules.update(editingId, doc);
      }
      Messages.info("admin.rules.saved", name);
      all = rules.list();
      PrimeFaces.current().ajax().addCallbackParam("saved", true);
    } catch (RuntimeException e) {
      Messages.handle(e);
    }
  }

  public void tryOut() {
    try {
      result = rules.tryOut(new TryOutFacts(trial.type, trial.categoryId, trial.branchId, trial.tier, trial.language));
    } catch (RuntimeException e) {
      result = null;
      Messages.handle(e);
    }
  }

  /** A category that no longer fits the chosen type is dropped. */
  public void typeChanged(Form form) {
    Choice c = form.categoryId == null ? null : categoryById.get(form.categoryId);
    if (c != null && form.type != null && !c.type().equals(form.type)) {
      form.categoryId = null;
    }
  }

  /** The categories of {@code type} (every type when none), indented. */
  public List<Choice> categoriesOf(String type) {
    return categoryChoices.stream().filter(c -> type == null || c.type().equals(type)).toList();
  }

  public String categoryLabel(Choice c) {
    return "　".repeat(c.depth()) + (Messages.english() ? c.nameEn() : c.name()) + " (" + c.code() + ")"
        + (c.active() ? "" : " · " + Messages.text("admin.categories.inactive"));
  }

  public String categoryName(Long id) {
    Choice c = id == null ? null : categoryById.get(id);
    return c == null ? "" : (Messages.english() ? c.nameEn() : c.name());
  }

  public String branchLabel(BranchRef b) {
    return "　".repeat(Math.max(0, b.depth())) + b.name(Messages.locale().getLanguage());
  }

  public String branchName(Long id) {
    return branches.stream().filter(b -> b.id().equals(id)).findFirst().map(b -> b.name(Messages.locale().getLanguage())).orElse(id == null ? "" : "#" + id);
  }

  public String teamName(Long id) {
    return teams.stream().filter(t -> t.id().equals(id)).findFirst().map(this::teamLabel).orElse("");
  }

  public String teamLabel(TeamRef t) {
    return t.name(Messages.locale().getLanguage()) + " · " + (Messages.english() ? t.branchNameEn() : t.branchName());
  }

  public String getResultText() {
    if (result == null) {
      return null;
    }
    if (result.ruleId() == null) {
      return Messages.text("admin.rules.try.none");
    }
    return Messages.text("admin.rules.try.result", result.ruleName(), result.team() == null ? "#" : teamLabel(result.team()));
  }

  public List<String> getTypes() {
    return Arrays.stream(TicketType.values()).map(Enum::name).toList();
  }

  public List<String> getTiers() {
    return Arrays.stream(CustomerTier.values()).map(Enum::name).toList();
  }

  public List<String> getLanguages() {
    return DispatchRule.LANGUAGES;
  }

  public List<RuleDocument> getAll() {
    return all;
  }

  public List<BranchRef> getBranches() {
    return branches;
  }

  public List<TeamRef> getTeams() {
    return teams;
  }

  public Form getRule() {
    return rule;
  }

  public Form getTrial() {
    return trial;
  }

  public TryOutAnswer getResult() {
    return result;
  }

  public String getDialogTitle() {
    return editingId == null ? Messages.text("admin.rules.new") : Messages.text("admin.rules.editing", String.valueOf(editingId));
  }

  public boolean isCreating() {
    return editingId == null;
  }

  public Long getEditingId() {
    return editingId;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public boolean isActive() {
    return active;
  }

  public void setActive(boolean active) {
    this.active = active;
  }
}
