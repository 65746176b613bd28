package org.centralis.reporting.infrastructure;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.centralis.reporting.application.RunParameters;
import org.centralis.reporting.domain.ReportRun;
import org.centralis.reports.ReportRenderer;

/**
 * Fills one queued run off the request thread: claims it (QUEUED → RUNNING), streams its query's result set into the
 * template with a swap-file virtualizer, exports, and stores the file with its SHA-256 (DONE) or the failure (FAILED).
 * Runs without a transaction of its own: each state change commits separately, the report query reads committed data.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReportRunWorker {

  private static final Logger LOG = Logger.getLogger(ReportRunWorker.class.getName());

  @Resource(lookup = "java:app/jdbc/centralis")
  private DataSource dataSource;

  @Inject private ReportRunStore store;
  @Inject private ReportDelivery delivery;
  @Inject @Any private Instance<ReportSource> sources;

  @Asynchronous
  public void execute(long runId) {
    ReportRun run = store.claim(runId).orElse(null);
    if (run == null) {
      return;
    }
    try {
      ReportSource source = sources.stream().filter(s -> s.code().equals(run.getReportCode())).findFirst()
          .orElseThrow(() -> new IllegalStateException("no data source for report " + run.getReportCode()));
      RunParameters parameters = RunParameters.fromJson(run.getParameters());
      String templateVersion = ReportRenderer.templateVersion(run.getReportCode());
      Instant dataAsOf = Instant.now();
      byte[] file;
      try (Connection connection = dataSource.getConnection()) {
        Map<String, Object> params = source.parameters(connection, parameters, run.getScopePath(), dataAsOf, run.getRequestedBy());
        store.progress(runId, 20);
        try (PreparedStatement statement = source.prepare(connection, parameters, run.getScopePath(), dataAsOf);
            ResultSet rows = statement.executeQuery()) {
          file = ReportRenderer.render(run.getReportCode(), params, source.data(rows, parameters), parameters.asLocale(), run.getFormat());
        }
      }
      store.progress(runId, 90);
      store.complete(runId, templateVersion, dataAsOf, file, ReportRenderer.sha256(file));
    } catch (RuntimeException | java.sql.SQLException e) {
      LOG.log(Level.WARNING, "report run " + runId + " failed", e);
      store.fail(runId, e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    deliver(runId);
  }

  /** A scheduled run goes to its recipients now; if this fails, the schedule sweeper delivers it later. */
  private void deliver(long runId) {
    try {
      delivery.deliver(runId);
    } catch (RuntimeException | java.sql.SQLException e) {
      LOG.log(Level.WARNING, "report run " + runId + " not delivered yet; the sweeper retries", e);
    }
  }
}
