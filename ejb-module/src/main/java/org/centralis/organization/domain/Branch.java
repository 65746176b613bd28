package org.centralis.organization.domain;

import jakarta.persistence.Cacheable;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/**
 * A node of the organization tree (headquarters → region → city branch → outlet). Invariant:
 * {@code path} is the parent's path followed by this branch's id and a slash, so a subtree is the
 * set of branches whose path starts with this one's.
 */
@Entity
@Cacheable
@Table(name = "BRANCH")
@NamedQuery(name = "Branch.findAll", query = "SELECT b FROM Branch b ORDER BY b.path")
@NamedQuery(
    name = "Branch.findSubtree",
    query = "SELECT b FROM Branch b WHERE b.path LIKE :prefix ORDER BY b.path")
public class Branch {

  @Id
  @SequenceGenerator(name = "BRANCH_SEQ", sequenceName = "BRANCH_SEQ", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "BRANCH_SEQ")
  private Long id;

  private String code;
  private String name;

  @Column(name = "NAME_EN")
  private String nameEn;

  @Enumerated(EnumType.STRING)
  private BranchKind kind;

  @ManyToOne(fetch = FetchType.LAZY)
  @JoinColumn(name = "PARENT_ID")
  private Branch parent;

  private String path;

  @Column(name = "TIME_ZONE")
  private String timeZone;

  private boolean active;

  @Version private int version;

  protected Branch() {}

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

  /** The name in the given language: Chinese unless English is asked for. */
  public String name(String language) {
    return "en".equals(language) ? nameEn : name;
  }

  public BranchKind getKind() {
    return kind;
  }

  public Branch getParent() {
    return parent;
  }

  public String getPath() {
    return path;
  }

  public String getTimeZone() {
    return timeZone;
  }

  public boolean isActive() {
    return active;
  }

  public boolean contains(Branch other) {
    return other.path.startsWith(path);
  }
}
