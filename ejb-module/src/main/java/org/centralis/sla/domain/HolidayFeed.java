package org.centralis.sla.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.NavigableSet;
import java.util.TreeSet;
import org.centralis.shared.domain.InvalidInputException;

/**
 * The holiday dates of an iCalendar (RFC 5545) feed: every VEVENT with an all-day
 * {@code DTSTART;VALUE=DATE}, up to its exclusive {@code DTEND} (one day when absent). Lines may
 * end in CRLF or LF and be folded (a continuation starts with a space or tab). Anything else in
 * the file (VTIMEZONE, SUMMARY, alarms, X- properties) is ignored. A malformed file is rejected
 * whole, naming the physical line. 调休 working days are not in holiday feeds; they are entered as
 * workdays of the calendar.
 */
public final class HolidayFeed {

  /** An event longer than this is a mistake in the feed, not a holiday. */
  static final int MAX_EVENT_DAYS = 31;

  private static final DateTimeFormatter BASIC_DATE = DateTimeFormatter.BASIC_ISO_DATE;

  private HolidayFeed() {}

  /** A logical (unfolded) line and the physical line it starts on. */
  private record Line(int number, String name, String params, String value) {}

  public static NavigableSet<LocalDate> parse(String text) {
    List<Line> lines = unfold(text == null ? "" : text);
    if (lines.isEmpty() || !isBegin(lines.get(0), "VCALENDAR")) {
      throw malformed(lines.isEmpty() ? 1 : lines.get(0).number(), "the file does not start with BEGIN:VCALENDAR");
    }
    NavigableSet<LocalDate> dates = new TreeSet<>();
    Line eventStart = null;
    LocalDate start = null;
    LocalDate end = null;
    int startLine = 0;
    boolean ended = false;
    for (Line line : lines) {
      if (ended) {
        throw malformed(line.number(), "content after END:VCALENDAR");
      }
      if (isBegin(line, "VEVENT")) {
        if (eventStart != null) {
          throw malformed(line.number(), "BEGIN:VEVENT inside another VEVENT (line " + eventStart.number() + ")");
        }
        eventStart = line;
        start = null;
        end = null;
      } else if (line.name().equals("END") && line.value().equalsIgnoreCase("VEVENT")) {
        if (eventStart == null) {
          throw malformed(line.number(), "END:VEVENT without BEGIN:VEVENT");
        }
        if (start == null) {
          throw malformed(eventStart.number(), "the VEVENT has no DTSTART");
        }
        LocalDate last = end == null ? start.plusDays(1) : end;
        if (!last.isAfter(start)) {
          throw malformed(line.number(), "DTEND is not after DTSTART " + start);
        }
        if (ChronoUnit.DAYS.between(start, last) > MAX_EVENT_DAYS) {
          throw malformed(startLine, "an event of more than " + MAX_EVENT_DAYS + " days is not a holiday");
        }
        start.datesUntil(last).forEach(dates::add);
        eventStart = null;
      } else if (line.name().equals("END") && line.value().equalsIgnoreCase("VCALENDAR")) {
        if (eventStart != null) {
          throw malformed(eventStart.number(), "BEGIN:VEVENT without END:VEVENT");
        }
        ended = true;
      } else if (eventStart != null && line.name().equals("DTSTART")) {
        start = date(line);
        startLine = line.number();
      } else if (eventStart != null && line.name().equals("DTEND")) {
        end = date(line);
      }
    }
    if (!ended) {
      throw malformed(lines.get(lines.size() - 1).number(), "the file does not end with END:VCALENDAR");
    }
    return dates;
  }

  private static boolean isBegin(Line line, String component) {
    return line.name().equals("BEGIN") && line.value().equalsIgnoreCase(component);
  }

  private static LocalDate date(Line line) {
    boolean dateValue = false;
    for (String param : line.params().split(";")) {
      if (param.equalsIgnoreCase("VALUE=DATE")) {
        dateValue = true;
      }
    }
    if (!dateValue && line.value().length() != 8) {
      throw malformed(line.number(), line.name() + " is not an all-day date (DTSTART;VALUE=DATE:20260101); timed events are not holidays");
    }
    try {
      return LocalDate.parse(line.value(), BASIC_DATE);
    } catch (DateTimeParseException e) {
      throw malformed(line.number(), line.name() + " '" + line.value() + "' is not a date like 20260101");
    }
  }

  private static List<Line> unfold(String text) {
    String[] physical = text.split("\r\n|\n|\r", -1);
    List<Line> lines = new ArrayList<>();
    StringBuilder current = null;
    int currentNumber = 0;
    for (int i = 0; i < physical.length; i++) {
      String p = physical[i];
      if (!p.isEmpty() && (p.charAt(0) == ' ' || p.charAt(0) == '\t')) {
        if (current == null) {
          throw malformed(i + 1, "a continuation line with nothing to continue");
        }
        current.append(p, 1, p.length());
        continue;
      }
      if (current != null) {
        lines.add(split(currentNumber, current.toString()));
      }
      current = p.isBlank() ? null : new StringBuilder(p);
      currentNumber = i + 1;
    }
    if (current != null) {
      lines.add(split(currentNumber, current.toString()));
    }
    return lines;
  }

  private static Line split(int number, String line) {
    int colon = line.indexOf(':');
    if (colon <= 0) {
      throw malformed(number, "not a 'NAME:value' line");
    }
    String head = line.substring(0, colon);
    int semicolon = head.indexOf(';');
    String name = (semicolon < 0 ? head : head.substring(0, semicolon)).toUpperCase(Locale.ROOT);
    String params = semicolon < 0 ? "" : head.substring(semicolon + 1);
    return new Line(number, name, params, line.substring(colon + 1).strip());
  }

  private static InvalidInputException malformed(int lineNumber, String message) {
    return new InvalidInputException("body", "invalid-ical", "line " + lineNumber + ": " + message, lineNumber);
  }
}
