package org.centralis.acd.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A skill an agent holds at a level and a queue asks for (e.g. CARD, ENGLISH). */
@Entity
@Table(name = "ACD_SKILL")
@NamedQuery(name = "Skill.findAll", query = "SELECT s FROM Skill s ORDER BY s.code")
public class Skill {

  @Id private Long id;
  private String code;
  private String name;

  @Column(name = "NAME_EN")
  private String nameEn;

  @Version private int version;

  protected Skill() {}

  public Long getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public String getNameEn() {
    return nameEn;
  }
}
