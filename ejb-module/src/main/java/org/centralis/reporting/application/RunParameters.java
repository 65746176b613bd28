package org.centralis.reporting.application;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.Locale;

/**
 * What a report run was asked for: a period of calendar days (both inclusive, in China Standard Time), optionally a
 * branch whose subtree the report covers (default: the requester's own), the language of the labels, and optionally a
 * contact-center queue code (the contact-center daily report; null = every queue).
 */
public record RunParameters(LocalDate from, LocalDate to, Long branchId, String locale, String queue) {

  /** Without a queue: every report but the contact-center daily one. */
  public RunParameters(LocalDate from, LocalDate to, Long branchId, String locale) {
    this(from, to, branchId, locale, null);
  }

  public Locale asLocale() {
    return locale != null && locale.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
  }

  /** Stored with the run (REPORT_RUN.PARAMETERS); the keys are the API's. */
  public String toJson() {
    JsonObjectBuilder json = Json.createObjectBuilder().add("from", from.toString()).add("to", to.toString());
    if (branchId != null) {
      json.add("branch", branchId);
    }
    if (queue != null) {
      json.add("queue", queue);
    }
    return json.add("locale", asLocale().equals(Locale.ENGLISH) ? "en" : "zh_CN").build().toString();
  }

  public static RunParameters fromJson(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      JsonObject json = reader.readObject();
      return new RunParameters(
          LocalDate.parse(json.getString("from")),
          LocalDate.parse(json.getString("to")),
          json.containsKey("branch") && !json.isNull("branch") ? json.getJsonNumber("branch").longValue() : null,
          json.getString("locale", "zh_CN"),
          json.containsKey("queue") && !json.isNull("queue") ? json.getString("queue") : null);
    }
  }
}
