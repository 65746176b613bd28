package org.centralis.reporting.infrastructure;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.centralis.reporting.infrastructure.FactRoller.PendingFact;

/** One roll-up batch in a transaction of its own: claim and sums commit together, or neither does. */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class FactBatch {

  @PersistenceContext private EntityManager em;

  /** Rolls up to {@link FactClaims#BATCH} pending facts of the roller's kind; returns how many were pending. */
  public int roll(FactRoller roller) throws SQLException {
    Connection c = em.unwrap(Connection.class); // the transaction's own connection
    List<PendingFact> seen = FactClaims.pending(c, roller.fact());
    List<PendingFact> claimed = FactClaims.claim(c, seen);
    if (!claimed.isEmpty()) {
      roller.roll(c, claimed);
    }
    return seen.size();
  }
}
