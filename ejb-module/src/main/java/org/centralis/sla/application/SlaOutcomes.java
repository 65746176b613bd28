package org.centralis.sla.application;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.centralis.reporting.application.FactOutbox;
import org.centralis.reporting.application.FactOutbox.Fact;
import org.centralis.sla.domain.ClockState;
import org.centralis.sla.domain.SlaClock;

/**
 * Tells the reports (ADR 0012) when a clock reaches an outcome, in the transaction that changes the clock: a TICKET fact
 * whose detail is {@code SLA_MET:<clock id>:<day>} or {@code SLA_BREACHED:<clock id>:<day>}, and {@code SLA_UNMET:…} when
 * a reopen takes back a clock's MET (the ticket's resolution did not hold), so a clock counts once, with its final
 * outcome. {@code <day>} is the Asia/Shanghai date of the outcome as an epoch day: the clock's MET_AT or BREACHED_AT may be
 * cleared (a reopen, a next-update cycle) before the roll-up reads it. A next-update clock restarted by a
 * customer-visible update before its deadline counts as met at the update.
 */
@ApplicationScoped
public class SlaOutcomes {

  public static final String MET = "SLA_MET";
  public static final String BREACHED = "SLA_BREACHED";
  public static final String UNMET = "SLA_UNMET";
  /** The day of an outcome is a date in the service centre's zone, like every report day (docs/metrics.md). */
  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  @Inject private FactOutbox outbox;

  /** A clock as it was before a ticket change. */
  public record Before(SlaClock clock, ClockState state, Instant metAt, int cycle) {}

  public List<Before> before(Collection<SlaClock> clocks) {
    List<Before> was = new ArrayList<>(clocks.size());
    clocks.forEach(c -> was.add(new Before(c, c.getState(), c.getMetAt(), c.getCycle())));
    return was;
  }

  /** Records the outcomes the change brought, comparing each clock with what it was. */
  public void after(List<Before> was) {
    for (Before b : was) {
      SlaClock c = b.clock();
      if (c.getCycle() != b.cycle()) {
        if (b.state() == ClockState.RUNNING || b.state() == ClockState.PAUSED) {
          record(c, MET, c.getStartedAt()); // the update that started the new cycle came in time
        }
      } else if (b.state() != ClockState.MET && c.getState() == ClockState.MET) {
        record(c, MET, c.getMetAt());
      } else if (b.state() != ClockState.BREACHED && c.getState() == ClockState.BREACHED) {
        record(c, BREACHED, c.getBreachedAt());
      } else if (b.state() == ClockState.MET && c.getState() != ClockState.MET && b.metAt() != null) {
        record(c, UNMET, b.metAt());
      }
    }
  }

  /** The sweeper found the clock's deadline passed. */
  public void breached(SlaClock clock) {
    record(clock, BREACHED, clock.getBreachedAt());
  }

  private void record(SlaClock clock, String outcome, Instant at) {
    outbox.record(Fact.TICKET, clock.getTicketId(), detail(outcome, clock.getId(), at));
  }

  public static String detail(String outcome, long clockId, Instant at) {
    return outcome + ":" + clockId + ":" + LocalDate.ofInstant(at, ZONE).toEpochDay();
  }
}
