package org.centralis.ticket.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses the dispatch rule for a ticket: among the rules whose every criterion matches, the most
 * specific wins. Specificity is compared in this order:
 *
 * <ol>
 *   <li>what the ticket is about: the exact category (3) beats an ancestor category (2), which
 *       beats the ticket type alone (1), which beats no criterion (0);
 *   <li>where: a rule for a deeper branch beats one for a branch above it, which beats none;
 *   <li>a customer-tier rule beats one without;
 *   <li>finally the lower rule id, so the choice never depends on load order.
 * </ol>
 *
 * So a complaint goes to the complaints team even from a branch that has a catch-all rule, and an
 * ATM fault at a branch goes to that branch's operations team rather than to HQ.
 */
public final class DispatchRuleMatcher {

  /** The facts of a ticket that rules look at. */
  public record Facts(TicketType type, List<Long> categoryLineage, String branchPath, String customerTier) {}

  private final Collection<DispatchRule> rules;
  private final Map<Long, String> branchPaths;

  /**
   * @param branchPaths the path of every branch a rule names (rule branch id → branch path)
   */
  public DispatchRuleMatcher(Collection<DispatchRule> rules, Map<Long, String> branchPaths) {
    this.rules = rules;
    this.branchPaths = branchPaths;
  }

  public Optional<DispatchRule> match(Facts facts) {
    return rules.stream()
        .filter(r -> matches(r, facts))
        .max(Comparator.comparingInt((DispatchRule r) -> what(r, facts))
            .thenComparingInt(this::where)
            .thenComparingInt(r -> r.getCustomerTier() == null ? 0 : 1)
            .thenComparing(DispatchRule::getId, Comparator.reverseOrder()));
  }

  private boolean matches(DispatchRule r, Facts f) {
    return (r.getTicketType() == null || r.getTicketType() == f.type())
        && (r.getCategoryId() == null || f.categoryLineage().contains(r.getCategoryId()))
        && (r.getBranchId() == null || inSubtree(r.getBranchId(), f.branchPath()))
        && (r.getCustomerTier() == null || r.getCustomerTier().equals(f.customerTier()));
  }

  private boolean inSubtree(Long branchId, String ticketBranchPath) {
    String rulePath = branchPaths.get(branchId);
    return rulePath != null && ticketBranchPath != null && ticketBranchPath.startsWith(rulePath);
  }

  private static int what(DispatchRule r, Facts f) {
    if (r.getCategoryId() != null) {
      return f.categoryLineage().indexOf(r.getCategoryId()) == 0 ? 3 : 2;
    }
    return r.getTicketType() != null ? 1 : 0;
  }

  private int where(DispatchRule r) {
    if (r.getBranchId() == null) {
      return 0;
    }
    return (int) branchPaths.get(r.getBranchId()).chars().filter(c -> c == '/').count();
  }
}
