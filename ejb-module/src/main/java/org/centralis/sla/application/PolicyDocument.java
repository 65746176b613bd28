package org.centralis.sla.application;

import java.util.List;

/**
 * An SLA policy as the API reads and writes it. Null criteria match anything; a null target means
 * the metric is not measured; targets are working seconds. {@code warnPercents} e.g. "75,90";
 * {@code pauseStatuses} default [PENDING_CUSTOMER]; {@code calendarCode} null = the owning branch's.
 */
public record PolicyDocument(
    Long id,
    String name,
    String ticketType,
    Long categoryId,
    String priority,
    String customerTier,
    String channel,
    Long firstResponseSeconds,
    Long nextUpdateSeconds,
    Long resolutionSeconds,
    String warnPercents,
    List<String> pauseStatuses,
    String calendarCode,
    Long escalationChainId,
    Boolean active) {}
