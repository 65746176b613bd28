package org.centralis.knowledge.domain;

/** Where an article is in its life: only PUBLISHED ones are found by readers. */
public enum ArticleStatus {
  DRAFT,
  PUBLISHED,
  ARCHIVED
}
