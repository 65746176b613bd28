package org.centralis.knowledge.application;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * What an editor sends to create or save an article. {@code language} zh_CN or en, {@code visibility}
 * INTERNAL or PUBLIC, {@code status} DRAFT, PUBLISHED or ARCHIVED (default DRAFT); {@code tags}
 * comma-separated; {@code note} says why (kept with the version); {@code baseVersion}, when given on a
 * save, must be the article's current version number, so that two editors do not overwrite each other.
 */
public record ArticleRequest(
    @NotBlank @Size(max = 200) String title,
    @NotBlank @Size(max = 100_000) String body,
    @Size(max = 400) String tags,
    Long categoryId,
    @NotNull String language,
    @NotNull String visibility,
    String status,
    @Size(max = 400) String note,
    Integer baseVersion) {}
