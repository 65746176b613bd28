package org.centralis.acd.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderBy;
import jakarta.persistence.QueryHint;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.centralis.shared.infrastructure.persistence.BooleanLiterals;

/**
 * A routing queue: required skills, strategy, priority rules, service-level target, timers,
 * overflow steps and opening hours. Configuration data; routing reads it as {@link QueueRules}.
 */
@Entity
@Table(name = "ACD_QUEUE")
@NamedQuery(
    name = "RoutingQueue.findActive",
    query = "SELECT q FROM RoutingQueue q WHERE q.active = TRUE ORDER BY q.code",
    hints = @QueryHint(name = BooleanLiterals.HINT, value = BooleanLiterals.INLINE))
@NamedQuery(name = "RoutingQueue.findByCode", query = "SELECT q FROM RoutingQueue q WHERE q.code = :code")
public class RoutingQueue {

  @Id private Long id;
  private String code;
  private String name;

  @Column(name = "NAME_EN")
  private String nameEn;

  @Enumerated(EnumType.STRING)
  private RoutingStrategy strategy;

  /** Customer tier → priority, e.g. {@code GOLD=3,PLATINUM=5,PRIVATE=8}. */
  @Column(name = "TIER_PRIORITIES")
  private String tierPriorities;

  @Column(name = "SL_TARGET_PERCENT")
  private int slTargetPercent;

  @Enumerated(EnumType.STRING)
  @Column(name = "SL_FORMULA")
  private ServiceLevelFormula slFormula = ServiceLevelFormula.ABANDONS_EXCLUDED;

  @Column(name = "SL_THRESHOLD_SECONDS")
  private int slThresholdSeconds;

  @Column(name = "MAX_WAIT_SECONDS")
  private int maxWaitSeconds;

  @Column(name = "WRAP_UP_SECONDS")
  private int wrapUpSeconds;

  @Column(name = "OFFER_TIMEOUT_SECONDS")
  private int offerTimeoutSeconds;

  @Column(name = "MAX_MISSES")
  private int maxMisses;

  @Column(name = "CALENDAR_CODE")
  private String calendarCode;

  @Enumerated(EnumType.STRING)
  @Column(name = "CLOSED_ACTION")
  private ClosedAction closedAction;

  @Column(name = "RR_LAST_AGENT_ID")
  private Long roundRobinLast;

  private boolean active;

  @Version private int version;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "ACD_QUEUE_SKILL", joinColumns = @JoinColumn(name = "QUEUE_ID"))
  private List<RequiredSkill> requiredSkills = new ArrayList<>();

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "ACD_OVERFLOW_STEP", joinColumns = @JoinColumn(name = "QUEUE_ID"))
  @OrderBy("stepNo")
  private List<Step> overflowSteps = new ArrayList<>();

  protected RoutingQueue() {}

  /** A required skill and its minimum level. */
  @Embeddable
  public static class RequiredSkill {
    @Column(name = "SKILL_ID")
    private Long skillId;

    @Column(name = "MIN_LEVEL")
    private int minLevel;

    protected RequiredSkill() {}

    public Long getSkillId() {
      return skillId;
    }

    public int getMinLevel() {
      return minLevel;
    }
  }

  /** One overflow step row. */
  @Embeddable
  public static class Step {
    @Column(name = "STEP_NO")
    private int stepNo;

    @Column(name = "AFTER_SECONDS")
    private int afterSeconds;

    @Enumerated(EnumType.STRING)
    private OverflowStep.Kind kind;

    @Column(name = "LEVEL_DELTA")
    private Integer levelDelta;

    @Column(name = "TARGET_QUEUE_ID")
    private Long targetQueueId;

    protected Step() {}

    OverflowStep toStep() {
      return new OverflowStep(afterSeconds, kind, levelDelta == null ? 0 : levelDelta, targetQueueId);
    }
  }

  /** The routing snapshot; {@code skillCodes} maps skill ids to codes. */
  public QueueRules rules(Map<Long, String> skillCodes) {
    Map<String, Integer> skills = new HashMap<>();
    requiredSkills.forEach(r -> skills.put(skillCodes.get(r.skillId), r.minLevel));
    return new QueueRules(id, code, strategy, skills, overflowSteps.stream().map(Step::toStep).toList(), roundRobinLast);
  }

  /** The priority the queue gives a customer tier (0 if none). */
  public int tierPriority(String tier) {
    if (tier == null || tierPriorities == null) {
      return 0;
    }
    for (String pair : tierPriorities.split(",")) {
      String[] kv = pair.split("=");
      if (kv.length == 2 && kv[0].strip().toUpperCase(Locale.ROOT).equals(tier)) {
        return Integer.parseInt(kv[1].strip());
      }
    }
    return 0;
  }

  public boolean isActive() {
    return active;
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

  public String getNameEn() {
    return nameEn;
  }

  public RoutingStrategy getStrategy() {
    return strategy;
  }

  public String getTierPriorities() {
    return tierPriorities;
  }

  public int getSlTargetPercent() {
    return slTargetPercent;
  }

  public int getSlThresholdSeconds() {
    return slThresholdSeconds;
  }

  public int getMaxWaitSeconds() {
    return maxWaitSeconds;
  }

  public int getWrapUpSeconds() {
    return wrapUpSeconds;
  }

  public int getOfferTimeoutSeconds() {
    return offerTimeoutSeconds;
  }

  public int getMaxMisses() {
    return maxMisses;
  }

  public String getCalendarCode() {
    return calendarCode;
  }

  public ClosedAction getClosedAction() {
    return closedAction;
  }

  public List<RequiredSkill> getRequiredSkills() {
    return List.copyOf(requiredSkills);
  }

  public List<OverflowStep> getOverflowSteps() {
    return overflowSteps.stream().map(Step::toStep).toList();
  }

  public ServiceLevelFormula getSlFormula() {
    return slFormula;
  }
}
