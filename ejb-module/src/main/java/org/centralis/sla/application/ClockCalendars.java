package org.centralis.sla.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import jakarta.persistence.PersistenceContext;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.centralis.shared.application.TransactionMemo;
import org.centralis.shared.domain.NotFoundException;
import org.centralis.sla.domain.BusinessCalendar;
import org.centralis.sla.domain.CalendarDefinition;

/**
 * The calendars clocks run on: which calendar a branch uses (the nearest ancestor-or-self with a
 * BRANCH_CALENDAR row; {@value #FALLBACK} when none), and parsed calendars cached per code and
 * VERSION, so a calendar change is seen by every node at its next read (one small query).
 */
@Stateless
@PermitAll
public class ClockCalendars {

  public static final String FALLBACK = "7x24";

  private record Cached(int version, BusinessCalendar calendar) {}

  private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

  @PersistenceContext private EntityManager em;
  @Inject private TransactionMemo memo;

  /** The calendar with this code as it has committed: checked once per transaction against its version. */
  public BusinessCalendar get(String code) {
    return memo.get(List.of("calendar", code), () -> current(code));
  }

  private BusinessCalendar current(String code) {
    List<Integer> versions =
        em.createQuery("SELECT c.version FROM CalendarDefinition c WHERE c.code = :code", Integer.class).setParameter("code", code).getResultList();
    if (versions.isEmpty()) {
      throw new NotFoundException("calendar", code);
    }
    Cached cached = CACHE.get(code);
    if (cached != null && cached.version() == versions.get(0)) {
      return cached.calendar();
    }
    CalendarDefinition d =
        em.createNamedQuery("CalendarDefinition.findByCode", CalendarDefinition.class).setParameter("code", code).getSingleResult();
    BusinessCalendar calendar = d.toBusinessCalendar();
    CACHE.put(code, new Cached(d.getVersion(), calendar));
    return calendar;
  }

  /** A BRANCH_CALENDAR row: the branch that names the calendar. */
  public record Assignment(long branchId, String calendarCode) {}

  /** The code of the calendar of the branch with this materialized path ('/1/7/42/'). */
  public String codeForBranch(String branchPath) {
    return memo.get(List.of("calendar-of-branch", branchPath), () -> assignmentFor(branchPath).map(Assignment::calendarCode).orElse(FALLBACK));
  }

  /** The nearest ancestor-or-self of the branch with a BRANCH_CALENDAR row; empty when none (the fallback applies). */
  public Optional<Assignment> assignmentFor(String branchPath) {
    List<Long> ids = Arrays.stream(branchPath.split("/")).filter(s -> !s.isEmpty()).map(Long::valueOf).toList();
    if (ids.isEmpty()) {
      return Optional.empty();
    }
    // BRANCH_CALENDAR has no entity: only native statements, which run at once, write it. So no pending change can
    // alter the answer, and the query need not flush (it did once per branch of an intake batch, mid-batch: 6 % of the
    // intake writer's wall time under an offered rate, docs/performance.md, run M).
    var q = em.createNativeQuery("SELECT BRANCH_ID, CALENDAR_CODE FROM BRANCH_CALENDAR WHERE BRANCH_ID IN (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ")")
        .setFlushMode(FlushModeType.COMMIT);
    for (int i = 0; i < ids.size(); i++) {
      q.setParameter(i + 1, ids.get(i));
    }
    Map<Long, String> assigned = new HashMap<>();
    for (Object row : q.getResultList()) {
      Object[] r = (Object[]) row;
      assigned.put(((Number) r[0]).longValue(), (String) r[1]);
    }
    for (int i = ids.size() - 1; i >= 0; i--) {
      String code = assigned.get(ids.get(i));
      if (code != null) {
        return Optional.of(new Assignment(ids.get(i), code));
      }
    }
    return Optional.empty();
  }
}
