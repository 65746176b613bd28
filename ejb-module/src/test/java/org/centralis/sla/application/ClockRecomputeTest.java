package org.centralis.sla.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The batch loop over clock ids: each batch starts after the last id of the one before, and the loop ends on a batch that is not full. */
class ClockRecomputeTest {

  /** Open clock ids with gaps (closed clocks between them), as the id-range query sees them. */
  private static final TreeSet<Long> OPEN = new TreeSet<>(LongStream.rangeClosed(1, 2_600).filter(id -> id % 5 != 0).boxed().toList());

  @Test
  void everyOpenClockIsVisitedExactlyOnceInBatchesKeyedByTheLastId() {
    List<Long> starts = new ArrayList<>();
    List<Long> visited = new ArrayList<>();
    int changed = ClockRecompute.run(after -> {
      starts.add(after);
      List<Long> page = OPEN.tailSet(after, false).stream().limit(500).toList();
      visited.addAll(page);
      return new ClockRecompute.Batch(page.size(), (int) page.stream().filter(id -> id % 2 == 0).count(), page.isEmpty() ? after : page.get(page.size() - 1));
    }, 500);

    assertEquals(List.copyOf(OPEN), visited, "all 2080 open clocks, in id order, none twice");
    assertEquals(List.of(0L, 624L, 1249L, 1874L, 2499L), starts, "five batches, each after the previous batch's last id");
    assertEquals(OPEN.stream().filter(id -> id % 2 == 0).count(), changed);
  }

  @Test
  void aFullLastBatchIsFollowedByOneEmptyRead() {
    List<Long> starts = new ArrayList<>();
    int changed = ClockRecompute.run(after -> {
      starts.add(after);
      return after == 0 ? new ClockRecompute.Batch(3, 3, 42) : new ClockRecompute.Batch(0, 0, after);
    }, 3);

    assertEquals(List.of(0L, 42L), starts);
    assertEquals(3, changed);
  }

  @Test
  void aBatchRolledBackByARacingSweepIsTriedAgainFromTheSameIdAndAThirdFailureIsRaised() {
    List<Long> starts = new ArrayList<>();
    int changed = ClockRecompute.run(after -> {
      starts.add(after);
      if (starts.size() == 2) {
        throw new IllegalStateException("optimistic lock");
      }
      return after == 0 ? new ClockRecompute.Batch(2, 2, 7) : new ClockRecompute.Batch(1, 1, 9);
    }, 2);
    assertEquals(List.of(0L, 7L, 7L), starts);
    assertEquals(3, changed);

    int[] calls = {0};
    org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> ClockRecompute.run(after -> {
      calls[0]++;
      throw new IllegalStateException("always");
    }, 2));
    assertEquals(ClockRecompute.ATTEMPTS, calls[0]);
  }
}
