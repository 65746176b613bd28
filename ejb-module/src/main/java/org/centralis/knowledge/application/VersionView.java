package org.centralis.knowledge.application;

import java.time.Instant;
import java.util.List;

/** One version of an article, newest first in lists: its full text, who saved it, when, what changed. */
public record VersionView(
    int versionNo,
    String title,
    String body,
    String tags,
    Long categoryId,
    String language,
    String visibility,
    String status,
    List<String> changedFields,
    String changeNote,
    String editedBy,
    Instant editedAt) {}
