package org.centralis.shared.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Formatting for pages: instants in the service center's zone (Asia/Shanghai), whatever the
 * server's zone; hashes abbreviated.
 */
@Named("fmt")
@ApplicationScoped
public class Formats {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZONE);

  public String dateTime(Instant instant) {
    return instant == null ? "" : DATE_TIME.format(instant);
  }

  /** The first characters of a hash, enough to compare two by eye. */
  public String shortHash(String hash) {
    return hash == null ? "" : hash.length() <= 10 ? hash : hash.substring(0, 10) + "…";
  }
}
