package org.centralis.organization.application;

/** A branch as other contexts see it. */
public record BranchRef(Long id, String code, String name, String nameEn, String kind, String path) {

  public String name(String language) {
    return "en".equals(language) ? nameEn : name;
  }

  /** Depth in the tree, 0 for headquarters: for indenting the branch in pickers. */
  public int depth() {
    return depthOf(path);
  }

  /** The depth of the branch whose materialized path this is ({@code /1/} is 0, {@code /1/7/} is 1). */
  public static int depthOf(String path) {
    return (int) path.chars().filter(c -> c == '/').count() - 2;
  }
}
