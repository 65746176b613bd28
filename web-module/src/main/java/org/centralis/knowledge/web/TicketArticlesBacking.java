package org.centralis.knowledge.web;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.centralis.knowledge.application.ArticleSummary;
import org.centralis.knowledge.application.KnowledgeBase;
import org.centralis.knowledge.application.LinkedArticle;
import org.centralis.shared.domain.NotFoundException;
import org.centralis.shared.security.CurrentCaller;
import org.centralis.shared.security.Role;
import org.centralis.shared.web.Messages;

/**
 * The knowledge card of the ticket page: the articles linked to the ticket and those suggested for it,
 * with a "use" button that links one. The ticket number is the page's {@code number} parameter.
 */
@Named
@ViewScoped
public class TicketArticlesBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private KnowledgeBase knowledge;
  @Inject private CurrentCaller currentCaller;

  private String number;
  private List<LinkedArticle> linked;
  private List<ArticleSummary> suggested = List.of();

  private void ensureLoaded() {
    if (linked == null) {
      number = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("number");
      refresh();
    }
  }

  private void refresh() {
    linked = List.of();
    suggested = List.of();
    if (number == null || number.isBlank() || !isReader()) {
      return;
    }
    try {
      linked = knowledge.linked(number.strip());
      suggested = knowledge.suggest(number.strip(), 5);
    } catch (NotFoundException e) {
      // the ticket page says so
    } catch (RuntimeException e) {
      Messages.handle(e);
    }
  }

  public void use(Long articleId) {
    try {
      knowledge.link(number.strip(), articleId);
      Messages.info("kb.ticket.linkedNow");
    } catch (RuntimeException e) {
      Messages.handle(e);
    }
    refresh();
  }

  /** Readers of the knowledge base see the card; of those, all but HQ managers may link. */
  public boolean isReader() {
    var c = currentCaller.get();
    return c.has(Role.AGENT) || c.has(Role.BRANCH_STAFF) || c.has(Role.SUPERVISOR) || c.has(Role.HQ_MANAGER) || c.has(Role.ADMIN);
  }

  public boolean isLinker() {
    var c = currentCaller.get();
    return c.has(Role.AGENT) || c.has(Role.BRANCH_STAFF) || c.has(Role.SUPERVISOR);
  }

  public List<LinkedArticle> getLinked() {
    ensureLoaded();
    return linked;
  }

  public List<ArticleSummary> getSuggested() {
    ensureLoaded();
    return suggested;
  }
}
