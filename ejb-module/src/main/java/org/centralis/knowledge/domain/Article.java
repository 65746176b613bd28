package org.centralis.knowledge.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;

/**
 * A knowledge-base article (知识库文章). Invariant: its fields equal those of its version
 * {@code currentVersionNo}, and every change goes through {@link #revise}, which yields the next
 * version; versions are never changed afterwards.
 */
@Entity
@Table(name = "KB_ARTICLE")
public class Article {

  @Id
  @SequenceGenerator(name = "KB_ARTICLE_SEQ", sequenceName = "KB_ARTICLE_SEQ", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "KB_ARTICLE_SEQ")
  private Long id;

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

  @Column(name = "CURRENT_VERSION_NO")
  private int currentVersionNo;

  @Column(name = "USE_COUNT")
  private int useCount;

  @Column(name = "CREATED_BY")
  private String createdBy;

  @Column(name = "CREATED_AT")
  private Instant createdAt;

  @Column(name = "UPDATED_BY")
  private String updatedBy;

  @Column(name = "UPDATED_AT")
  private Instant updatedAt;

  @Version private int version;

  protected Article() {}

  public Article(String login, Instant now) {
    this.createdBy = login;
    this.createdAt = now;
  }

  /**
   * Applies new content and answers the version that records it, or null when nothing changed
   * (saving an unchanged article writes no version). The caller persists the version.
   */
  public ArticleVersion revise(ArticleContent next, String login, Instant now, String note) {
    List<String> changed = next.changedFrom(currentVersionNo == 0 ? null : content());
    if (changed.isEmpty()) {
      return null;
    }
    title = next.title();
    body = next.body();
    tags = next.tags();
    categoryId = next.categoryId();
    language = next.language();
    visibility = next.visibility();
    status = next.status();
    currentVersionNo++;
    updatedBy = login;
    updatedAt = now;
    return new ArticleVersion(this, currentVersionNo, next, String.join(",", changed), note, login, now);
  }

  /** One more ticket used this article. */
  public void countUse() {
    useCount++;
  }

  public ArticleContent content() {
    return new ArticleContent(title, body, tags, categoryId, language, visibility, status);
  }

  public Long getId() {
    return id;
  }

  public String getTitle() {
    return title;
  }

  public String getBody() {
    return body;
  }

  public String getTags() {
    return tags;
  }

  public Long getCategoryId() {
    return categoryId;
  }

  public String getLanguage() {
    return language;
  }

  public Visibility getVisibility() {
    return visibility;
  }

  public ArticleStatus getStatus() {
    return status;
  }

  public int getCurrentVersionNo() {
    return currentVersionNo;
  }

  public int getUseCount() {
    return useCount;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getUpdatedBy() {
    return updatedBy;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public int getVersion() {
    return version;
  }
}
