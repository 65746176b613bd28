package org.centralis.ticket.application;

import org.centralis.organization.application.TeamRef;

/** What the try-out asks (a ticket's facts) and what it answers (the rule and team; null when none matches). */
public final class DispatchTryOut {

  private DispatchTryOut() {}

  public record Request(String type, Long categoryId, Long branchId, String customerTier, String language) {}

  public record Result(Long ruleId, String ruleName, TeamRef team) {}
}
