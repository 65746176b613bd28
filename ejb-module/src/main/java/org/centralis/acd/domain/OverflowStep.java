package org.centralis.acd.domain;

/**
 * One overflow step of a queue: after {@code afterSeconds} in the queue, WIDEN lowers every required
 * skill level by {@code levelDelta}, MOVE sends the contact to {@code targetQueueId} (keeping its
 * arrival time, so it keeps its place by age).
 */
public record OverflowStep(int afterSeconds, Kind kind, int levelDelta, Long targetQueueId) {

  public enum Kind {
    WIDEN,
    MOVE
  }

  public OverflowStep {
    if (afterSeconds < 0) {
      throw new IllegalArgumentException("afterSeconds < 0");
    }
    if (kind == Kind.MOVE && targetQueueId == null) {
      throw new IllegalArgumentException("a MOVE step needs a target queue");
    }
    if (kind == Kind.WIDEN && levelDelta < 1) {
      throw new IllegalArgumentException("a WIDEN step needs a positive level delta");
    }
  }

  public static OverflowStep widen(int afterSeconds, int levelDelta) {
    return new OverflowStep(afterSeconds, Kind.WIDEN, levelDelta, null);
  }

  public static OverflowStep move(int afterSeconds, long targetQueueId) {
    return new OverflowStep(afterSeconds, Kind.MOVE, 0, targetQueueId);
  }
}
