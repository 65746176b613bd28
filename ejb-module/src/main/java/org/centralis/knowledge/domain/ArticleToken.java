package org.centralis.knowledge.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** One row of the search index: a token of an article's current text and its weight ({@link Tokenizer#weighted}). */
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

  protected ArticleToken() {}

  public ArticleToken(String token, Long articleId, int weight) {
    this.token = token;
    this.articleId = articleId;
    this.weight = weight;
  }
}
