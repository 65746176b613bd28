package org.centralis.sla.application;

import java.time.Instant;
import java.util.List;

/**
 * One deadline of a ticket as the UI and the API show it.
 *
 * @param remainingSeconds working seconds left until the deadline (negative: overdue by that much
 *     working time); for a met or cancelled clock, what was left when it stopped
 */
public record ClockView(
    String metric,
    String state,
    int cycle,
    long policyId,
    String policyName,
    String calendarCode,
    long targetSeconds,
    Instant startedAt,
    Instant dueAt,
    List<Instant> warningAt,
    int warningsFired,
    Instant pausedAt,
    long pausedSeconds,
    Instant metAt,
    Instant breachedAt,
    Instant stoppedAt,
    int escalationLevel,
    long remainingSeconds) {}
