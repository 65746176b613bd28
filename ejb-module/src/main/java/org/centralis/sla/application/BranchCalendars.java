package org.centralis.sla.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.centralis.audit.application.AuditEntry;
import org.centralis.audit.application.AuditTrail;
import org.centralis.shared.domain.InvalidInputException;
import org.centralis.shared.domain.NotFoundException;
import org.centralis.shared.security.CurrentCaller;
import org.centralis.shared.security.Role;

/**
 * Which business calendar a branch's clocks run on (rows of BRANCH_CALENDAR): the nearest
 * ancestor-or-self with a row, else {@value ClockCalendars#FALLBACK}. Everyone reads it for the
 * branches they see; administrators assign and remove (audited as BRANCH_CALENDAR_CHANGED). The
 * open clocks of the subtree are recomputed after the change commits: {@link ClockRecompute#subtree}.
 */
@Stateless
public class BranchCalendars {

  /** Where a branch's calendar comes from. */
  public enum Source { ASSIGNED, INHERITED, DEFAULT }

  /** A branch's effective calendar; {@code fromBranch*} name the branch whose row applies (null for DEFAULT). */
  public record Effective(long branchId, String branchCode, String calendar, String calendarName, Source source, Long fromBranchId, String fromBranchCode) {}

  /** What an assignment did: the branch's path (for the recompute) and whether the row changed. */
  public record Change(String branchPath, boolean changed) {}

  private record Branch(long id, String code, String path) {}

  @PersistenceContext private EntityManager em;
  @Inject private ClockCalendars calendars;
  @Inject private CurrentCaller currentCaller;
  @Inject private AuditTrail auditTrail;

  @RolesAllowed({Role.BRANCH_STAFF_NAME, Role.AGENT_NAME, Role.SUPERVISOR_NAME, Role.HQ_MANAGER_NAME, Role.AUDITOR_NAME, Role.ADMIN_NAME, Role.CTI_NAME})
  public Effective effective(long branchId) {
    Branch branch = require(branchId);
    Optional<ClockCalendars.Assignment> a = calendars.assignmentFor(branch.path());
    String code = a.map(ClockCalendars.Assignment::calendarCode).orElse(ClockCalendars.FALLBACK);
    Source source = a.isEmpty() ? Source.DEFAULT : a.get().branchId() == branchId ? Source.ASSIGNED : Source.INHERITED;
    Long fromId = a.map(ClockCalendars.Assignment::branchId).orElse(null);
    String fromCode = fromId == null ? null : fromId == branchId ? branch.code() : (String) em.createNativeQuery("SELECT CODE FROM BRANCH WHERE ID = ?").setParameter(1, fromId).getSingleResult();
    String name = (String) em.createNativeQuery("SELECT NAME FROM BUSINESS_CALENDAR WHERE CODE = ?").setParameter(1, code).getSingleResult();
    return new Effective(branchId, branch.code(), code, name, source, fromId, fromCode);
  }

  /** Assigns calendar {@code code} to the branch (its subtree inherits it unless a descendant has its own row). */
  @RolesAllowed(Role.ADMIN_NAME)
  public Change assign(long branchId, String code) {
    Branch branch = require(branchId);
    if (code == null || code.isBlank()) {
      throw new InvalidInputException("calendar", "validation", "calendar is required: the code of a business calendar", "calendar");
    }
    if (em.createNativeQuery("SELECT 1 FROM BUSINESS_CALENDAR WHERE CODE = ?").setParameter(1, code).getResultList().isEmpty()) {
      throw new InvalidInputException("calendar", "unknown-calendar", "no calendar " + code, code);
    }
    String before = assigned(branchId);
    if (code.equals(before)) {
      return new Change(branch.path(), false);
    }
    String sql = before == null
        ? "INSERT INTO BRANCH_CALENDAR (CALENDAR_CODE, BRANCH_ID) VALUES (?, ?)"
        : "UPDATE BRANCH_CALENDAR SET CALENDAR_CODE = ? WHERE BRANCH_ID = ?";
    em.createNativeQuery(sql).setParameter(1, code).setParameter(2, branchId).executeUpdate();
    auditTrail.record(new AuditEntry("BRANCH_CALENDAR_CHANGED", "BRANCH", Long.toString(branchId), before, code));
    return new Change(branch.path(), true);
  }

  /** Removes the branch's own row: it inherits its parent's calendar again. */
  @RolesAllowed(Role.ADMIN_NAME)
  public Change unassign(long branchId) {
    Branch branch = require(branchId);
    String before = assigned(branchId);
    if (before == null) {
      return new Change(branch.path(), false);
    }
    em.createNativeQuery("DELETE FROM BRANCH_CALENDAR WHERE BRANCH_ID = ?").setParameter(1, branchId).executeUpdate();
    auditTrail.record(new AuditEntry("BRANCH_CALENDAR_CHANGED", "BRANCH", Long.toString(branchId), before, null));
    return new Change(branch.path(), true);
  }

  private String assigned(long branchId) {
    List<?> rows = em.createNativeQuery("SELECT CALENDAR_CODE FROM BRANCH_CALENDAR WHERE BRANCH_ID = ?").setParameter(1, branchId).getResultList();
    return rows.isEmpty() ? null : (String) rows.get(0);
  }

  /** The branch, if the caller's subtree holds it (404 otherwise, as for any object out of scope). */
  private Branch require(long branchId) {
    List<?> rows = em.createNativeQuery("SELECT ID, CODE, PATH FROM BRANCH WHERE ID = ?").setParameter(1, branchId).getResultList();
    if (rows.isEmpty()) {
      throw new NotFoundException("branch", branchId);
    }
    Object[] r = (Object[]) rows.get(0);
    String path = (String) r[2];
    if (!currentCaller.get().canSee(path)) {
      throw new NotFoundException("branch", branchId);
    }
    return new Branch(((Number) r[0]).longValue(), (String) r[1], path);
  }
}
