package org.centralis.sla.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.NavigableSet;
import org.centralis.shared.domain.InvalidInputException;
import org.junit.jupiter.api.Test;

/** Holiday dates read from iCalendar feeds: the real shape (CRLF, folded lines, VTIMEZONE), and malformed files by line. */
class HolidayFeedTest {

  private static final String HEAD = "BEGIN:VCALENDAR\nVERSION:2.0\n";

  @Test
  void the2026ChinaPublicHolidaysFeedGivesTheStateCouncilDates() throws IOException {
    NavigableSet<LocalDate> dates = HolidayFeed.parse(resource("cn-holidays-2026.ics"));

    assertEquals(33, dates.size()); // 3 + 9 + 3 + 5 + 3 + 3 + 7 days off
    assertEquals(LocalDate.of(2026, 1, 1), dates.first());
    assertEquals(LocalDate.of(2026, 10, 7), dates.last());
    assertTrue(dates.contains(LocalDate.of(2026, 2, 15)), "the folded DTSTART of 春节");
    assertTrue(dates.contains(LocalDate.of(2026, 2, 23)), "DTEND 2026-02-24 is exclusive, the 23rd is the last day");
    assertTrue(!dates.contains(LocalDate.of(2026, 2, 24)), "DTEND itself is not a holiday");
    assertTrue(!dates.contains(LocalDate.of(2026, 2, 14)), "a 调休 workday is not in a holiday feed");
  }

  @Test
  void aDateWithoutDtendIsOneDayAndOverlapsAreCountedOnce() {
    String ics = HEAD + "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20260501\nEND:VEVENT\n"
        + "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20260501\nDTEND;VALUE=DATE:20260503\nEND:VEVENT\nEND:VCALENDAR\n";

    assertEquals(2, HolidayFeed.parse(ics).size());
  }

  @Test
  void aTimedEventIsRefusedWithItsLine() {
    String ics = HEAD + "BEGIN:VEVENT\nDTSTART:20260501T090000Z\nEND:VEVENT\nEND:VCALENDAR\n";

    assertLine(4, ics);
  }

  @Test
  void aBadDateIsRefusedWithItsPhysicalLineAfterAFoldedOne() {
    String ics = HEAD + "BEGIN:VEVENT\nSUMMARY:a long\n  summary\nDTSTART;VALUE=DATE:20261332\nEND:VEVENT\nEND:VCALENDAR\n";

    assertLine(6, ics);
  }

  @Test
  void anUnclosedEventOrCalendarIsRefused() {
    assertLine(3, HEAD + "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20260501\nEND:VCALENDAR\n");
    assertLine(5, HEAD + "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20260501\nEND:VEVENT\n");
  }

  @Test
  void somethingThatIsNotACalendarIsRefusedOnLineOne() {
    assertLine(1, "{\"holidays\": []}");
    assertLine(1, "");
  }

  @Test
  void anEndBeforeTheStartOrAnOverlongEventIsRefused() {
    assertLine(6, HEAD + "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20260501\nDTEND;VALUE=DATE:20260501\nEND:VEVENT\nEND:VCALENDAR\n");
    assertLine(4, HEAD + "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20260101\nDTEND;VALUE=DATE:20270101\nEND:VEVENT\nEND:VCALENDAR\n");
  }

  private static void assertLine(int line, String ics) {
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> HolidayFeed.parse(ics));
    assertEquals("invalid-ical", e.code());
    assertEquals(line, e.arguments()[0], e.getMessage());
    assertTrue(e.getMessage().startsWith("line " + line + ": "), e.getMessage());
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = HolidayFeedTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
