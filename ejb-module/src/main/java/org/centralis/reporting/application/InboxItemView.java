package org.centralis.reporting.application;

import java.time.Instant;

/** One report in a recipient's inbox, with what its run says of itself. */
public record InboxItemView(
    long id, long runId, String report, String status, String format, String parameters, Long scheduleId, String scheduleName, Instant deliveredAt,
    String emailedTo, Instant readAt) {

  public boolean unread() {
    return readAt == null;
  }
}
