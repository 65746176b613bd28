package org.centralis.reporting.infrastructure;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.centralis.reporting.application.FactOutbox.Fact;
import org.centralis.reporting.infrastructure.FactRoller.PendingFact;

/**
 * The statements that make the roll-up count each fact once, on the caller's connection and transaction (ADR 0012):
 * read a batch of pending facts, then claim them by deleting their rows. Of two nodes deleting the same row, the second
 * waits for the first's lock and then deletes nothing, so only the first adds the fact to its aggregates.
 */
public final class FactClaims {

  public static final int BATCH = 500;
  static final int WINDOW = 4 * BATCH;

  private FactClaims() {}

  /**
   * At most {@link #BATCH} pending facts of a kind, drawn at random from the oldest {@value #WINDOW}: two nodes rolling up
   * at once then mostly claim different facts, instead of the second queueing behind the first's row locks for every one
   * and finding them gone (measured by ReportBench: with one shared "oldest 500" the second node claimed nothing).
   */
  public static List<PendingFact> pending(Connection c, Fact fact) throws SQLException {
    List<PendingFact> facts = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement(
        "SELECT ID, REF_ID, DETAIL FROM REPORT_FACT_PENDING WHERE FACT = ? ORDER BY CREATED_AT, ID FETCH FIRST " + WINDOW + " ROWS ONLY")) {
      s.setString(1, fact.name());
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          facts.add(new PendingFact(r.getLong(1), r.getLong(2), r.getString(3)));
        }
      }
    }
    if (facts.size() <= BATCH) {
      return facts;
    }
    Collections.shuffle(facts);
    return new ArrayList<>(facts.subList(0, BATCH));
  }

  /** The facts this transaction deleted the pending rows of: the ones it alone may count. */
  public static List<PendingFact> claim(Connection c, List<PendingFact> facts) throws SQLException {
    List<PendingFact> claimed = new ArrayList<>(facts.size());
    List<PendingFact> byId = new ArrayList<>(facts);
    byId.sort(Comparator.comparingLong(PendingFact::id)); // every node deletes in id order: two never deadlock
    try (PreparedStatement s = c.prepareStatement("DELETE FROM REPORT_FACT_PENDING WHERE ID = ?")) {
      for (PendingFact f : byId) {
        s.setLong(1, f.id());
        int deleted = s.executeUpdate(); // one by one: a batch's counts may be SUCCESS_NO_INFO, which says nothing
        if (deleted > 0) {
          claimed.add(f);
        }
      }
    }
    return claimed;
  }
}
