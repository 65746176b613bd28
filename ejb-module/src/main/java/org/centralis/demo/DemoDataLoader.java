package org.centralis.demo;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.centralis.sla.infrastructure.SlaDemoData;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Loads the {@link DemoDataSet} into an empty database at start-up when {@code centralis.demo.enabled}
 * is true (the run script of the embedded default sets it), after the schema migrations.
 *
 * <p>The whole load is one JTA transaction whose first statement inserts the {@value #SEED_NAME} row
 * into DATA_SEED: that row is the lock and the marker. A second node starting at the same time blocks
 * on the primary key until the first commits and then gets a unique-key violation, or finds the row,
 * and skips; a failed load rolls back entirely (marker included), so the next start tries again.
 *
 * <p>Bean-managed transaction so that the timeout is set explicitly ({@value #TRANSACTION_TIMEOUT_SECONDS}
 * s, far above the few seconds the load takes on H2) instead of depending on the server's default.
 * A failure is logged and does not stop the application.
 */
@Singleton
@Startup
@DependsOn("SchemaMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class DemoDataLoader {

  static final String SEED_NAME = "demo-v1";
  static final int TRANSACTION_TIMEOUT_SECONDS = 900;
  private static final Logger LOG = Logger.getLogger(DemoDataLoader.class.getName());

  @Inject
  @ConfigProperty(name = "centralis.demo.enabled", defaultValue = "false")
  boolean enabled;

  @Inject
  @ConfigProperty(name = "centralis.demo.seed", defaultValue = "20240601")
  long seed;

  @Resource(lookup = "java:app/jdbc/centralis")
  DataSource dataSource;

  @Resource UserTransaction transaction;

  /** Resolved only when the demo is enabled, so production never depends on it. */
  @Inject Instance<Pbkdf2PasswordHash> passwordHashes;

  @PostConstruct
  void load() {
    if (!enabled) {
      LOG.fine("Demo data disabled (centralis.demo.enabled=false)");
      return;
    }
    long started = System.nanoTime();
    try {
      transaction.setTransactionTimeout(TRANSACTION_TIMEOUT_SECONDS);
      transaction.begin();
      DemoDataSet.Summary summary = null;
      try (Connection c = dataSource.getConnection()) {
        if (claim(c)) {
          Pbkdf2PasswordHash passwordHash = passwordHashes.get();
          try {
            passwordHash.initialize(Map.of()); // defaults: PBKDF2WithHmacSHA256, 2048 iterations
            summary = DemoDataSet.write(c, password -> passwordHash.generate(password.toCharArray()),
                Instant.now(), seed);
            KnowledgeDemoData.write(c, Instant.now());
            AcdDemoData.write(c, Instant.now());
            AcdDemoHistory.write(c, Instant.now(), seed);
            DemoComplaints.write(c, Instant.now(), seed);
            SlaDemoData.write(c);
            DemoReportFacts.write(c, Instant.now());
          } finally {
            passwordHashes.destroy(passwordHash);
          }
        }
      }
      if (summary == null) {
        transaction.rollback();
        LOG.info("Demo data already loaded (DATA_SEED " + SEED_NAME + "); skipping");
        return;
      }
      transaction.commit();
      long ms = (System.nanoTime() - started) / 1_000_000;
      LOG.info(String.format("Demo data loaded: %d branches, %d staff, %d customers, %d tickets in %d ms",
          summary.branches(), summary.staff(), summary.customers(), summary.tickets(), ms));
    } catch (Exception e) {
      rollbackQuietly();
      LOG.log(Level.SEVERE, "Demo data load failed and was rolled back; the next start retries", e);
    } finally {
      try {
        transaction.setTransactionTimeout(0); // back to the server default for this thread
      } catch (Exception e) {
        LOG.log(Level.FINE, "could not reset the transaction timeout", e);
      }
    }
  }

  /** Inserts the marker row; false if it exists or another node holds or just committed it. */
  static boolean claim(Connection c) throws SQLException {
    try (PreparedStatement q = c.prepareStatement("SELECT COUNT(*) FROM DATA_SEED WHERE NAME = ?")) {
      q.setString(1, SEED_NAME);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        if (rs.getLong(1) > 0) {
          return false;
        }
      }
    }
    try (PreparedStatement ins = c.prepareStatement(
        "INSERT INTO DATA_SEED (NAME, APPLIED_AT) VALUES (?, SYSTIMESTAMP)")) {
      ins.setString(1, SEED_NAME);
      ins.executeUpdate();
      return true;
    } catch (SQLException e) {
      if (seededConcurrently(e)) {
        return false;
      }
      throw e;
    }
  }

  /**
   * A unique-key violation (SQLState class 23: H2 23505, Oracle ORA-00001) or, on H2, a lock timeout
   * or concurrent-update error on the marker row: another node loads or loaded the demo data.
   */
  static boolean seededConcurrently(SQLException e) {
    for (SQLException x = e; x != null; x = x.getNextException()) {
      String state = x.getSQLState();
      if (state != null && (state.startsWith("23") || state.equals("HYT00") || state.equals("90131"))) {
        return true;
      }
      if (x.getErrorCode() == 1) { // ORA-00001: unique constraint violated
        return true;
      }
    }
    return false;
  }

  private void rollbackQuietly() {
    try {
      int status = transaction.getStatus();
      if (status != Status.STATUS_NO_TRANSACTION) {
        transaction.rollback();
      }
    } catch (Exception e) {
      LOG.log(Level.WARNING, "rollback of the demo data load failed", e);
    }
  }
}
