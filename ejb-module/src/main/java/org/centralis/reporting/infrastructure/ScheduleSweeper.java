package org.centralis.reporting.infrastructure;

import jakarta.annotation.Resource;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Every node sweeps every 10 seconds: fires due schedules, delivers finished scheduled runs, and re-queues runs a
 * crashed node left behind. Each item is its own transaction whose claim decides which node acts (see
 * {@link ScheduleClaims}), so sweeping on several nodes does everything once. A timer on a {@code @Singleton} never
 * overlaps itself on one node.
 */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ScheduleSweeper {

  private static final Logger LOG = Logger.getLogger(ScheduleSweeper.class.getName());
  private static final int BATCH = 50;
  /** A run makes progress at least this often while it fills; older heartbeats mean its node is gone. */
  static final Duration STALE_HEARTBEAT = Duration.ofMinutes(10);
  /** A queued run is picked up within milliseconds after its commit; one still queued this long lost its kickoff. */
  static final Duration STALE_QUEUED = Duration.ofMinutes(2);

  @Resource(lookup = "java:app/jdbc/centralis")
  private DataSource dataSource;

  @Inject private ScheduleFiring firing;
  @Inject private ReportDelivery delivery;
  @Inject private ReportRunStore runs;
  @Inject private ReportRunWorker worker;

  @Schedule(hour = "*", minute = "*", second = "*/10", persistent = false, info = "report schedules")
  void sweep() {
    Instant now = Instant.now();
    try {
      for (ScheduleClaims.Due due : read(c -> ScheduleClaims.due(c, now, BATCH))) {
        firing.fire(due, now);
      }
      for (Long runId : read(c -> ScheduleClaims.undelivered(c, BATCH))) {
        delivery.deliver(runId);
      }
      Instant beatBefore = now.minus(STALE_HEARTBEAT);
      for (Long runId : read(c -> ScheduleClaims.stranded(c, beatBefore, now.minus(STALE_QUEUED), BATCH))) {
        if (runs.requeue(runId, beatBefore)) {
          LOG.info(() -> "report run " + runId + " was left running by a node that is gone; queued again");
        }
        worker.execute(runId); // only a QUEUED run is claimed, so a second kick of the same run does nothing

      }
    } catch (SQLException | RuntimeException e) {
      // The next sweep tries again; nothing was half done (each item is its own transaction).
      LOG.log(Level.WARNING, "report schedule sweep failed", e);
    }
  }

  private interface Read<T> {
    List<T> on(Connection c) throws SQLException;
  }

  private <T> List<T> read(Read<T> query) throws SQLException {
    try (Connection c = dataSource.getConnection()) {
      return query.on(c);
    }
  }
}
