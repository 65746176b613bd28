package org.centralis.acd.domain;

/**
 * How a queue picks among the eligible ready agents. Ties are broken by the longest idle time,
 * then the lowest agent id, so every decision is deterministic.
 */
public enum RoutingStrategy {
  /** The agent idle (READY) the longest. */
  LONGEST_IDLE,
  /** The lowest occupancy today (busy time / (busy + ready time)), counted over all queues: fair across queues. */
  LEAST_OCCUPIED,
  /** The next agent after the queue's pointer in agent-id order, wrapping around. */
  ROUND_ROBIN,
  /** The highest sum of levels in the queue's required skills. */
  HIGHEST_SKILL,
  /** The fewest contacts handled today. */
  FEWEST_CONTACTS
}
