package org.centralis.ticket.domain;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * Chooses the dispatch rule for a ticket: among the rules whose every criterion matches, the most
 * specific wins. Specificity is compared in this order:
 *
 * <ol>
 *   <li>what the ticket is about: a category rule beats a type-only rule, which beats a rule with
 *       neither; between category rules the nearer category wins — the ticket's own category, then
 *       its parent, and so on up the tree (a deeper category is always the nearer one when both
 *       match);
 *   <li>where: a rule for a deeper branch beats one for a branch above it, which beats none;
 *   <li>a customer-tier rule beats one without;
 *   <li>a customer-language rule beats one without;
 *   <li>finally the lower rule id, so the choice never depends on load order.
 * </ol>
 *
 * So a complaint goes to the complaints team even from a branch that has a catch-all rule, and an
 * ATM fault at a branch goes to that branch's operations team rather than to HQ. {@link
 * #inPrecedence} lists rules in the same order, for administrators.
 */
public final class DispatchRuleMatcher {

  /** The facts of a ticket that rules look at; the language is the customer's (null: none known). */
  public record Facts(TicketType type, List<Long> categoryLineage, String branchPath, String customerTier, String language) {

    public Facts(TicketType type, List<Long> categoryLineage, String branchPath, String customerTier) {
      this(type, categoryLineage, branchPath, customerTier, null);
    }
  }

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
    // The category's depth seen from the ticket: its own category is the deepest of its lineage.
    ToIntFunction<Long> depth = category -> facts.categoryLineage().size() - 1 - facts.categoryLineage().indexOf(category);
    return rules.stream().filter(r -> matches(r, facts)).min(precedence(depth, branchPaths));
  }

  /**
   * Every rule, the one the matcher prefers first: among any rules that all match one ticket, the
   * first of them in this list is the one chosen.
   *
   * @param categoryDepths depth in its tree (root 0) of every category a rule names
   */
  public static List<DispatchRule> inPrecedence(Collection<DispatchRule> rules, Map<Long, String> branchPaths, Map<Long, Integer> categoryDepths) {
    return rules.stream().sorted(precedence(categoryDepths::get, branchPaths)).toList();
  }

  /** Most specific first. Two rules on categories that both match a ticket differ in depth. */
  private static Comparator<DispatchRule> precedence(ToIntFunction<Long> categoryDepth, Map<Long, String> branchPaths) {
    ToIntFunction<DispatchRule> what = r -> r.getCategoryId() != null ? 2 + categoryDepth.applyAsInt(r.getCategoryId()) : r.getTicketType() != null ? 1 : 0;
    ToIntFunction<DispatchRule> where = r -> r.getBranchId() == null ? 0 : 1 + depth(branchPaths.get(r.getBranchId()));
    return Comparator.comparingInt(what)
        .thenComparingInt(where)
        .thenComparingInt(r -> r.getCustomerTier() == null ? 0 : 1)
        .thenComparingInt(r -> r.getLanguage() == null ? 0 : 1)
        .reversed()
        .thenComparing(DispatchRule::getId);
  }

  private boolean matches(DispatchRule r, Facts f) {
    return (r.getTicketType() == null || r.getTicketType() == f.type())
        && (r.getCategoryId() == null || f.categoryLineage().contains(r.getCategoryId()))
        && (r.getBranchId() == null || inSubtree(r.getBranchId(), f.branchPath()))
        && (r.getCustomerTier() == null || r.getCustomerTier().equals(f.customerTier()))
        && (r.getLanguage() == null || r.getLanguage().equals(f.language()));
  }

  private boolean inSubtree(Long branchId, String ticketBranchPath) {
    String rulePath = branchPaths.get(branchId);
    return rulePath != null && ticketBranchPath != null && ticketBranchPath.startsWith(rulePath);
  }

  private static int depth(String path) {
    return path == null ? 0 : (int) path.chars().filter(c -> c == '/').count();
  }
}
