package org.centralis.sla.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Chooses the SLA policy of a ticket: among the active policies whose every criterion matches, the
 * most specific wins, compared in this order (as the dispatch rules do):
 *
 * <ol>
 *   <li>what the ticket is about: the exact category (3) beats an ancestor category (2), which
 *       beats the ticket type alone (1), which beats neither (0);
 *   <li>a priority criterion beats none;
 *   <li>a customer-tier criterion beats none;
 *   <li>a channel criterion beats none;
 *   <li>finally the lower id, so the choice never depends on load order.
 * </ol>
 */
public final class SlaPolicyMatcher {

  /** The facts of a ticket that policies look at; {@code categoryLineage} starts with the ticket's own category. */
  public record Facts(String type, List<Long> categoryLineage, String priority, String customerTier, String channel) {}

  private final Collection<SlaPolicy> policies;

  public SlaPolicyMatcher(Collection<SlaPolicy> policies) {
    this.policies = policies;
  }

  public Optional<SlaPolicy> match(Facts facts) {
    return policies.stream()
        .filter(SlaPolicy::isActive)
        .filter(p -> matches(p, facts))
        .max(Comparator.comparingInt((SlaPolicy p) -> what(p, facts))
            .thenComparingInt(p -> p.getPriority() == null ? 0 : 1)
            .thenComparingInt(p -> p.getCustomerTier() == null ? 0 : 1)
            .thenComparingInt(p -> p.getChannel() == null ? 0 : 1)
            .thenComparing(SlaPolicy::getId, Comparator.reverseOrder()));
  }

  private static boolean matches(SlaPolicy p, Facts f) {
    return (p.getTicketType() == null || p.getTicketType().equals(f.type()))
        && (p.getCategoryId() == null || f.categoryLineage().contains(p.getCategoryId()))
        && (p.getPriority() == null || p.getPriority().equals(f.priority()))
        && (p.getCustomerTier() == null || p.getCustomerTier().equals(f.customerTier()))
        && (p.getChannel() == null || p.getChannel().equals(f.channel()));
  }

  private static int what(SlaPolicy p, Facts f) {
    if (p.getCategoryId() != null) {
      return f.categoryLineage().indexOf(p.getCategoryId()) == 0 ? 3 : 2;
    }
    return p.getTicketType() != null ? 1 : 0;
  }
}
