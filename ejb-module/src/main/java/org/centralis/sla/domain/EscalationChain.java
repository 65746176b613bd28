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

  public static EscalationChain create(long id, String code, String name, List<EscalationLevel> levels) {
    EscalationChain chain = new EscalationChain();
    chain.id = id;
    chain.replace(code, name, levels);
    return chain;
  }

  /** New code, name and levels; the levels must be numbered 1..n in order (the API numbers them so). */
  public void replace(String code, String name, List<EscalationLevel> newLevels) {
    for (int i = 0; i < newLevels.size(); i++) {
      if (newLevels.get(i).getLevelNo() != i + 1) {
        throw new IllegalArgumentException("level " + newLevels.get(i).getLevelNo() + " at position " + (i + 1));
      }
    }
    this.code = code;
    this.name = name;
    this.levels.clear();
    this.levels.addAll(newLevels);
  }

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
