package org.centralis.acd.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** An agent's level (1–10) in a skill. */
@Entity
@Table(name = "ACD_AGENT_SKILL")
@IdClass(AgentSkill.Key.class)
@NamedQuery(
    name = "AgentSkill.levelsOfReady",
    query = "SELECT a.staffId, s.code, a.level FROM AgentSkill a, Skill s, AgentSeat seat"
        + " WHERE s.id = a.skillId AND seat.staffId = a.staffId AND seat.state = org.centralis.acd.domain.AgentState.READY")
@NamedQuery(
    name = "AgentSkill.levelsOf",
    query = "SELECT a.staffId, s.code, a.level FROM AgentSkill a, Skill s WHERE s.id = a.skillId AND a.staffId IN :ids")
public class AgentSkill {

  public static final int MIN_LEVEL = 1;
  public static final int MAX_LEVEL = 10;

  @Id
  @Column(name = "STAFF_ID")
  private Long staffId;

  @Id
  @Column(name = "SKILL_ID")
  private Long skillId;

  @Column(name = "SKILL_LEVEL")
  private int level;

  protected AgentSkill() {}

  public Long getStaffId() {
    return staffId;
  }

  public Long getSkillId() {
    return skillId;
  }

  public int getLevel() {
    return level;
  }

  /** Composite key: agent and skill. */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private Long staffId;
    private Long skillId;

    public Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(staffId, k.staffId) && Objects.equals(skillId, k.skillId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(staffId, skillId);
    }
  }
}
