package org.centralis.ticket.application;

import java.time.Instant;
import org.centralis.organization.application.BranchRef;
import org.centralis.organization.application.TeamRef;

/** One row of a ticket list. */
public record TicketSummary(
    String number,
    String type,
    String categoryName,
    String categoryNameEn,
    String priority,
    String status,
    String subject,
    BranchRef owningBranch,
    TeamRef assignedTeam,
    Instant createdAt,
    Instant updatedAt) {}
