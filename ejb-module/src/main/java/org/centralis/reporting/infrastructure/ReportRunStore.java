package org.centralis.reporting.infrastructure;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.Optional;
import org.centralis.reporting.domain.ReportRun;

/** The worker's state changes, each committed on its own so that status and progress are visible while a run fills. */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ReportRunStore {

  @PersistenceContext private EntityManager em;

  /** The run, now RUNNING; empty if it was not QUEUED (another worker took it, or it finished). */
  public Optional<ReportRun> claim(long id) {
    ReportRun run = em.find(ReportRun.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (run == null || !run.start(Instant.now())) {
      return Optional.empty();
    }
    em.flush();
    em.detach(run);
    return Optional.of(run);
  }

  public void progress(long id, int percent) {
    ReportRun run = em.find(ReportRun.class, id);
    if (run != null) {
      run.progress(percent, Instant.now());
    }
  }

  public void complete(long id, String templateVersion, Instant dataAsOf, byte[] file, String sha256) {
    ReportRun run = em.find(ReportRun.class, id, LockModeType.PESSIMISTIC_WRITE);
    run.getFileContent(); // load the lazy LOB now, so that loading it later cannot overwrite what complete() assigns
    run.complete(templateVersion, dataAsOf, file, sha256, Instant.now());
  }

  /** Puts a run a crashed node left RUNNING back to QUEUED; false if it was not stranded or another node did it. */
  public boolean requeue(long id, Instant beatBefore) {
    try {
      return ScheduleClaims.requeue(em.unwrap(java.sql.Connection.class), id, beatBefore);
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException("cannot re-queue report run " + id, e);
    }
  }

  public void fail(long id, String reason) {
    ReportRun run = em.find(ReportRun.class, id, LockModeType.PESSIMISTIC_WRITE);
    if (run != null) {
      run.fail(reason, Instant.now());
    }
  }
}
