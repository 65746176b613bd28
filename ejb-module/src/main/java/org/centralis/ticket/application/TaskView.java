package org.centralis.ticket.application;

import java.time.Instant;
import java.util.List;
import org.centralis.organization.application.TeamRef;

/**
 * A sub-task as its ticket page, its team's workload and the API show it; {@code actions} are what
 * the caller may do to it now (accept, complete, reject, cancel).
 */
public record TaskView(
    String ticketNumber,
    String ticketSubject,
    int seqNo,
    TeamRef team,
    String status,
    String instruction,
    String result,
    String createdBy,
    Instant createdAt,
    String handledBy,
    Instant updatedAt,
    List<String> actions) {}
