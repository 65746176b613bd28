package org.centralis.ticket.application;

/** What the dispatch try-out asks: the facts of a ticket (language is the customer's, zh or en). */
public record TryOutFacts(String type, Long categoryId, Long branchId, String customerTier, String language) {}
