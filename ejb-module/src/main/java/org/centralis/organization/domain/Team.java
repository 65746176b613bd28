package org.centralis.organization.domain;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** The unit that acts on dispatched tickets: a team of a department, at HQ or at a branch. */
@Entity
@Cacheable
@Table(name = "TEAM")
public class Team {

  @Id private Long id;
  private String code;
  private String name;

  @Column(name = "NAME_EN")
  private String nameEn;

  @ManyToOne(fetch = FetchType.EAGER)
  @JoinColumn(name = "DEPARTMENT_ID")
  private Department department;

  @Version private int version;

  protected Team() {}

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

  public String name(String language) {
    return "en".equals(language) ? nameEn : name;
  }

  public Department getDepartment() {
    return department;
  }
}
