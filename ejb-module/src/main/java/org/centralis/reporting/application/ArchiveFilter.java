package org.centralis.reporting.application;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Search of the report archive; every part optional. Results are always limited to the reader's branch subtree.
 *
 * @param createdFrom runs made at or after this instant (with {@code createdTo}, before it)
 * @param periodFrom runs whose period overlaps [periodFrom, periodTo]: September's report is found by asking for September
 * @param branchId runs whose data lies in this branch's subtree (a branch the reader can see)
 */
public record ArchiveFilter(
    String report, String requestedBy, Instant createdFrom, Instant createdTo, LocalDate periodFrom, LocalDate periodTo, Long branchId) {

  /** By report only (the archive tab before any other filter is set). */
  public static ArchiveFilter ofReport(String report) {
    return new ArchiveFilter(report, null, null, null, null, null, null);
  }
}
