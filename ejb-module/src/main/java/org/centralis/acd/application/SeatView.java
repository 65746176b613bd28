package org.centralis.acd.application;

import java.time.Instant;

/**
 * An agent's seat: state, reason, time in state, today's figures, and the contact offered or held
 * (with when it arrived, for its waiting time).
 */
public record SeatView(
    String login,
    String state,
    String reason,
    String extension,
    Instant stateSince,
    Instant wrapUpUntil,
    int contactsToday,
    double occupancy,
    int misses,
    Long offerId,
    Instant offerTimeoutAt,
    String contactExternalId,
    String contactQueue,
    String callerNumber,
    Long customerId,
    Instant contactArrivedAt) {}
