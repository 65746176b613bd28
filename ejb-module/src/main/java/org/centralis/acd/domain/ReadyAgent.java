package org.centralis.acd.domain;

import java.time.Instant;
import java.util.Map;

/**
 * A READY agent as routing sees it: skill levels (code → 1..10), idle since, contacts handled today
 * and today's occupancy (0..1).
 */
public record ReadyAgent(long id, String login, Map<String, Integer> skills, Instant idleSince, int contactsToday, double occupancy) {

  public ReadyAgent {
    skills = Map.copyOf(skills);
  }

  /** True if the agent meets every level. */
  public boolean meets(Map<String, Integer> levels) {
    return levels.entrySet().stream().allMatch(e -> skills.getOrDefault(e.getKey(), 0) >= e.getValue());
  }

  /** The sum of the agent's levels in the given skills. */
  public int levelSum(Map<String, Integer> levels) {
    return levels.keySet().stream().mapToInt(s -> skills.getOrDefault(s, 0)).sum();
  }
}
