package org.centralis.ticket.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import org.centralis.shared.security.Role;
import org.centralis.ticket.domain.TicketStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TicketActionTest {

  static final Set<TicketAction> TEAM_WORK =
      EnumSet.of(
          TicketAction.ACCEPT, TicketAction.REJECT, TicketAction.RETURN, TicketAction.START, TicketAction.PEND,
          TicketAction.RESUME, TicketAction.RESOLVE, TicketAction.RECLASSIFY, TicketAction.MERGE, TicketAction.COMMENT);
  static final Set<TicketAction> REQUESTER =
      EnumSet.of(TicketAction.CLOSE, TicketAction.REOPEN, TicketAction.CANCEL, TicketAction.MERGE, TicketAction.COMMENT);

  @Test
  void aTeamMemberWorksTheTicketEvenOutsideTheirBranch() {
    assertEquals(TEAM_WORK, TicketAction.permitted(Set.of(Role.BRANCH_STAFF), true, false, TicketStatus.DISPATCHED));
    assertEquals(TEAM_WORK, TicketAction.permitted(Set.of(Role.AGENT), true, false, TicketStatus.DISPATCHED));
  }

  @Test
  void theOwningBranchFollowsTheTicketButDoesNotWorkIt() {
    assertEquals(REQUESTER, TicketAction.permitted(Set.of(Role.BRANCH_STAFF), false, true, TicketStatus.IN_PROGRESS));
    assertEquals(REQUESTER, TicketAction.permitted(Set.of(Role.AGENT), false, true, TicketStatus.IN_PROGRESS));
    assertFalse(TicketAction.permitted(Set.of(Role.BRANCH_STAFF), false, true, TicketStatus.IN_PROGRESS).contains(TicketAction.ACCEPT));
  }

  @Test
  void theTeamWorkingTheTicketDoesNotConfirmItsOwnResolutionEvenAtHeadquarters() {
    assertEquals(TEAM_WORK, TicketAction.permitted(Set.of(Role.BRANCH_STAFF), true, true, TicketStatus.RESOLVED));
  }

  @ParameterizedTest
  @EnumSource(value = TicketStatus.class, names = {"REJECTED", "RETURNED"})
  void theOwningBranchDispatchesARejectedOrReturnedTicketAgain(TicketStatus status) {
    assertTrue(TicketAction.permitted(Set.of(Role.BRANCH_STAFF), false, true, status).contains(TicketAction.TRANSFER));
    assertFalse(TicketAction.permitted(Set.of(Role.BRANCH_STAFF), false, true, TicketStatus.DISPATCHED).contains(TicketAction.TRANSFER));
  }

  @Test
  void aSupervisorMayDoEverythingIncludingTransferOnlyWhereTheyReach() {
    assertEquals(EnumSet.allOf(TicketAction.class), TicketAction.permitted(Set.of(Role.SUPERVISOR), false, true, TicketStatus.IN_PROGRESS));
    assertEquals(EnumSet.allOf(TicketAction.class), TicketAction.permitted(Set.of(Role.SUPERVISOR), true, false, TicketStatus.IN_PROGRESS));
    assertTrue(TicketAction.permitted(Set.of(Role.SUPERVISOR), false, false, TicketStatus.IN_PROGRESS).isEmpty());
    assertFalse(TicketAction.permitted(Set.of(Role.BRANCH_STAFF), true, true, TicketStatus.IN_PROGRESS).contains(TicketAction.TRANSFER));
  }

  @ParameterizedTest
  @EnumSource(value = Role.class, names = {"HQ_MANAGER", "AUDITOR", "ADMIN", "CTI"})
  void readOnlyRolesMayDoNothing(Role role) {
    assertTrue(TicketAction.permitted(Set.of(role), true, true, TicketStatus.IN_PROGRESS).isEmpty());
  }

  @Test
  void startAndResumeArePossibleFromTheirOwnStatusesOnly() {
    assertTrue(TicketAction.START.possibleFrom(TicketStatus.ACCEPTED));
    assertTrue(TicketAction.START.possibleFrom(TicketStatus.REOPENED));
    assertFalse(TicketAction.START.possibleFrom(TicketStatus.PENDING_CUSTOMER));
    assertTrue(TicketAction.RESUME.possibleFrom(TicketStatus.PENDING_CUSTOMER));
    assertFalse(TicketAction.RESUME.possibleFrom(TicketStatus.ACCEPTED));
    assertTrue(TicketAction.CLOSE.possibleFrom(TicketStatus.RESOLVED));
    assertFalse(TicketAction.CLOSE.possibleFrom(TicketStatus.IN_PROGRESS));
    assertTrue(TicketAction.COMMENT.possibleFrom(TicketStatus.CLOSED));
    assertFalse(TicketAction.COMMENT.possibleFrom(TicketStatus.CANCELLED));
  }

  @ParameterizedTest
  @EnumSource(TicketStatus.class)
  void reclassifyIsPossibleWhileTheTicketIsBeingWorked(TicketStatus status) {
    boolean worked = status != TicketStatus.RESOLVED && status != TicketStatus.CLOSED && status != TicketStatus.CANCELLED;
    assertEquals(worked, TicketAction.RECLASSIFY.possibleFrom(status), status.name());
  }

  @Test
  void theOwningBranchDoesNotReclassifyWhatAnotherTeamWorks() {
    assertFalse(TicketAction.permitted(Set.of(Role.BRANCH_STAFF), false, true, TicketStatus.IN_PROGRESS).contains(TicketAction.RECLASSIFY));
  }
}
