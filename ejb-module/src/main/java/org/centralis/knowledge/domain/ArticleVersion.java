package org.centralis.knowledge.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One saved state of an article, with its full text, who saved it, when, and what changed. Immutable. */
@Entity
@Table(name = "KB_ARTICLE_VERSION")
@NamedQuery(
    name = "ArticleVersion.findByArticle",
    query = "SELECT v FROM ArticleVersion v WHERE v.articleId = :article ORDER BY v.versionNo DESC")
public class ArticleVersion {

  @Id
  @SequenceGenerator(name = "KB_ARTICLE_VERSION_SEQ", sequenceName = "KB_ARTICLE_VERSION_SEQ", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "KB_ARTICLE_VERSION_SEQ")
  private Long id;

  @Column(name = "ARTICLE_ID")
  private Long articleId;

  @Column(name = "VERSION_NO")
  private int versionNo;

  private String title;

  @Lob private String body;

  private String tags;

  @Column(name = "CATEGORY_ID")
  private Long categoryId;

  private String language;

  @Enumerated(EnumType.STRING)
  private Visibility visibility;

  @Enumerated(EnumType.STRING)
  private ArticleStatus status;

  @Column(name = "CHANGED_FIELDS")
  private String changedFields;

  @Column(name = "CHANGE_NOTE")
  private String changeNote;

  @Column(name = "EDITED_BY")
  private String editedBy;

  @Column(name = "EDITED_AT")
  private Instant editedAt;

  // The article is referenced by id: its id is assigned at persist, before this version is persisted.
  private transient Article article;

  protected ArticleVersion() {}

  ArticleVersion(Article article, int versionNo, ArticleContent c, String changedFields, String note, String login, Instant now) {
    this.article = article;
    this.versionNo = versionNo;
    this.title = c.title();
    this.body = c.body();
    this.tags = c.tags();
    this.categoryId = c.categoryId();
    this.language = c.language();
    this.visibility = c.visibility();
    this.status = c.status();
    this.changedFields = changedFields;
    this.changeNote = note;
    this.editedBy = login;
    this.editedAt = now;
  }

  /** Takes the article's id, once the article has one. */
  public ArticleVersion bind() {
    this.articleId = article.getId();
    return this;
  }

  public ArticleContent content() {
    return new ArticleContent(title, body, tags, categoryId, language, visibility, status);
  }

  public Long getId() {
    return id;
  }

  public Long getArticleId() {
    return articleId;
  }

  public int getVersionNo() {
    return versionNo;
  }

  public String getChangedFields() {
    return changedFields;
  }

  public String getChangeNote() {
    return changeNote;
  }

  public String getEditedBy() {
    return editedBy;
  }

  public Instant getEditedAt() {
    return editedAt;
  }
}
