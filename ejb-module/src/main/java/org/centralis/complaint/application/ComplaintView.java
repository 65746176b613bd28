package org.centralis.complaint.application;

import java.math.BigDecimal;
import java.time.Instant;
import org.centralis.organization.application.BranchRef;

/** A complaint as the register and the ticket page show it. */
public record ComplaintView(
    String number,
    String ticketStatus,
    String severity,
    TaxonomyRef taxonomy,
    String channel,
    BigDecimal amount,
    String currency,
    Instant createdAt,
    Instant regulatorDeadline,
    boolean overdue,
    boolean repeat,
    String repeatOf,
    TaxonomyRef rootCause,
    String correctiveAction,
    String resolutionBy,
    Instant resolutionAt,
    BranchRef owningBranch) {}
