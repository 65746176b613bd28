package org.centralis.organization.application;

/** A team as other contexts see it, with the branch it belongs to. */
public record TeamRef(Long id, String code, String name, String nameEn, Long branchId, String branchName, String branchNameEn) {

  public String name(String language) {
    return "en".equals(language) ? nameEn : name;
  }
}
