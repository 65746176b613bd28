package org.centralis.ticket.application;

import java.time.Instant;
import java.util.List;
import org.centralis.customer.application.CustomerRef;
import org.centralis.organization.application.BranchRef;
import org.centralis.organization.application.TeamRef;

/** A ticket with its timeline, as its detail page and the API show it. */
public record TicketView(
    String number,
    String type,
    String categoryCode,
    String categoryName,
    String categoryNameEn,
    String priority,
    String status,
    String channel,
    String subject,
    String description,
    CustomerRef customer,
    BranchRef owningBranch,
    TeamRef assignedTeam,
    Instant createdAt,
    Instant updatedAt,
    Instant dispatchedAt,
    List<Event> timeline) {

  /** One timeline entry. */
  public record Event(
      int seqNo,
      String kind,
      Instant occurredAt,
      String actor,
      String fromStatus,
      String toStatus,
      TeamRef team,
      String detail,
      String visibility) {}
}
