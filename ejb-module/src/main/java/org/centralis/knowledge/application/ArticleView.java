package org.centralis.knowledge.application;

import java.time.Instant;
import java.util.List;

/** An article as its page and the API show it: the current version's content and the counters. */
public record ArticleView(
    Long id,
    String title,
    String body,
    List<String> tags,
    Long categoryId,
    String categoryName,
    String categoryNameEn,
    String language,
    String visibility,
    String status,
    int versionNo,
    int useCount,
    String createdBy,
    Instant createdAt,
    String updatedBy,
    Instant updatedAt) {}
