package org.centralis.complaint.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;
import org.centralis.shared.infrastructure.persistence.BooleanLiterals;

/** A node of the complaint taxonomy or the root-cause taxonomy (reference data, edited by administrators). */
@Entity
@Table(name = "COMPLAINT_TAXONOMY")
@NamedQuery(
    name = "TaxonomyNode.findByKind",
    query = "SELECT n FROM TaxonomyNode n WHERE n.kind = :kind AND n.active = TRUE ORDER BY n.id",
    hints = @QueryHint(name = BooleanLiterals.HINT, value = BooleanLiterals.INLINE))
public class TaxonomyNode {

  @Id private Long id;

  @Enumerated(EnumType.STRING)
  private TaxonomyKind kind;

  private String code;
  private String name;

  @Column(name = "NAME_EN")
  private String nameEn;

  @Column(name = "PARENT_ID")
  private Long parentId;

  private boolean active;

  protected TaxonomyNode() {}

  public Long getId() {
    return id;
  }

  public TaxonomyKind getKind() {
    return kind;
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

  public Long getParentId() {
    return parentId;
  }

  public boolean isActive() {
    return active;
  }

  /** The code of the root of this node's tree: the part before the first dash ("FEE-ANNUAL" → "FEE"). */
  public String rootCode() {
    int dash = code.indexOf('-', kind == TaxonomyKind.ROOT_CAUSE ? 3 : 0);
    return dash < 0 ? code : code.substring(0, dash);
  }
}
