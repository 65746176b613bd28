package org.centralis.customer.application;

import java.time.Instant;

/** One ticket in a customer's history (names in both languages; no customer identifiers). */
public record CustomerTicket(
    String number,
    String type,
    String categoryName,
    String categoryNameEn,
    String priority,
    String status,
    String subject,
    String branchName,
    String branchNameEn,
    Instant createdAt,
    Instant updatedAt) {}
