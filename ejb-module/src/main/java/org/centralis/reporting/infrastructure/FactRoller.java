package org.centralis.reporting.infrastructure;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.centralis.reporting.application.FactOutbox.Fact;

/**
 * Folds one kind of pending fact into its aggregates (ADR 0012). {@link FactRollup} hands it the facts it has claimed,
 * on a connection in the claiming transaction: what the roller adds commits together with the claim, or neither does.
 */
public interface FactRoller {

  Fact fact();

  /** Adds {@code facts} (claimed, so counted by no other node) to the aggregates on {@code c}. */
  void roll(Connection c, List<PendingFact> facts) throws SQLException;

  /** A claimed pending fact. */
  record PendingFact(long id, long refId, String detail) {}
}
