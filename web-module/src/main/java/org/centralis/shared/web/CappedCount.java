package org.centralis.shared.web;

import java.io.Serializable;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The total of a lazy table over a table that grows without end (a whole bank's tickets, the audit log): counted
 * exactly up to a cap, and "超过 10,000 条 / more than 10,000" beyond, paging through that many. Nobody finds a row by
 * paging past 500 pages (they filter), and an exact total reads every matching index entry: 1.4 s for a million
 * tickets (docs/performance.md, "The ticket table's total").
 *
 * <p>The cap is read from the configuration, not injected: a view-scoped bean holds only what can be passivated.
 */
public final class CappedCount implements Serializable {

  private static final long serialVersionUID = 1L;

  private final int cap;
  private boolean beyond;

  /** The cap named by {@code key} in the configuration, 10,000 if unset. */
  public static CappedCount configured(String key) {
    return new CappedCount(ConfigProvider.getConfig().getOptionalValue(key, Integer.class).orElse(10_000));
  }

  CappedCount(int cap) {
    this.cap = cap;
  }

  public int cap() {
    return cap;
  }

  /**
   * The table's row count, from a count that stops after {@code cap + 1} rows; 0 when counting fails (the table's load
   * runs the same query next and reports the failure once).
   */
  public int rows(LongSupplier countAtMostCapPlusOne) {
    try {
      long counted = countAtMostCapPlusOne.getAsLong();
      beyond = counted > cap;
      return (int) Math.min(counted, cap);
    } catch (RuntimeException e) {
      beyond = false;
      return 0;
    }
  }

  /** The paginator's report: the exact total, or "more than {cap}" beyond. */
  public String report() {
    return beyond ? Messages.text("table.report.beyond", cap) : Messages.text("table.report");
  }
}
