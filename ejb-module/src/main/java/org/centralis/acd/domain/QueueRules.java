package org.centralis.acd.domain;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What routing needs to know of a queue: its required skills (code → minimum level), strategy,
 * overflow steps and round-robin pointer. Immutable snapshot, read at the start of a routing pass.
 */
public record QueueRules(
    long id, String code, RoutingStrategy strategy, Map<String, Integer> requiredSkills, List<OverflowStep> steps, Long roundRobinLast) {

  public QueueRules {
    requiredSkills = Map.copyOf(requiredSkills);
    steps = List.copyOf(steps);
  }

  /** The required levels after widening by {@code relaxation} levels; never below 1. */
  public Map<String, Integer> requiredLevels(int relaxation) {
    Map<String, Integer> levels = new LinkedHashMap<>();
    requiredSkills.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> levels.put(e.getKey(), Math.max(1, e.getValue() - relaxation)));
    return levels;
  }

  public QueueRules withRoundRobinLast(Long agentId) {
    return new QueueRules(id, code, strategy, requiredSkills, steps, agentId);
  }
}
