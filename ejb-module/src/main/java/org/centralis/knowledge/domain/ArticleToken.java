package org.centralis.knowledge.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * One row of the search index: a token of an article's current text, its weight ({@link Tokenizer#weighted})
 * and the article's filter columns, all rewritten by every save.
 */
@Entity
@Table(name = "KB_TOKEN")
@IdClass(ArticleToken.Key.class)
public class ArticleToken {

  /** The primary key (TOKEN, ARTICLE_ID). */
  public static class Key implements Serializable {
    private static final long serialVersionUID = 1L;
    private String token;
    private Long articleId;

    public Key() {}

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && Objects.equals(token, k.token) && Objects.equals(articleId, k.articleId);
    }

    @Override
    public int hashCode() {
      return Objects.hash(token, articleId);
    }
  }

  @Id private String token;

  @Id
  @Column(name = "ARTICLE_ID")
  private Long articleId;

  private int weight;

  // The article's filter columns, repeated so that a search needs no join.
  private String status;
  private String language;
  private String visibility;

  @Column(name = "CATEGORY_ID")
  private Long categoryId;

  protected ArticleToken() {}

  public ArticleToken(String token, Article article, int weight) {
    this.token = token;
    this.articleId = article.getId();
    this.weight = weight;
    this.status = article.getStatus().name();
    this.language = article.getLanguage();
    this.visibility = article.getVisibility().name();
    this.categoryId = article.getCategoryId();
  }
}
