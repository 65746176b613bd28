package org.centralis.quality.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.math.BigDecimal;

/** A weighted criterion of a QA form (reference data: forms are data, not code). */
@Entity
@Table(name = "QA_CRITERION")
@NamedQuery(name = "QaCriterion.findByForm", query = "SELECT c FROM QaCriterion c WHERE c.formId = :formId ORDER BY c.sortNo")
public class QaCriterion {

  @Id private Long id;

  @Column(name = "FORM_ID")
  private Long formId;

  @Column(name = "SORT_NO")
  private int sortNo;

  private String name;

  @Column(name = "NAME_EN")
  private String nameEn;

  private BigDecimal weight;

  protected QaCriterion() {}

  public Long getId() {
    return id;
  }

  public Long getFormId() {
    return formId;
  }

  public int getSortNo() {
    return sortNo;
  }

  public String getName() {
    return name;
  }

  public String getNameEn() {
    return nameEn;
  }

  public BigDecimal getWeight() {
    return weight;
  }
}
