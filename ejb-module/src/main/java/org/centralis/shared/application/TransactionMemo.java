package org.centralis.shared.application;

import jakarta.transaction.TransactionScoped;
import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Reference data read once per transaction. A batch transaction (intake's group commit, the dispatch of a batch
 * message) runs the same observers for each of its tickets, and each would otherwise read the same active SLA
 * policies, calendar versions and complaint deadline rules again: 9 of the 19 statements of a one-ticket intake batch
 * (docs/performance.md, run J).
 *
 * <p>A value lives as long as the JTA transaction that read it, so nothing is kept across transactions or nodes, and a
 * change committed on any node is seen by the next transaction, as before. Only for data the reading transaction does
 * not change itself: an administrator's change of such data reads and writes it directly, and recomputes what depends
 * on it after its commit.
 */
@TransactionScoped
public class TransactionMemo implements Serializable {

  private static final long serialVersionUID = 1L;

  private final Map<Object, Object> values = new HashMap<>();

  /**
   * The value read for this key earlier in the transaction, or what {@code read} answers now. The key names the read
   * and its arguments ({@code List.of("SlaPolicy.findActive")}, {@code List.of("calendar-of-branch", path)}).
   */
  @SuppressWarnings("unchecked")
  public <T> T get(Object key, Supplier<T> read) {
    Object value = values.get(key);
    if (value == null) {
      value = read.get(); // not computeIfAbsent: a read may itself go through the memo
      values.put(key, value);
    }
    return (T) value;
  }
}
