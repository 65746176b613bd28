package org.centralis.ticket.application;

/**
 * A dispatch rule as administrators read and write it: null criteria match anything; {@code
 * language} is the customer's (zh, en). On a change, {@code version} is the one read.
 */
public record RuleDocument(
    Long id, String name, String ticketType, Long categoryId, Long branchId, String customerTier, String language, Long teamId, Boolean active, Integer version) {}
