package org.centralis.ticket.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class TicketNumberTest {

  static final LocalDate NOV_23 = LocalDate.of(2026, 11, 23);

  @Test
  void formatsDateAndCounterPaddedToSixDigits() {
    TicketNumber n = TicketNumber.of(NOV_23, 123);
    assertEquals("T20261123-000123", n.value());
    assertEquals("T20261123-000123", n.toString());
  }

  @Test
  void padsMonthAndDayAndTheSmallestCounter() {
    assertEquals("T20260105-000001", TicketNumber.of(LocalDate.of(2026, 1, 5), 1).value());
  }

  @Test
  void counterGrowsBeyondSixDigitsWithoutTruncation() {
    assertEquals("T20261123-999999", TicketNumber.of(NOV_23, 999_999).value());
    assertEquals("T20261123-1000000", TicketNumber.of(NOV_23, 1_000_000).value());
    assertEquals("T20261123-123456789012", TicketNumber.of(NOV_23, 123_456_789_012L).value());
  }

  @ParameterizedTest
  @ValueSource(longs = {0, -1, Long.MIN_VALUE})
  void rejectsCounterBelowOne(long counter) {
    assertThrows(IllegalArgumentException.class, () -> TicketNumber.of(NOV_23, counter));
  }

  @Test
  void digitsAreAsciiWhateverTheDefaultLocale() {
    Locale saved = Locale.getDefault(Locale.Category.FORMAT);
    try {
      // Arabic and Thai locales format numbers with their own digits by default.
      for (String tag : new String[] {"ar-EG", "th-TH-u-nu-thai", "fa-IR"}) {
        Locale.setDefault(Locale.Category.FORMAT, Locale.forLanguageTag(tag));
        assertEquals("T20261123-000123", TicketNumber.of(NOV_23, 123).value(), tag);
      }
    } finally {
      Locale.setDefault(Locale.Category.FORMAT, saved);
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "T20261123-000123",
        "T20261123-000001",
        "T20261123-1000000",
        "T20261123-123456789012",
        "T00000000-000000"
      })
  void acceptsWellFormedValues(String value) {
    assertTrue(TicketNumber.isWellFormed(value));
    assertEquals(value, new TicketNumber(value).value());
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(
      strings = {
        "20261123-000123", // no T
        "t20261123-000123", // lower-case t
        "X20261123-000123",
        "T2026112-000123", // 7-digit date
        "T202611233-000123", // 9-digit date
        "T20261123-00123", // 5-digit counter
        "T20261123-1234567890123", // 13-digit counter
        "T20261123000123", // no dash
        "T20261123_000123",
        "T20261123-00012a",
        " T20261123-000123",
        "T20261123-000123 ",
        "T20261123-000123\n",
        "T٢٠٢٦١١٢٣-٠٠٠١٢٣" // Arabic-Indic digits
      })
  void rejectsMalformedValues(String value) {
    assertFalse(TicketNumber.isWellFormed(value));
    assertThrows(IllegalArgumentException.class, () -> new TicketNumber(value));
  }

  @Test
  void isAValue() {
    assertEquals(TicketNumber.of(NOV_23, 42), new TicketNumber("T20261123-000042"));
    assertFalse(TicketNumber.of(NOV_23, 42).equals(TicketNumber.of(NOV_23, 43)));
  }
}
