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
import java.util.Locale;
import java.util.Map;
import java.util.HashSet;
import java.util.Set;
import org.centralis.shared.web.Messages;
import org.centralis.ticket.application.CategoryDocument;
import org.centralis.ticket.application.CategoryTree;
import org.centralis.ticket.application.TicketCategories;
import org.centralis.ticket.domain.TicketType;
import org.primefaces.PrimeFaces;
import org.primefaces.model.DefaultTreeNode;
import org.primefaces.model.TreeNode;

/**
 * The administrator's category trees (/admin/ticket-categories.xhtml): one tree table per ticket
 * type; a dialog adds a sub-category, or renames, moves, activates or deactivates one, through
 * {@link TicketCategories} (which the API uses too, and which holds the rules).
 */
@Named
@ViewScoped
public class TicketCategoriesBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private TicketCategories categories;

  private final Map<String, TreeNode<Row>> trees = new HashMap<>();
  private final Map<String, List<Row>> rowsByType = new HashMap<>();

  // The dialog: a new category (id null) or the one being changed.
  private Long id;
  private String type;
  private Long parentId;
  private String code;
  private String name;
  private String nameEn;
  private boolean active;
  private Integer version;
  private boolean root;
  private Set<Long> subtree = Set.of();

  /** A category as a tree row; {@code depth} 0 for a type's root. */
  public record Row(Long id, String type, String code, String name, String nameEn, Long parentId, boolean active, int version, int depth)
      implements Serializable {}

  @PostConstruct
  void load() {
    try {
      trees.clear();
      rowsByType.clear();
      for (CategoryTree t : categories.trees()) {
        TreeNode<Row> top = new DefaultTreeNode<>(new Row(null, t.type(), "", "", "", null, true, 0, -1), null);
        List<Row> rows = new ArrayList<>();
        for (CategoryTree.Node n : t.roots()) {
          add(t.type(), n, top, 0, rows);
        }
        trees.put(t.type(), top);
        rowsByType.put(t.type(), rows);
      }
    } catch (RuntimeException e) {
      Messages.handle(e);
    }
  }

  private void add(String type, CategoryTree.Node n, TreeNode<Row> parent, int depth, List<Row> rows) {
    Row row = new Row(n.id(), type, n.code(), n.name(), n.nameEn(), n.parentId(), n.active(), n.version(), depth);
    rows.add(row);
    TreeNode<Row> node = new DefaultTreeNode<>(row, parent);
    node.setExpanded(true);
    for (CategoryTree.Node child : n.children()) {
      add(type, child, node, depth + 1, rows);
    }
  }

  public List<String> getTypes() {
    return Arrays.stream(TicketType.values()).map(Enum::name).toList();
  }

  public TreeNode<Row> tree(String type) {
    return trees.get(type);
  }

  public String count(String type) {
    List<Row> rows = rowsByType.getOrDefault(type, List.of());
    return Messages.text("admin.categories.count", rows.size(), rows.stream().filter(r -> !r.active()).count());
  }

  /** Opens the dialog for a new active sub-category of {@code parent}. */
  public void addChild(Row parent) {
    id = null;
    type = parent.type();
    parentId = parent.id();
    code = null;
    name = null;
    nameEn = null;
    active = true;
    version = null;
    root = false;
    subtree = Set.of();
  }

  /** Opens the dialog on {@code row}: its names, parent and state. */
  public void edit(Row row) {
    id = row.id();
    type = row.type();
    parentId = row.parentId();
    code = row.code();
    name = row.name();
    nameEn = row.nameEn();
    active = row.active();
    version = row.version();
    root = row.parentId() == null;
    // A category cannot move into its own subtree: those rows are not offered as parents.
    subtree = new HashSet<>();
    boolean inside = false;
    int depth = 0;
    for (Row r : rowsByType.get(type)) {
      if (r.id().equals(row.id())) {
        inside = true;
        depth = r.depth();
        subtree.add(r.id());
      } else if (inside && r.depth() > depth) {
        subtree.add(r.id());
      } else {
        inside = false;
      }
    }
  }

  public void save() {
    try {
      // People type codes in lower case too; the API itself takes only upper case.
      String typed = code == null ? null : code.strip().toUpperCase(Locale.ROOT);
      CategoryDocument doc = new CategoryDocument(id, type, parentId, typed, name, nameEn, active, version);
      if (id == null) {
        categories.create(doc);
        Messages.info("admin.categories.created", typed);
      } else {
        categories.update(id, doc);
        Messages.info("admin.categories.saved", code);
      }
      load();
      PrimeFaces.current().ajax().addCallbackParam("saved", true);
    } catch (RuntimeException e) {
      Messages.handle(e);
    }
  }

  /** The categories of the dialog's type that may be the parent, indented by depth. */
  public List<Row> getParentChoices() {
    return type == null ? List.of() : rowsByType.getOrDefault(type, List.of()).stream().filter(r -> !subtree.contains(r.id())).toList();
  }

  public String label(Row r) {
    return "　".repeat(Math.max(0, r.depth())) + (Messages.english() ? r.nameEn() : r.name()) + " (" + r.code() + ")";
  }

  public String getDialogTitle() {
    if (id != null) {
      return Messages.text("admin.categories.editing", code);
    }
    return rowsByType.getOrDefault(type, List.of()).stream().filter(r -> r.id().equals(parentId)).findFirst()
        .map(p -> Messages.text("admin.categories.new", Messages.english() ? p.nameEn() : p.name())).orElse("");
  }

  public boolean isCreating() {
    return id == null;
  }

  public boolean isRoot() {
    return root;
  }

  public String getType() {
    return type;
  }

  public Long getParentId() {
    return parentId;
  }

  public void setParentId(Long parentId) {
    this.parentId = parentId;
  }

  public String getCode() {
    return code;
  }

  public void setCode(String code) {
    this.code = code;
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getNameEn() {
    return nameEn;
  }

  public void setNameEn(String nameEn) {
    this.nameEn = nameEn;
  }

  public boolean isActive() {
    return active;
  }

  public void setActive(boolean active) {
    this.active = active;
  }
}
