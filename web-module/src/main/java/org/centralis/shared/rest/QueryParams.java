package org.centralis.shared.rest;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.centralis.shared.domain.InvalidInputException;

/**
 * Parses query parameters by hand so that a bad value is a 400 naming the parameter (JAX-RS would
 * answer 404 for an enum or number it cannot convert).
 */
public final class QueryParams {

  private static final java.util.regex.Pattern DECIMAL = java.util.regex.Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d{1,3})?");

  private QueryParams() {}

  public static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new InvalidInputException(name, "invalid-parameter", name + " must be one of " + java.util.Arrays.toString(type.getEnumConstants()), name);
    }
  }

  public static int intValue(String name, String value, int defaultValue, int min, int max) {
    if (value == null || value.isBlank()) {
      return defaultValue;
    }
    try {
      int v = Integer.parseInt(value.trim());
      if (v < min || v > max) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new InvalidInputException(name, "invalid-parameter", name + " must be a whole number from " + min + " to " + max, name);
    }
  }

  public static Long longValue(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Long.valueOf(value.trim());
    } catch (NumberFormatException e) {
      throw new InvalidInputException(name, "invalid-parameter", name + " must be a number", name);
    }
  }

  /** A path id: a number, or -1 (no such row) when blank, so that the service answers 404 as for any unknown id. */
  public static long id(String name, String value) {
    Long id = longValue(name, value);
    return id == null ? -1 : id;
  }

  /**
   * A plain decimal such as {@code 0.8}, {@code 240} or {@code 1.5e3}; null when absent. Stricter
   * than {@link Double#parseDouble}, which would also take {@code NaN}, {@code Infinity}, hex and a
   * trailing {@code d}.
   */
  public static Double doubleValue(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String v = value.trim();
    if (!DECIMAL.matcher(v).matches()) {
      throw new InvalidInputException(name, "invalid-parameter", name + " must be a decimal number", name);
    }
    double d = Double.parseDouble(v);
    if (!Double.isFinite(d)) {
      throw new InvalidInputException(name, "invalid-parameter", name + " is out of range", name);
    }
    return d;
  }

  public static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(name, "invalid-parameter", name + " must be an ISO-8601 instant such as 2026-11-23T08:00:00Z", name);
    }
  }

  /** A calendar day YYYY-MM-DD; null when absent. */
  public static LocalDate date(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(name, "invalid-parameter", name + " must be a date such as 2026-10-31", name);
    }
  }

  /** A page of a list as the services take it. */
  public record PageRequest(int offset, int limit) {}

  /**
   * The API's 0-based {@code page} and {@code size} as offset and limit. The page number is also
   * capped so that the offset fits in an int (page × size would otherwise overflow).
   */
  public static PageRequest page(String page, String size, int defaultSize, int maxSize, int maxPage) {
    int limit = intValue("size", size, defaultSize, 1, maxSize);
    int pageNo = intValue("page", page, 0, 0, Math.min(maxPage, Integer.MAX_VALUE / limit));
    return new PageRequest(pageNo * limit, limit);
  }
}
