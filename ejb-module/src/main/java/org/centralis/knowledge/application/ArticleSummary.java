package org.centralis.knowledge.application;

import java.time.Instant;
import java.util.List;

/**
 * One search hit: {@code snippetHtml} is escaped HTML whose only markup is {@code <mark>} around
 * the matched terms; {@code score} is the summed weight of the matched tokens (0 without a query).
 */
public record ArticleSummary(
    Long id,
    String title,
    String snippetHtml,
    Long categoryId,
    String categoryName,
    String categoryNameEn,
    String language,
    String visibility,
    String status,
    List<String> tags,
    int useCount,
    Instant updatedAt,
    int score) {}
