package org.centralis.complaint.application;

/** A node of the complaint or root-cause taxonomy, for pick lists. */
public record TaxonomyRef(Long id, String code, String name, String nameEn, Long parentId) {

  public String name(String language) {
    return "en".equals(language) ? nameEn : name;
  }
}
