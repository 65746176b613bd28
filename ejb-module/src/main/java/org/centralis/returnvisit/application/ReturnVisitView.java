package org.centralis.returnvisit.application;

import java.time.Instant;

/** A return visit as the agent's queue and the ticket page show it. */
public record ReturnVisitView(
    long id,
    String ticketNumber,
    String ticketType,
    String ticketSubject,
    String customerName,
    String rule,
    String status,
    int attempts,
    Integer csat,
    String comment,
    String agent,
    boolean escalated,
    Instant createdAt,
    Instant completedAt) {}
