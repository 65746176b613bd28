package org.centralis.ticket.application;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.util.Optional;
import java.util.Set;
import org.centralis.organization.application.OrganizationDirectory;
import org.centralis.organization.application.TeamRef;
import org.centralis.shared.domain.ConflictException;
import org.centralis.shared.domain.ForbiddenException;
import org.centralis.shared.domain.NotFoundException;
import org.centralis.shared.security.Caller;
import org.centralis.shared.security.CurrentCaller;
import org.centralis.shared.security.Role;
import org.centralis.ticket.domain.Ticket;
import org.centralis.ticket.domain.TicketNumber;

/**
 * Who sees a ticket and who works it, in one place for the ticket services. A ticket is seen by
 * the callers whose branch subtree holds its owning branch, by the members of the team it is
 * assigned to (an HQ department works an outlet's ticket), and by the members of a team that
 * holds one of its sub-tasks (to read what the work is about).
 */
@Dependent
class TicketAccess {

  @PersistenceContext private EntityManager em;
  @Inject private CurrentCaller currentCaller;
  @Inject private OrganizationDirectory organization;

  /** The ticket if the caller may see it; otherwise not found (its existence is not revealed). */
  Ticket visible(String number) {
    if (!TicketNumber.isWellFormed(number)) {
      throw new NotFoundException("ticket", number);
    }
    return em.createNamedQuery("Ticket.findByNumber", Ticket.class)
        .setParameter("number", number)
        .getResultStream()
        .findFirst()
        .filter(this::canSee)
        .orElseThrow(() -> new NotFoundException("ticket", number));
  }

  boolean canSee(Ticket t) {
    return currentCaller.get().canSee(t.getOwningBranchPath()) || isTeamMember(t) || holdsSubTask(t);
  }

  /** The actions the caller's roles and relation to the ticket allow, whatever its status. */
  Set<TicketAction> permitted(Ticket t) {
    Caller caller = currentCaller.get();
    return TicketAction.permitted(caller.roles(), isTeamMember(t), caller.canSee(t.getOwningBranchPath()), t.getStatus());
  }

  boolean isTeamMember(Ticket t) {
    return t.getAssignedTeamId() != null && myTeam().filter(t.getAssignedTeamId()::equals).isPresent();
  }

  /**
   * True if the caller works for the team: a member with a working role (branch staff, agent,
   * supervisor), or a supervisor whose branch subtree holds the team's branch.
   */
  boolean worksFor(long teamId) {
    Caller caller = currentCaller.get();
    boolean worker = caller.has(Role.BRANCH_STAFF) || caller.has(Role.AGENT) || caller.has(Role.SUPERVISOR);
    return (worker && myTeam().filter(t -> t == teamId).isPresent()) || supervises(teamId);
  }

  /** The team's workload may be read by its members and by supervisors who see the team's branch. */
  void requireTeamView(long teamId) {
    Caller caller = currentCaller.get();
    organization.team(teamId).orElseThrow(() -> new NotFoundException("team", teamId));
    if (myTeam().filter(t -> t == teamId).isEmpty() && !supervises(teamId)) {
      throw new ForbiddenException("not-team-member", caller.login() + " is not a member of team " + teamId, teamId);
    }
  }

  /** Writes the change now, so that a concurrent one (the @Version check) is a 409, not a failed commit. */
  void flush() {
    try {
      em.flush();
    } catch (OptimisticLockException e) {
      throw concurrentChange();
    } catch (PersistenceException e) {
      if (e.getCause() instanceof OptimisticLockException) {
        throw concurrentChange();
      }
      throw e;
    }
  }

  private static ConflictException concurrentChange() {
    return new ConflictException("concurrent-change", "the ticket was changed by someone else meanwhile; reload it and try again");
  }

  Optional<Long> myTeam() {
    return organization.myTeamId();
  }

  private boolean supervises(long teamId) {
    Caller caller = currentCaller.get();
    return caller.has(Role.SUPERVISOR)
        && organization.team(teamId).map(TeamRef::branchId).flatMap(organization::branch).filter(b -> caller.canSee(b.path())).isPresent();
  }

  private boolean holdsSubTask(Ticket t) {
    Optional<Long> team = myTeam();
    return team.isPresent()
        && !em.createQuery("SELECT k.id FROM TicketTask k WHERE k.ticketId = :ticket AND k.teamId = :team", Long.class)
            .setParameter("ticket", t.getId())
            .setParameter("team", team.get())
            .setMaxResults(1)
            .getResultList()
            .isEmpty();
  }
}
