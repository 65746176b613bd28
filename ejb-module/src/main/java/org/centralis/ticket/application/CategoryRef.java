package org.centralis.ticket.application;

/** A ticket category for pickers; {@code parentId} null for a type's root. */
public record CategoryRef(Long id, String code, String type, String name, String nameEn, Long parentId) {

  public String name(String language) {
    return "en".equals(language) ? nameEn : name;
  }
}
