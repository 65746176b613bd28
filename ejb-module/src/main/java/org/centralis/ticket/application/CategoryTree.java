package org.centralis.ticket.application;

import java.util.List;

/** One ticket type's category tree, inactive categories included (administrators' view). */
public record CategoryTree(String type, List<Node> roots) {

  /** A category with its children, by code. */
  public record Node(Long id, String code, String name, String nameEn, Long parentId, boolean active, int version, List<Node> children) {

    public String name(String language) {
      return "en".equals(language) ? nameEn : name;
    }
  }
}
