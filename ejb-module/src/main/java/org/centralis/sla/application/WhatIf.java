package org.centralis.sla.application;

import java.time.Instant;
import java.util.List;

/**
 * What a proposed change would do to the open clocks it touches, computed without saving.
 *
 * @param openClocks open (running or paused) clocks the change applies to
 * @param moved how many of them would get another deadline
 * @param later how many would get a later one
 * @param earlier the clocks whose deadline would come earlier, soonest first, at most {@code cap}
 * @param earlierCount how many would come earlier in all
 * @param overdueNow how many of the earlier ones would be past their deadline at once
 */
public record WhatIf(long openClocks, long moved, long later, long earlierCount, long overdueNow, int cap, List<Earlier> earlier) {

  /** One clock whose deadline would come earlier. */
  public record Earlier(String ticketNo, String metric, Instant dueAt, Instant newDueAt, boolean overdueNow) {}
}
