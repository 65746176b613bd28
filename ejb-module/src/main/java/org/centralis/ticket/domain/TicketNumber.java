package org.centralis.ticket.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The number people read out on the phone: {@code T} + the creation date in the service center's
 * zone + a counter, e.g. {@code T20261123-000123}. The counter comes from a database sequence, so
 * numbers are unique across nodes; it is padded to six digits and simply grows beyond.
 */
public record TicketNumber(String value) {

  private static final Pattern FORMAT = Pattern.compile("T\\d{8}-\\d{6,12}");
  private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;

  public TicketNumber {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("not a ticket number: " + value);
    }
  }

  public static TicketNumber of(LocalDate date, long counter) {
    if (counter < 1) {
      throw new IllegalArgumentException("counter must be positive: " + counter);
    }
    return new TicketNumber("T" + DATE.format(date) + "-" + String.format(Locale.ROOT, "%06d", counter));
  }

  public static boolean isWellFormed(String value) {
    return value != null && FORMAT.matcher(value).matches();
  }

  @Override
  public String toString() {
    return value;
  }
}
