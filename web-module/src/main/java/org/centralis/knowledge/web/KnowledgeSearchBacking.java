package org.centralis.knowledge.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.centralis.knowledge.application.ArticleSearch;
import org.centralis.knowledge.application.ArticleSummary;
import org.centralis.knowledge.application.KnowledgeBase;
import org.centralis.shared.domain.Page;
import org.centralis.shared.web.Messages;
import org.centralis.ticket.application.CategoryRef;
import org.centralis.ticket.application.TicketCatalog;

/** The knowledge search page (/knowledge/search.xhtml?q=挂失): query, filters, ranked hits with marked snippets, paging. */
@Named
@ViewScoped
public class KnowledgeSearchBacking implements Serializable {

  private static final long serialVersionUID = 1L;
  static final int PAGE_SIZE = 10;

  @Inject private KnowledgeBase knowledge;
  @Inject private TicketCatalog catalog;

  private String query;
  private String language;
  private String visibility;
  private Long categoryId;
  private int page;
  private Page<ArticleSummary> results;
  private List<CategoryRef> categories;

  /** View action: runs the search given in the URL, or lists the newest articles. */
  public void load() {
    run();
  }

  public void search() {
    page = 0;
    run();
  }

  public void next() {
    page++;
    run();
  }

  public void previous() {
    page = Math.max(0, page - 1);
    run();
  }

  private void run() {
    try {
      results = knowledge.search(new ArticleSearch(query, categoryId, language, visibility, null), page * PAGE_SIZE, PAGE_SIZE);
    } catch (RuntimeException e) {
      results = null;
      Messages.handle(e);
    }
  }

  public boolean isHasNext() {
    return results != null && (long) (page + 1) * PAGE_SIZE < results.total();
  }

  public List<CategoryRef> getCategories() {
    if (categories == null) {
      categories = catalog.categories(null);
    }
    return categories;
  }

  public String getQuery() {
    return query;
  }

  public void setQuery(String query) {
    this.query = query;
  }

  public String getLanguage() {
    return language;
  }

  public void setLanguage(String language) {
    this.language = language == null || language.isBlank() ? null : language;
  }

  public String getVisibility() {
    return visibility;
  }

  public void setVisibility(String visibility) {
    this.visibility = visibility == null || visibility.isBlank() ? null : visibility;
  }

  public Long getCategoryId() {
    return categoryId;
  }

  public void setCategoryId(Long categoryId) {
    this.categoryId = categoryId;
  }

  public int getPage() {
    return page;
  }

  public Page<ArticleSummary> getResults() {
    return results;
  }
}
