package org.centralis.organization.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.centralis.organization.domain.Branch;
import org.centralis.organization.domain.Staff;
import org.centralis.organization.domain.Team;
import org.centralis.shared.infrastructure.persistence.BooleanLiterals;
import org.centralis.shared.security.Caller;
import org.centralis.shared.security.CurrentCaller;
import org.centralis.shared.security.Role;

/**
 * Read access to the organization for the other contexts: names of branches and teams (served from
 * the JPA shared cache) and the caller's branch subtree.
 */
@Stateless
@PermitAll
public class OrganizationDirectory {

  @PersistenceContext private EntityManager em;
  @Inject private CurrentCaller currentCaller;

  public Optional<BranchRef> branch(Long id) {
    return Optional.ofNullable(id).map(i -> em.find(Branch.class, i)).map(OrganizationDirectory::ref);
  }

  public Optional<TeamRef> team(Long id) {
    return Optional.ofNullable(id).map(i -> em.find(Team.class, i)).map(OrganizationDirectory::ref);
  }

  /** The caller's branch and every branch below it, in tree order. */
  public List<BranchRef> visibleBranches() {
    return em.createNamedQuery("Branch.findSubtree", Branch.class)
        .setParameter("prefix", currentCaller.get().branchPath() + "%")
        .getResultList()
        .stream()
        .map(OrganizationDirectory::ref)
        .toList();
  }

  /** Every team, by code: the choice when a ticket is transferred. */
  public List<TeamRef> teams() {
    return em.createQuery("SELECT t FROM Team t ORDER BY t.code", Team.class).getResultList().stream().map(OrganizationDirectory::ref).toList();
  }

  /** The team the signed-in caller works in, if any (STAFF.TEAM_ID); empty for the system. */
  public Optional<Long> myTeamId() {
    Caller caller = currentCaller.get();
    if (caller.staffId() == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(em.find(Staff.class, caller.staffId())).map(Staff::getTeam).map(Team::getId);
  }

  /** The signed-in caller; empty for the system or an unknown principal. */
  public Optional<StaffRef> me() {
    Caller caller = currentCaller.get();
    if (caller.staffId() == null) {
      return Optional.empty();
    }
    Staff s = em.find(Staff.class, caller.staffId());
    return Optional.of(
        new StaffRef(s.getLogin(), s.getFullName(), ref(s.getBranch()), s.getRoles().stream().map(Enum::name).collect(Collectors.toSet()), s.getLocale()));
  }

  /** Active staff holding {@code role}, anywhere in the tree. */
  public List<StaffContact> activeStaffWithRole(Role role) {
    return em.createQuery("SELECT s FROM Staff s JOIN s.roles r WHERE r = :role AND s.active = TRUE ORDER BY s.login", Staff.class)
        .setHint(BooleanLiterals.HINT, BooleanLiterals.INLINE)
        .setParameter("role", role)
        .getResultList()
        .stream()
        .map(OrganizationDirectory::contact)
        .toList();
  }

  /** The active staff member with this login. */
  public Optional<StaffContact> activeStaff(String login) {
    return em.createNamedQuery("Staff.findByLogin", Staff.class).setParameter("login", login).getResultStream()
        .filter(Staff::isActive)
        .findFirst()
        .map(OrganizationDirectory::contact);
  }

  private static StaffContact contact(Staff s) {
    return new StaffContact(
        s.getLogin(), s.getFullName(), s.getEmail(), s.getBranch().getPath(), s.getRoles().stream().map(Enum::name).collect(Collectors.toSet()), s.getLocale());
  }

  static BranchRef ref(Branch b) {
    return new BranchRef(b.getId(), b.getCode(), b.getName(), b.getNameEn(), b.getKind().name(), b.getPath());
  }

  static TeamRef ref(Team t) {
    Branch b = t.getDepartment().getBranch();
    return new TeamRef(t.getId(), t.getCode(), t.getName(), t.getNameEn(), b.getId(), b.getName(), b.getNameEn());
  }
}
