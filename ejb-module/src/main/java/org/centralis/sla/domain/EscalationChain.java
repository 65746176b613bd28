package org.centralis.sla.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.List;

/** An escalation chain (升级链): its levels in order. Invariant: level numbers run 1..n. */
@Entity
@Table(name = "ESCALATION_CHAIN")
public class EscalationChain {

  @Id private Long id;
  private String code;
  private String name;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "ESCALATION_LEVEL", joinColumns = @JoinColumn(name = "CHAIN_ID"))
  @OrderBy("levelNo")
  private List<EscalationLevel> levels = new ArrayList<>();

  @Version private int version;

  protected EscalationChain() {}

  public Long getId() {
    return id;
  }

  public String getCode() {
    return code;
  }

  public String getName() {
    return name;
  }

  public List<EscalationLevel> getLevels() {
    return List.copyOf(levels);
  }

  /** The delay of each level after the breach, level 1 first: what a clock schedules. */
  public List<Long> delays() {
    return levels.stream().map(EscalationLevel::getDelaySeconds).toList();
  }

  public EscalationLevel level(int n) {
    return levels.get(n - 1);
  }
}
