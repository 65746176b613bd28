package org.centralis.complaint.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.centralis.ticket.domain.Priority;

/**
 * Repeat-complaint detection: a complaint is a repeat when the same customer complained in the same
 * ticket category within the window before it (90 days by default). A repeat is raised one priority
 * level (up to URGENT). Anonymous complaints are never repeats.
 */
public final class RepeatComplaint {

  /** An earlier complaint, as far as this rule needs it. */
  public record Earlier(String ticketNo, Long customerId, long categoryId, Instant createdAt) {}

  private RepeatComplaint() {}

  /** The most recent earlier complaint that makes this one a repeat, if any. */
  public static Optional<Earlier> of(Long customerId, long categoryId, Instant at, Duration window, List<Earlier> earlier) {
    if (customerId == null) {
      return Optional.empty();
    }
    Instant from = at.minus(window);
    return earlier.stream()
        .filter(e -> customerId.equals(e.customerId()) && e.categoryId() == categoryId)
        .filter(e -> !e.createdAt().isBefore(from) && e.createdAt().isBefore(at))
        .max(Comparator.comparing(Earlier::createdAt));
  }

  public static Priority raised(Priority p) {
    Priority[] all = Priority.values();
    return all[Math.min(p.ordinal() + 1, all.length - 1)];
  }
}
