package org.centralis.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.centralis.reporting.application.TicketFacts;
import org.centralis.sla.application.SlaOutcomes;
import org.centralis.sla.domain.BusinessCalendar;
import org.centralis.sla.domain.TimeWindow;

/**
 * The SLA clocks and report facts of the {@link DemoDataSet} tickets, which are written as rows rather than through the
 * services: each ticket gets its first-response clock (until ACCEPTED) and resolution clock (until RESOLVED, or CLOSED),
 * on the default policy of its priority (V9) and the calendar that policy or the branch names, with deadlines computed by
 * {@link BusinessCalendar}; a clock whose stop came after its deadline, or whose deadline passed while it still runs, is
 * BREACHED. A demo simplification: pauses while PENDING_CUSTOMER are not replayed. Then the pending facts the services
 * would have recorded (LOGGED, CLOSED, REOPENED, SLA_MET/SLA_BREACHED) go into REPORT_FACT_PENDING, so the real roll-up
 * fills TICKET_DAILY_STAT and SLA_DAILY_STAT within seconds of the start.
 */
final class DemoReportFacts {

  /** Escalation level of a demo clock breached before the load: past every level of the seeded chains (3 at most). */
  private static final int DEMO_CHAIN_DONE = 9;


  private static final String BRANCH_CALENDAR = "CN-BANK-2026"; // SlaDemoData assigns it to headquarters, so to every branch

  private final Connection c;
  private final Instant now;
  private final Map<String, BusinessCalendar> calendars = new HashMap<>();
  private int facts;

  private DemoReportFacts(Connection c, Instant now) {
    this.c = c;
    this.now = now;
  }

  /** Returns the number of pending facts written. */
  static int write(Connection c, Instant now) throws SQLException {
    DemoReportFacts demo = new DemoReportFacts(c, now);
    demo.clocksAndFacts();
    return demo.facts;
  }

  private record Policy(long id, String calendar, long firstResponse, long resolution, String warn) {}

  private void clocksAndFacts() throws SQLException {
    Map<String, Policy> policies = new HashMap<>();
    try (PreparedStatement s = c.prepareStatement(
            "SELECT ID, PRIORITY, CALENDAR_CODE, FIRST_RESPONSE_SECONDS, RESOLUTION_SECONDS, WARN_PERCENTS FROM SLA_POLICY"
                + " WHERE ACTIVE = 1 AND TICKET_TYPE IS NULL AND CATEGORY_ID IS NULL AND CUSTOMER_TIER IS NULL AND CHANNEL IS NULL");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        policies.put(r.getString(2) == null ? "" : r.getString(2),
            new Policy(r.getLong(1), r.getString(3) == null ? BRANCH_CALENDAR : r.getString(3), r.getLong(4), r.getLong(5), r.getString(6)));
      }
    }
    String sql = "SELECT t.ID, t.TICKET_NO, t.PRIORITY, t.OWNING_BRANCH_PATH, t.CREATED_AT, t.STATUS, t.CLOSED_AT,"
        + " (SELECT MIN(e.OCCURRED_AT) FROM TICKET_EVENT e WHERE e.TICKET_ID = t.ID AND e.KIND = 'ACCEPTED'),"
        + " (SELECT MIN(e.OCCURRED_AT) FROM TICKET_EVENT e WHERE e.TICKET_ID = t.ID AND e.KIND IN ('RESOLVED', 'CLOSED')),"
        + " (SELECT MIN(e.OCCURRED_AT) FROM TICKET_EVENT e WHERE e.TICKET_ID = t.ID AND e.KIND = 'CANCELLED')"
        + " FROM TICKET t WHERE NOT EXISTS (SELECT 1 FROM SLA_CLOCK k WHERE k.TICKET_ID = t.ID) ORDER BY t.ID";
    try (PreparedStatement s = c.prepareStatement(sql);
        ResultSet r = s.executeQuery();
        PreparedStatement clock = c.prepareStatement(
            "INSERT INTO SLA_CLOCK (ID, TICKET_ID, TICKET_NO, BRANCH_PATH, METRIC, POLICY_ID, CALENDAR_CODE, TARGET_SECONDS, WARN_PERCENTS, STATE,"
                + " STARTED_AT, DUE_AT, WARNINGS_FIRED, MET_AT, BREACHED_AT, STOPPED_AT, NEXT_DUE_AT, ESCALATION_LEVEL)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        PreparedStatement clockId = c.prepareStatement("SELECT SLA_CLOCK_SEQ.NEXTVAL FROM DUAL");
        PreparedStatement fact = factStatement()) {
      while (r.next()) {
        long ticket = r.getLong(1);
        Policy policy = policies.getOrDefault(r.getString(3), policies.get(""));
        Instant created = instant(r, 5);
        addFact(fact, ticket, TicketFacts.LOGGED);
        if ("CLOSED".equals(r.getString(6)) && r.getObject(7) != null) {
          addFact(fact, ticket, TicketFacts.CLOSED + ":" + instant(r, 7).toEpochMilli());
        }
        if (policy != null) {
          Instant cancelled = instant(r, 10);
          BusinessCalendar calendar = calendar(policy.calendar());
          String[] clocks = {"FIRST_RESPONSE", "RESOLUTION"};
          Instant[] stops = {instant(r, 8), instant(r, 9)};
          long[] targets = {policy.firstResponse(), policy.resolution()};
          for (int i = 0; i < clocks.length; i++) {
            Instant due = calendar.addWorkingTime(created, targets[i]);
            Instant stop = stops[i] != null ? stops[i] : cancelled;
            String state;
            Instant end = stop != null ? stop : now;
            if (end.isAfter(due)) {
              state = "BREACHED";
            } else if (stops[i] != null) {
              state = "MET";
            } else {
              state = stop != null ? "CANCELLED" : "RUNNING";
            }
            long id;
            try (ResultSet next = clockId.executeQuery()) {
              next.next();
              id = next.getLong(1);
            }
            clock.setLong(1, id);
            clock.setLong(2, ticket);
            clock.setString(3, r.getString(2));
            clock.setString(4, r.getString(4));
            clock.setString(5, clocks[i]);
            clock.setLong(6, policy.id());
            clock.setString(7, policy.calendar());
            clock.setLong(8, targets[i]);
            clock.setString(9, policy.warn());
            clock.setString(10, state);
            clock.setObject(11, utc(created));
            clock.setObject(12, utc(due));
            clock.setInt(13, state.equals("RUNNING") ? 0 : policy.warn().split(",").length);
            setInstant(clock, 14, state.equals("MET") ? stop : null);
            setInstant(clock, 15, state.equals("BREACHED") ? due : null);
            setInstant(clock, 16, state.equals("RUNNING") ? null : stop);
            setInstant(clock, 17, state.equals("RUNNING") ? due : null); // the live sweeper breaches it when due
            // A demo breach is history: its chain ran out long ago (no chain has more levels), so a later recompute
            // (a calendar change) does not replay a burst of old escalations.
            clock.setInt(18, state.equals("BREACHED") ? DEMO_CHAIN_DONE : 0);
            clock.addBatch();
            if (state.equals("MET") || state.equals("BREACHED")) {
              addFact(fact, ticket, SlaOutcomes.detail(state.equals("MET") ? SlaOutcomes.MET : SlaOutcomes.BREACHED, id, state.equals("MET") ? stop : due));
            }
          }
        }
      }
      clock.executeBatch();
      fact.executeBatch();
    }
    try (PreparedStatement s = c.prepareStatement("SELECT TICKET_ID, OCCURRED_AT FROM TICKET_EVENT WHERE KIND = 'REOPENED'");
        ResultSet r = s.executeQuery();
        PreparedStatement fact = factStatement()) {
      while (r.next()) {
        addFact(fact, r.getLong(1), TicketFacts.REOPENED + ":" + instant(r, 2).toEpochMilli());
      }
      fact.executeBatch();
    }
  }

  private PreparedStatement factStatement() throws SQLException {
    return c.prepareStatement(
        "INSERT INTO REPORT_FACT_PENDING (ID, FACT, REF_ID, DETAIL, CREATED_AT) VALUES (REPORT_FACT_SEQ.NEXTVAL, 'TICKET', ?, ?, ?)");
  }

  private void addFact(PreparedStatement fact, long ticket, String detail) throws SQLException {
    fact.setLong(1, ticket);
    fact.setString(2, detail);
    fact.setObject(3, utc(now));
    fact.addBatch();
    if (++facts % 500 == 0) {
      fact.executeBatch();
    }
  }

  /** The calendar as BusinessCalendars stores it (V6 rows), read with plain JDBC like the rest of the demo load. */
  private BusinessCalendar calendar(String code) throws SQLException {
    BusinessCalendar cached = calendars.get(code);
    if (cached != null) {
      return cached;
    }
    long id;
    BusinessCalendar.Builder b;
    try (PreparedStatement s = c.prepareStatement("SELECT ID, TIME_ZONE FROM BUSINESS_CALENDAR WHERE CODE = ?")) {
      s.setString(1, code);
      try (ResultSet r = s.executeQuery()) {
        if (!r.next()) {
          throw new SQLException("no calendar " + code);
        }
        id = r.getLong(1);
        b = BusinessCalendar.in(r.getString(2));
      }
    }
    for (String[] w : rows("SELECT DAY_OF_WEEK, FROM_TIME, TO_TIME FROM CALENDAR_WEEKLY_WINDOW WHERE CALENDAR_ID = ?", id, 3)) {
      b.hours(DayOfWeek.valueOf(w[0]), Set.of(TimeWindow.parse("hours", w[1], w[2])));
    }
    for (String[] h : rows("SELECT MONTH_DAY FROM CALENDAR_RECURRING_HOLIDAY WHERE CALENDAR_ID = ?", id, 1)) {
      b.recurringHoliday(MonthDay.parse("--" + h[0]));
    }
    for (String[] h : rows("SELECT TO_CHAR(HOLIDAY_DATE, 'YYYY-MM-DD') FROM CALENDAR_HOLIDAY_DATE WHERE CALENDAR_ID = ?", id, 1)) {
      b.holiday(LocalDate.parse(h[0]));
    }
    for (String[] w : rows("SELECT TO_CHAR(WORK_DATE, 'YYYY-MM-DD'), FROM_TIME, TO_TIME FROM CALENDAR_WORKDAY_WINDOW WHERE CALENDAR_ID = ?", id, 3)) {
      b.workday(LocalDate.parse(w[0]), Set.of(TimeWindow.parse("workdays", w[1], w[2])));
    }
    for (String[] w : rows("SELECT TO_CHAR(BREAK_DATE, 'YYYY-MM-DD'), FROM_TIME, TO_TIME FROM CALENDAR_BREAK WHERE CALENDAR_ID = ?", id, 3)) {
      b.breakOn(LocalDate.parse(w[0]), TimeWindow.parse("breaks", w[1], w[2]));
    }
    BusinessCalendar calendar = b.build();
    calendars.put(code, calendar);
    return calendar;
  }

  private java.util.List<String[]> rows(String sql, long id, int columns) throws SQLException {
    java.util.List<String[]> rows = new java.util.ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setLong(1, id);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          String[] row = new String[columns];
          for (int i = 0; i < columns; i++) {
            row[i] = r.getString(i + 1);
          }
          rows.add(row);
        }
      }
    }
    return rows;
  }

  private static Instant instant(ResultSet r, int column) throws SQLException {
    OffsetDateTime t = r.getObject(column, OffsetDateTime.class);
    return t == null ? null : t.toInstant();
  }

  private static OffsetDateTime utc(Instant t) {
    return t.atOffset(ZoneOffset.UTC);
  }

  private static void setInstant(PreparedStatement s, int index, Instant t) throws SQLException {
    if (t == null) {
      s.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
    } else {
      s.setObject(index, utc(t));
    }
  }
}
