package org.centralis.sla.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Arrays;
import java.util.List;
import org.centralis.ticket.application.TicketEscalation.TicketFacts;

/**
 * Who is told about an SLA step. A warning or a breach goes to the person working the ticket, or
 * else to the members of the team holding it, or else to the branch staff of the owning branch; an
 * escalation level goes to the holders of its role at the branch it names (the owning branch, or
 * its nearest ancestor of kind BRANCH, REGION or HEADQUARTERS). Reads the organization's tables.
 */
@Stateless
@PermitAll
public class SlaRecipients {

  @PersistenceContext private EntityManager em;

  public List<Long> workers(TicketFacts t) {
    if (t.assigneeId() != null) {
      return List.of(t.assigneeId());
    }
    if (t.assignedTeamId() != null) {
      List<Long> team = ids("SELECT ID FROM STAFF WHERE TEAM_ID = ? AND ACTIVE = 1 ORDER BY ID", t.assignedTeamId());
      if (!team.isEmpty()) {
        return team;
      }
    }
    return withRole(t.owningBranchId(), "BRANCH_STAFF");
  }

  /** The holders of {@code role} at the branch {@code notifyAt} designates for this ticket; empty if none. */
  public List<Long> escalationTargets(TicketFacts t, String role, String notifyAt) {
    if (role == null) {
      return List.of();
    }
    Long branch = "OWNING".equals(notifyAt) ? Long.valueOf(t.owningBranchId()) : ancestorOfKind(t.owningBranchPath(), notifyAt);
    return branch == null ? List.of() : withRole(branch, role);
  }

  /** The e-mail addresses of these staff members (those that have one). */
  public List<String> emails(List<Long> staffIds) {
    if (staffIds.isEmpty()) {
      return List.of();
    }
    var q = em.createNativeQuery("SELECT EMAIL FROM STAFF WHERE EMAIL IS NOT NULL AND ID IN (" + String.join(", ", java.util.Collections.nCopies(staffIds.size(), "?")) + ")");
    for (int i = 0; i < staffIds.size(); i++) {
      q.setParameter(i + 1, staffIds.get(i));
    }
    return ((List<?>) q.getResultList()).stream().map(String::valueOf).toList();
  }

  private Long ancestorOfKind(String path, String kind) {
    List<Long> lineage = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).map(Long::valueOf).toList();
    for (int i = lineage.size() - 1; i >= 0; i--) {
      Object k = em.createNativeQuery("SELECT KIND FROM BRANCH WHERE ID = ?").setParameter(1, lineage.get(i)).getResultStream().findFirst().orElse(null);
      if (kind.equals(k)) {
        return lineage.get(i);
      }
    }
    return null;
  }

  private List<Long> withRole(long branchId, String role) {
    return ids(
        "SELECT S.ID FROM STAFF S JOIN STAFF_ROLE R ON R.STAFF_ID = S.ID WHERE S.BRANCH_ID = ? AND R.ROLE_NAME = ? AND S.ACTIVE = 1 ORDER BY S.ID",
        branchId, role);
  }

  private List<Long> ids(String sql, Object... params) {
    var q = em.createNativeQuery(sql);
    for (int i = 0; i < params.length; i++) {
      q.setParameter(i + 1, params[i]);
    }
    return ((List<?>) q.getResultList()).stream().map(o -> ((Number) o).longValue()).toList();
  }
}
