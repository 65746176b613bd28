package org.centralis.sla.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The clock of one SLA metric of one ticket. Invariant: every instant it reports is
 * {@code calendar.addWorkingTime(startedAt, n + pausedSeconds)} for a stored {@code n} (a warning
 * threshold, the target, the target plus an escalation delay), so any node computes the same
 * deadlines from the same row; {@link #nextDueAt} is the earliest step not fired yet, or null when
 * nothing can fire (paused, met, stopped). Time arithmetic is delegated to {@link BusinessCalendar}.
 */
@Entity
@Table(name = "SLA_CLOCK")
@NamedQuery(name = "SlaClock.findByTicket", query = "SELECT c FROM SlaClock c WHERE c.ticketId = :ticket ORDER BY c.metric")
@NamedQuery(
    name = "SlaClock.findDue",
    query = "SELECT c.id FROM SlaClock c WHERE c.nextDueAt <= :now ORDER BY c.nextDueAt")
@NamedQuery(
    name = "SlaClock.findOpenByPolicy",
    query = "SELECT c FROM SlaClock c WHERE c.policyId = :policy AND c.stoppedAt IS NULL AND c.state IN :states ORDER BY c.id")
public class SlaClock {

  @Id
  @SequenceGenerator(name = "SLA_CLOCK_SEQ", sequenceName = "SLA_CLOCK_SEQ", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "SLA_CLOCK_SEQ")
  private Long id;

  @Column(name = "TICKET_ID")
  private long ticketId;

  @Column(name = "TICKET_NO")
  private String ticketNo;

  @Column(name = "BRANCH_PATH")
  private String branchPath;

  @Enumerated(EnumType.STRING)
  private SlaMetric metric;

  @Column(name = "POLICY_ID")
  private long policyId;

  @Column(name = "CHAIN_ID")
  private Long chainId;

  @Column(name = "CALENDAR_CODE")
  private String calendarCode;

  @Column(name = "TARGET_SECONDS")
  private long targetSeconds;

  @Column(name = "WARN_PERCENTS")
  private String warnPercents;

  @Enumerated(EnumType.STRING)
  private ClockState state;

  private int cycle;

  @Column(name = "STARTED_AT")
  private Instant startedAt;

  @Column(name = "PAUSED_AT")
  private Instant pausedAt;

  @Column(name = "PAUSED_SECONDS")
  private long pausedSeconds;

  @Column(name = "DUE_AT")
  private Instant dueAt;

  @Column(name = "WARNINGS_FIRED")
  private int warningsFired;

  @Column(name = "ESCALATION_LEVEL")
  private int escalationLevel;

  @Column(name = "MET_AT")
  private Instant metAt;

  @Column(name = "BREACHED_AT")
  private Instant breachedAt;

  @Column(name = "STOPPED_AT")
  private Instant stoppedAt;

  /** Someone told by an escalation level that asks for it confirmed: no later level fires in this cycle. */
  @Column(name = "ACKNOWLEDGED_AT")
  private Instant acknowledgedAt;

  @Column(name = "ACKNOWLEDGED_BY")
  private String acknowledgedBy;

  @Column(name = "NEXT_DUE_AT")
  private Instant nextDueAt;

  @Version private int version;

  protected SlaClock() {}

  /** What a clock is measured against: the policy's target for the metric, on a calendar. */
  public record Terms(long policyId, Long chainId, String calendarCode, long targetSeconds, String warnPercents) {
    public Terms {
      if (targetSeconds <= 0) {
        throw new IllegalArgumentException("target must be positive: " + targetSeconds);
      }
      parsePercents(warnPercents);
    }
  }

  /** Starts a clock at {@code at}; escalation delays are those of the policy's chain, level 1 first. */
  public static SlaClock start(
      long ticketId, String ticketNo, String branchPath, SlaMetric metric, Terms terms, Instant at, BusinessCalendar calendar, List<Long> delays) {
    SlaClock c = new SlaClock();
    c.ticketId = ticketId;
    c.ticketNo = ticketNo;
    c.branchPath = branchPath;
    c.metric = metric;
    c.cycle = 1;
    c.apply(terms);
    c.begin(at);
    c.schedule(calendar, delays);
    return c;
  }

  private void apply(Terms terms) {
    policyId = terms.policyId();
    chainId = terms.chainId();
    calendarCode = terms.calendarCode();
    targetSeconds = terms.targetSeconds();
    warnPercents = terms.warnPercents();
  }

  private void begin(Instant at) {
    state = ClockState.RUNNING;
    startedAt = at;
    pausedAt = null;
    pausedSeconds = 0;
    warningsFired = 0;
    escalationLevel = 0;
    metAt = null;
    breachedAt = null;
    stoppedAt = null;
    acknowledgedAt = null;
    acknowledgedBy = null;
  }

  /** True while the clock still counts towards something (running, or breached and escalating). */
  public boolean isActive() {
    return stoppedAt == null && (state == ClockState.RUNNING || state == ClockState.PAUSED || state == ClockState.BREACHED);
  }

  /** The ticket waits on the customer: the clock stops counting. */
  public void pause(Instant at) {
    if (!isActive() || pausedAt != null) {
      return;
    }
    pausedAt = at;
    if (state == ClockState.RUNNING) {
      state = ClockState.PAUSED;
    }
    nextDueAt = null;
  }

  /** The wait is over: the working time it lasted moves every pending instant later. */
  public void resume(Instant at, BusinessCalendar calendar, List<Long> delays) {
    if (pausedAt == null) {
      return;
    }
    pausedSeconds += calendar.workingSecondsBetween(pausedAt, at);
    pausedAt = null;
    if (state == ClockState.PAUSED) {
      state = ClockState.RUNNING;
    }
    schedule(calendar, delays);
  }

  /**
   * What the clock measures happened at {@code at}. Met if that is no later than the deadline
   * (paused time counted out); otherwise breached at the deadline, even if the sweeper had not yet
   * fired it. A breached clock just stops.
   */
  public void meet(Instant at, BusinessCalendar calendar) {
    if (!isActive()) {
      return;
    }
    if (pausedAt != null) {
      pausedSeconds += calendar.workingSecondsBetween(pausedAt, at);
      pausedAt = null;
    }
    if (state != ClockState.BREACHED) {
      dueAt = instant(calendar, targetSeconds);
      if (at.isAfter(dueAt)) {
        state = ClockState.BREACHED;
        breachedAt = dueAt;
      } else {
        state = ClockState.MET;
        metAt = at;
      }
    }
    stoppedAt = at;
    nextDueAt = null;
  }

  /** The ticket was cancelled: a clock that has not breached is cancelled, a breached one stops. */
  public void cancel(Instant at) {
    if (!isActive()) {
      return;
    }
    if (state != ClockState.BREACHED) {
      state = ClockState.CANCELLED;
    }
    pausedAt = null;
    stoppedAt = at;
    nextDueAt = null;
  }

  /**
   * The ticket was reopened: a met (or breached) clock counts again from where it stopped; the time
   * it stood still counts as paused.
   */
  public void reopen(Instant at, BusinessCalendar calendar, List<Long> delays) {
    if (stoppedAt == null || state == ClockState.CANCELLED) {
      return;
    }
    pausedSeconds += calendar.workingSecondsBetween(stoppedAt, at);
    stoppedAt = null;
    if (state == ClockState.MET) {
      state = ClockState.RUNNING;
      metAt = null;
    }
    schedule(calendar, delays);
  }

  /**
   * The escalation was confirmed by {@code login}: the chain stops here for this cycle. False (nothing changes) when
   * the clock is not breached and escalating, or was confirmed already.
   */
  public boolean acknowledge(String login, Instant at) {
    if (state != ClockState.BREACHED || stoppedAt != null || acknowledgedAt != null) {
      return false;
    }
    acknowledgedAt = at;
    acknowledgedBy = login;
    nextDueAt = null;
    return true;
  }

  public Instant getAcknowledgedAt() {
    return acknowledgedAt;
  }

  public String getAcknowledgedBy() {
    return acknowledgedBy;
  }

  /** Starts a new cycle (the next-update clock after each customer-visible update). */
  public void restart(Instant at, boolean paused, BusinessCalendar calendar, List<Long> delays) {
    cycle++;
    begin(at);
    if (paused) {
      pausedAt = at;
      state = ClockState.PAUSED;
      dueAt = instant(calendar, targetSeconds);
      nextDueAt = null;
    } else {
      schedule(calendar, delays);
    }
  }

  /** New terms (the policy, the calendar or the ticket's facts changed): instants are recomputed. */
  public void retarget(Terms terms, BusinessCalendar calendar, List<Long> delays) {
    apply(terms);
    warningsFired = Math.min(warningsFired, percents().length);
    if (isActive()) {
      schedule(calendar, delays);
    }
  }

  /**
   * Fires every step due at {@code now}, in order, and moves {@link #nextDueAt} past them. When the
   * breach is due, warnings not fired yet are skipped (a late sweep does not warn after the fact).
   */
  public List<SlaFiring> fireDue(Instant now, BusinessCalendar calendar, List<Long> delays) {
    List<SlaFiring> fired = new ArrayList<>();
    while (nextDueAt != null && !nextDueAt.isAfter(now)) {
      if (state == ClockState.RUNNING) {
        if (!dueAt.isAfter(now)) {
          state = ClockState.BREACHED;
          breachedAt = dueAt;
          warningsFired = percents().length;
          fired.add(new SlaFiring(SlaFiring.Kind.BREACH, 1, dueAt));
        } else {
          warningsFired++;
          fired.add(new SlaFiring(SlaFiring.Kind.WARNING, warningsFired, nextDueAt));
        }
      } else if (state == ClockState.BREACHED) {
        escalationLevel++;
        fired.add(new SlaFiring(SlaFiring.Kind.ESCALATION, escalationLevel, nextDueAt));
      }
      schedule(calendar, delays);
    }
    return fired;
  }

  /** The instant of each warning threshold, in order (those fired and those to come). */
  public List<Instant> warningInstants(BusinessCalendar calendar) {
    List<Instant> out = new ArrayList<>();
    for (int p : percents()) {
      out.add(instant(calendar, targetSeconds * p / 100));
    }
    return out;
  }

  /** Working seconds consumed at {@code now} (paused time excluded), for the countdown. */
  public long elapsedSeconds(Instant now, BusinessCalendar calendar) {
    Instant end = pausedAt != null ? pausedAt : stoppedAt != null ? stoppedAt : now;
    return Math.max(0, calendar.workingSecondsBetween(startedAt, end) - pausedSeconds);
  }

  private void schedule(BusinessCalendar calendar, List<Long> delays) {
    if (state == ClockState.RUNNING) {
      dueAt = instant(calendar, targetSeconds);
      int[] p = percents();
      nextDueAt = warningsFired < p.length ? min(instant(calendar, targetSeconds * p[warningsFired] / 100), dueAt) : dueAt;
    } else if (state == ClockState.BREACHED && stoppedAt == null && pausedAt == null && acknowledgedAt == null && escalationLevel < delays.size()) {
      nextDueAt = instant(calendar, targetSeconds + delays.get(escalationLevel));
    } else {
      nextDueAt = null;
    }
  }

  private Instant instant(BusinessCalendar calendar, long workingSeconds) {
    return calendar.addWorkingTime(startedAt, workingSeconds + pausedSeconds);
  }

  private int[] percents() {
    return parsePercents(warnPercents);
  }

  /** "75,90" → [75, 90]; ascending, each 1..99; blank means no warnings. */
  public static int[] parsePercents(String text) {
    if (text == null || text.isBlank()) {
      return new int[0];
    }
    int[] p;
    try {
      p = Arrays.stream(text.split(",")).map(String::strip).mapToInt(Integer::parseInt).toArray();
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("warning thresholds are whole percents separated by commas: " + text, e);
    }
    for (int i = 0; i < p.length; i++) {
      if (p[i] < 1 || p[i] > 99 || (i > 0 && p[i] <= p[i - 1])) {
        throw new IllegalArgumentException("warning thresholds must ascend within 1..99: " + text);
      }
    }
    return p;
  }

  private static Instant min(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  public Long getId() {
    return id;
  }

  public long getTicketId() {
    return ticketId;
  }

  public String getTicketNo() {
    return ticketNo;
  }

  public String getBranchPath() {
    return branchPath;
  }

  public SlaMetric getMetric() {
    return metric;
  }

  public long getPolicyId() {
    return policyId;
  }

  public Long getChainId() {
    return chainId;
  }

  public String getCalendarCode() {
    return calendarCode;
  }

  public long getTargetSeconds() {
    return targetSeconds;
  }

  public String getWarnPercents() {
    return warnPercents;
  }

  public ClockState getState() {
    return state;
  }

  public int getCycle() {
    return cycle;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getPausedAt() {
    return pausedAt;
  }

  public long getPausedSeconds() {
    return pausedSeconds;
  }

  public Instant getDueAt() {
    return dueAt;
  }

  public int getWarningsFired() {
    return warningsFired;
  }

  public int getEscalationLevel() {
    return escalationLevel;
  }

  public Instant getMetAt() {
    return metAt;
  }

  public Instant getBreachedAt() {
    return breachedAt;
  }

  public Instant getStoppedAt() {
    return stoppedAt;
  }

  public Instant getNextDueAt() {
    return nextDueAt;
  }

  public int getVersion() {
    return version;
  }
}
