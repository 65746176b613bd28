package org.centralis.acd.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** Why an agent is NOT_READY (小休, 培训, ...). System codes (NO_ANSWER) are set by the ACD only. */
@Entity
@Table(name = "ACD_REASON_CODE")
@NamedQuery(name = "ReasonCode.findAll", query = "SELECT r FROM ReasonCode r ORDER BY r.systemCode, r.code")
public class ReasonCode {

  /** Set by the ACD when an agent lets too many offers time out. */
  public static final String NO_ANSWER = "NO_ANSWER";

  @Id private String code;
  private String name;

  @Column(name = "NAME_EN")
  private String nameEn;

  @Column(name = "SYSTEM_CODE")
  private boolean systemCode;

  private boolean active;

  protected ReasonCode() {}

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public String getNameEn() {
    return nameEn;
  }

  public boolean isSystemCode() {
    return systemCode;
  }

  public boolean isActive() {
    return active;
  }
}
