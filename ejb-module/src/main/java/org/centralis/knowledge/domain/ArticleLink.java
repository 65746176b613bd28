package org.centralis.knowledge.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** An article used on a ticket; at most one per (ticket, article), so a use is counted once per ticket. */
@Entity
@Table(name = "KB_ARTICLE_LINK")
@NamedQuery(
    name = "ArticleLink.findByTicket",
    query = "SELECT l FROM ArticleLink l WHERE l.ticketNo = :ticket ORDER BY l.linkedAt, l.id")
@NamedQuery(
    name = "ArticleLink.count",
    query = "SELECT COUNT(l) FROM ArticleLink l WHERE l.ticketNo = :ticket AND l.articleId = :article")
public class ArticleLink {

  @Id
  @SequenceGenerator(name = "KB_ARTICLE_LINK_SEQ", sequenceName = "KB_ARTICLE_LINK_SEQ", allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "KB_ARTICLE_LINK_SEQ")
  private Long id;

  @Column(name = "ARTICLE_ID")
  private Long articleId;

  @Column(name = "TICKET_NO")
  private String ticketNo;

  @Column(name = "LINKED_BY")
  private String linkedBy;

  @Column(name = "LINKED_AT")
  private Instant linkedAt;

  protected ArticleLink() {}

  public ArticleLink(Long articleId, String ticketNo, String linkedBy, Instant linkedAt) {
    this.articleId = articleId;
    this.ticketNo = ticketNo;
    this.linkedBy = linkedBy;
    this.linkedAt = linkedAt;
  }

  public Long getArticleId() {
    return articleId;
  }

  public String getTicketNo() {
    return ticketNo;
  }

  public String getLinkedBy() {
    return linkedBy;
  }

  public Instant getLinkedAt() {
    return linkedAt;
  }
}
