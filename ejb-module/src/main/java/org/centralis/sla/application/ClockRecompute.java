package org.centralis.sla.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongFunction;
import org.centralis.shared.security.Role;
import org.centralis.sla.domain.ClockState;
import org.centralis.sla.domain.SlaClock;
import org.centralis.sla.domain.SlaPolicy;

/**
 * Recomputes open clocks after a policy, a calendar, a branch's calendar or an escalation chain changed, in batches of
 * {@value #BATCH} clocks, each in its own transaction, walking clock ids upwards: a large backlog
 * never holds thousands of row locks (nor blocks the sweeper) in one transaction, and a failed batch
 * leaves the earlier ones committed; repeating the change recomputes again (it is idempotent).
 * Called after the change has committed, so each batch reads the new terms.
 */
@Stateless
@RolesAllowed(Role.ADMIN_NAME)
public class ClockRecompute {

  public static final int BATCH = 500;
  static final int ATTEMPTS = 3;

  /** What one batch did: clocks read, clocks changed, and the highest clock id read (where the next batch starts). */
  public record Batch(int read, int changed, long lastId) {}

  private static final Set<ClockState> OPEN = EnumSet.of(ClockState.RUNNING, ClockState.PAUSED, ClockState.BREACHED);

  @PersistenceContext private EntityManager em;
  @Inject private SlaClocks clocks;
  @Inject private ClockCalendars calendars;
  @Resource private SessionContext context;

  /** Every open clock of the policy, batch after batch; answers how many were recomputed. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public int policy(long policyId) {
    ClockRecompute self = context.getBusinessObject(ClockRecompute.class);
    return run(after -> self.policyBatch(policyId, after, BATCH), BATCH);
  }

  /** The open clocks of a branch subtree ('/1/7/' and below) that run on the branch calendar; answers how many moved to another calendar. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public int subtree(String branchPath) {
    ClockRecompute self = context.getBusinessObject(ClockRecompute.class);
    return run(after -> self.subtreeBatch(branchPath, after, BATCH), BATCH);
  }

  /** The open clocks running on a calendar whose rules changed; answers how many got another deadline. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public int calendar(String code) {
    ClockRecompute self = context.getBusinessObject(ClockRecompute.class);
    return run(after -> self.calendarBatch(code, after, BATCH), BATCH);
  }

  /** The open clocks on an escalation chain whose levels changed; answers how many got another next escalation. */
  @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
  public int chain(long chainId) {
    ClockRecompute self = context.getBusinessObject(ClockRecompute.class);
    return run(after -> self.chainBatch(chainId, after, BATCH), BATCH);
  }

  /**
   * Calls {@code next} from clock id 0, each time after the last id read, until a batch is not
   * full; answers the sum changed. A batch that fails (a sweeper updated one of its clocks: the
   * version check rolls the batch back) is tried again, up to {@value #ATTEMPTS} times in all.
   */
  static int run(LongFunction<Batch> next, int size) {
    int changed = 0;
    long after = 0;
    while (true) {
      Batch b = attempt(next, after);
      changed += b.changed();
      if (b.read() < size) {
        return changed;
      }
      after = b.lastId();
    }
  }

  private static Batch attempt(LongFunction<Batch> next, long after) {
    for (int i = 1; ; i++) {
      try {
        return next.apply(after);
      } catch (RuntimeException e) {
        if (i == ATTEMPTS) {
          throw e;
        }
      }
    }
  }

  /**
   * Up to {@code size} open clocks of the policy with an id above {@code afterId}, recomputed (or
   * cancelled when the policy no longer measures their metric). Public: a batch must be called
   * through the bean so that REQUIRES_NEW applies.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Batch policyBatch(long policyId, long afterId, int size) {
    SlaPolicy policy = em.find(SlaPolicy.class, policyId);
    List<SlaClock> open = page("c.policyId = :key", policyId, afterId, size);
    Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    for (SlaClock c : open) {
      Long target = policy == null ? null : policy.target(c.getMetric());
      if (target == null) {
        c.cancel(now);
      } else {
        clocks.retarget(c, policy, target, c.getBranchPath());
      }
    }
    return new Batch(open.size(), open.size(), open.isEmpty() ? afterId : open.get(open.size() - 1).getId());
  }

  /**
   * Up to {@code size} open clocks of the subtree with an id above {@code afterId}; those whose
   * policy names no calendar and whose branch now resolves to another calendar are recomputed on it.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Batch subtreeBatch(String branchPath, long afterId, int size) {
    List<SlaClock> open = page("c.branchPath LIKE :key", branchPath + "%", afterId, size);
    Map<Long, SlaPolicy> policies = new HashMap<>();
    int changed = 0;
    for (SlaClock c : open) {
      SlaPolicy policy = policies.computeIfAbsent(c.getPolicyId(), id -> em.find(SlaPolicy.class, id));
      if (policy == null || policy.getCalendarCode() != null || policy.target(c.getMetric()) == null) {
        continue;
      }
      if (!calendars.codeForBranch(c.getBranchPath()).equals(c.getCalendarCode())) { // read once per branch: TransactionMemo
        clocks.retarget(c, policy, policy.target(c.getMetric()), c.getBranchPath());
        changed++;
      }
    }
    return new Batch(open.size(), changed, open.isEmpty() ? afterId : open.get(open.size() - 1).getId());
  }

  /** Up to {@code size} open clocks on the calendar with an id above {@code afterId}, recomputed on its current rules. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Batch calendarBatch(String code, long afterId, int size) {
    return reapply(page("c.calendarCode = :key", code, afterId, size), afterId, SlaClock::getDueAt);
  }

  /** Up to {@code size} open clocks on the escalation chain with an id above {@code afterId}: the next level on its current delays. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Batch chainBatch(long chainId, long afterId, int size) {
    return reapply(page("c.chainId = :key", chainId, afterId, size), afterId, SlaClock::getNextDueAt);
  }

  /**
   * Applies each clock's own policy terms again (same target), so that what changed underneath — a calendar's rules,
   * a chain's delays — takes effect; counts the clocks whose {@code watched} instant moved.
   */
  private Batch reapply(List<SlaClock> open, long afterId, Function<SlaClock, Instant> watched) {
    Map<Long, SlaPolicy> policies = new HashMap<>();
    int changed = 0;
    for (SlaClock c : open) {
      SlaPolicy policy = policies.computeIfAbsent(c.getPolicyId(), id -> em.find(SlaPolicy.class, id));
      Instant before = watched.apply(c);
      if (policy != null && policy.target(c.getMetric()) != null) {
        clocks.retarget(c, policy, c.getTargetSeconds(), c.getBranchPath());
        changed += Objects.equals(before, watched.apply(c)) ? 0 : 1;
      }
    }
    return new Batch(open.size(), changed, open.isEmpty() ? afterId : open.get(open.size() - 1).getId());
  }

  private List<SlaClock> page(String condition, Object key, long afterId, int size) {
    return em.createQuery("SELECT c FROM SlaClock c WHERE " + condition + " AND c.id > :after AND c.stoppedAt IS NULL AND c.state IN :states ORDER BY c.id", SlaClock.class)
        .setParameter("key", key)
        .setParameter("after", afterId)
        .setParameter("states", OPEN)
        .setMaxResults(size)
        .getResultList();
  }
}
