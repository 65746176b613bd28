package org.centralis.knowledge.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.centralis.knowledge.application.ArticleView;
import org.centralis.knowledge.application.KnowledgeBase;
import org.centralis.knowledge.application.VersionView;
import org.centralis.shared.domain.NotFoundException;
import org.centralis.shared.security.CurrentCaller;
import org.centralis.shared.security.Role;
import org.centralis.shared.web.Messages;

/** One article with its version history (/knowledge/article.xhtml?id=…); a version's full text opens below the list. */
@Named
@ViewScoped
public class KnowledgeArticleBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private KnowledgeBase knowledge;
  @Inject private CurrentCaller currentCaller;

  private Long id;
  private ArticleView article;
  private List<VersionView> versions = List.of();
  private VersionView shown;

  public void load() {
    if (id == null) {
      return;
    }
    try {
      article = knowledge.find(id);
      versions = knowledge.versions(id);
    } catch (NotFoundException e) {
      article = null;
    } catch (RuntimeException e) {
      article = null;
      Messages.handle(e);
    }
  }

  public void show(VersionView version) {
    shown = version;
  }

  /** Editors get a link to the editor. */
  public boolean isEditor() {
    return currentCaller.get().has(Role.ADMIN) || currentCaller.get().has(Role.SUPERVISOR);
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public ArticleView getArticle() {
    return article;
  }

  public List<VersionView> getVersions() {
    return versions;
  }

  public VersionView getShown() {
    return shown;
  }
}
