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

/** A department of a branch; it groups the teams tickets are dispatched to. */
@Entity
@Cacheable
@Table(name = "DEPARTMENT")
public class Department {

  @Id private Long id;
  private String code;
  private String name;

  @Column(name = "NAME_EN")
  private String nameEn;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "BRANCH_ID")
  private Branch branch;

  @Version private int version;

  protected Department() {}

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

  public Branch getBranch() {
    return branch;
  }
}
