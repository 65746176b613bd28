package org.centralis.acd.domain;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What routing needs to know of a queue: its required skills (code → minimum level), strategy,
 * overflow steps and round-robin pointer. Immutable snapshot, read at the start of a routing pass.
 */
public record QueueRules(
    long id, String code, RoutingStrategy strategy, Map<String, Integer> requiredSkills, List<OverflowStep> steps, Long roundRobinLast) {

  public QueueRules {
    // Sorted by skill code once here: routing asks for the levels of every waiting contact on every pass.
    requiredSkills = Collections.unmodifiableMap(new LinkedHashMap<>(new TreeMap<>(requiredSkills)));
    steps = List.copyOf(steps);
  }

  /** The required levels (by skill code) after widening by {@code relaxation} levels; never below 1. */
  public Map<String, Integer> requiredLevels(int relaxation) {
    if (relaxation <= 0) {
      return requiredSkills;
    }
    Map<String, Integer> levels = new LinkedHashMap<>();
    requiredSkills.forEach((skill, level) -> levels.put(skill, Math.max(1, level - relaxation)));
    return levels;
  }

  public QueueRules withRoundRobinLast(Long agentId) {
    return new QueueRules(id, code, strategy, requiredSkills, steps, agentId);
  }
}
