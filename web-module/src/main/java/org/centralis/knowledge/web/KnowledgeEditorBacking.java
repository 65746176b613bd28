package org.centralis.knowledge.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.centralis.knowledge.application.ArticleRequest;
import org.centralis.knowledge.application.ArticleSearch;
import org.centralis.knowledge.application.ArticleSummary;
import org.centralis.knowledge.application.ArticleView;
import org.centralis.knowledge.application.KnowledgeBase;
import org.centralis.shared.web.Messages;
import org.centralis.ticket.application.CategoryRef;
import org.centralis.ticket.application.TicketCatalog;

/**
 * The article editor for administrators and supervisors (/knowledge/edit.xhtml?id=…): every article
 * whatever its status on the left, the form on the right; saving writes a new version.
 */
@Named
@ViewScoped
public class KnowledgeEditorBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private KnowledgeBase knowledge;
  @Inject private TicketCatalog catalog;

  private Long id;
  private Integer baseVersion;
  private String title;
  private String body;
  private String tags;
  private Long categoryId;
  private String language = "zh_CN";
  private String visibility = "INTERNAL";
  private String status = "DRAFT";
  private String note;
  private String filter;
  private List<ArticleSummary> articles = List.of();
  private List<CategoryRef> categories;

  public void load() {
    list();
    if (id != null) {
      edit(id);
    }
  }

  public void list() {
    try {
      articles = knowledge.search(new ArticleSearch(filter, null, null, null, null), 0, 100).items();
    } catch (RuntimeException e) {
      Messages.handle(e);
    }
  }

  public void edit(Long articleId) {
    try {
      ArticleView a = knowledge.find(articleId);
      id = a.id();
      baseVersion = a.versionNo();
      title = a.title();
      body = a.body();
      tags = String.join(",", a.tags());
      categoryId = a.categoryId();
      language = a.language();
      visibility = a.visibility();
      status = a.status();
      note = null;
    } catch (RuntimeException e) {
      Messages.handle(e);
    }
  }

  public void create() {
    id = null;
    baseVersion = null;
    title = body = tags = note = null;
    categoryId = null;
    language = "zh_CN";
    visibility = "INTERNAL";
    status = "DRAFT";
  }

  public void save() {
    try {
      ArticleRequest r = new ArticleRequest(title, body, tags, categoryId, language, visibility, status, note, baseVersion);
      ArticleView saved = id == null ? knowledge.create(r) : knowledge.update(id, r);
      edit(saved.id());
      list();
      Messages.info("kb.editor.saved", saved.versionNo());
    } catch (RuntimeException e) {
      Messages.handle(e);
    }
  }

  public List<CategoryRef> getCategories() {
    if (categories == null) {
      categories = catalog.categories(null);
    }
    return categories;
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public Integer getBaseVersion() {
    return baseVersion;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getBody() {
    return body;
  }

  public void setBody(String body) {
    this.body = body;
  }

  public String getTags() {
    return tags;
  }

  public void setTags(String tags) {
    this.tags = tags;
  }

  public Long getCategoryId() {
    return categoryId;
  }

  public void setCategoryId(Long categoryId) {
    this.categoryId = categoryId;
  }

  public String getLanguage() {
    return language;
  }

  public void setLanguage(String language) {
    this.language = language;
  }

  public String getVisibility() {
    return visibility;
  }

  public void setVisibility(String visibility) {
    this.visibility = visibility;
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getNote() {
    return note;
  }

  public void setNote(String note) {
    this.note = note;
  }

  public String getFilter() {
    return filter;
  }

  public void setFilter(String filter) {
    this.filter = filter;
  }

  public List<ArticleSummary> getArticles() {
    return articles;
  }
}
