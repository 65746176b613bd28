package org.centralis.knowledge.application;

/**
 * Criteria of a knowledge search; null means "any". {@code text} is tokenized like the articles;
 * {@code categoryId} includes the category's sub-categories; {@code status} is honoured for editors
 * only (readers always search PUBLISHED articles).
 */
public record ArticleSearch(String text, Long categoryId, String language, String visibility, String status) {

  public static ArticleSearch text(String text) {
    return new ArticleSearch(text, null, null, null, null);
  }
}
