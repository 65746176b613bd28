package org.centralis.returnvisit.domain;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;

/**
 * Which resolved tickets get a return visit (回访抽样). A rule matches on ticket type and/or customer
 * tier (null = any) and takes {@code percent} of the matching tickets. Whether a ticket is in the
 * percentage depends only on its number (CRC-32 bucket 0..99), so every node, every retry and every
 * recomputation agrees; the rule with the highest percentage that takes the ticket wins (so "all
 * complaints" is named as the reason rather than a 10 % sample).
 */
public final class ReturnVisitSampling {

  /** One row of RETURN_VISIT_RULE. */
  public record Rule(String name, String ticketType, String customerTier, int percent) {
    public Rule {
      if (percent < 0 || percent > 100) {
        throw new IllegalArgumentException("percent must be 0..100: " + percent);
      }
    }

    boolean matches(String type, String tier) {
      return (ticketType == null || ticketType.equals(type)) && (customerTier == null || customerTier.equals(tier));
    }
  }

  private ReturnVisitSampling() {}

  /** The rule that puts the ticket in the sample, or empty if none does. */
  public static Optional<Rule> pick(List<Rule> rules, String ticketNo, String ticketType, String customerTier) {
    int bucket = bucket(ticketNo);
    return rules.stream()
        .filter(r -> r.matches(ticketType, customerTier))
        .filter(r -> bucket < r.percent())
        .max(Comparator.comparingInt(Rule::percent));
  }

  /** 0..99, from the ticket number alone. */
  public static int bucket(String ticketNo) {
    CRC32 crc = new CRC32();
    crc.update(ticketNo.getBytes(StandardCharsets.UTF_8));
    return (int) (crc.getValue() % 100);
  }
}
