package org.centralis.organization.web;

import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.centralis.organization.application.BranchRef;
import org.centralis.organization.application.OrganizationDirectory;
import org.centralis.shared.web.Messages;
import org.primefaces.model.DefaultTreeNode;
import org.primefaces.model.TreeNode;

/** The organization tree below the signed-in administrator's branch, for the admin home page. */
@Named
@ViewScoped
public class BranchTreeBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private OrganizationDirectory organization;

  private TreeNode<BranchRow> root;
  private int count;

  /** A branch as the tree table shows it. */
  public record BranchRow(String code, String name, String nameEn, String kind) implements Serializable {
    public String getCode() {
      return code;
    }

    public String getName() {
      return name;
    }

    public String getNameEn() {
      return nameEn;
    }

    public String getKind() {
      return kind;
    }
  }

  @PostConstruct
  void load() {
    root = new DefaultTreeNode<>(new BranchRow("", "", "", ""), null);
    try {
      List<BranchRef> branches = organization.visibleBranches();
      count = branches.size();
      Map<String, TreeNode<BranchRow>> byPath = new HashMap<>();
      for (BranchRef b : branches) {
        TreeNode<BranchRow> parent = byPath.getOrDefault(parentPath(b.path()), root);
        TreeNode<BranchRow> node = new DefaultTreeNode<>(new BranchRow(b.code(), b.name(), b.nameEn(), b.kind()), parent);
        node.setExpanded(b.depth() < 2);
        byPath.put(b.path(), node);
      }
    } catch (RuntimeException e) {
      Messages.handle(e);
    }
  }

  /** {@code /1/7/12/} → {@code /1/7/}. */
  private static String parentPath(String path) {
    String trimmed = path.substring(0, path.length() - 1);
    return trimmed.substring(0, trimmed.lastIndexOf('/') + 1);
  }

  public TreeNode<BranchRow> getRoot() {
    return root;
  }

  public int getCount() {
    return count;
  }
}
