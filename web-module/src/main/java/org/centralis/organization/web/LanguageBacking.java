package org.centralis.organization.web;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Locale;
import org.centralis.shared.web.Messages;

/**
 * The language of the pages for this session: Simplified Chinese by default, English on request.
 * Every template sets {@code <f:view locale>} from here, so a switch applies to the whole UI.
 */
@Named
@SessionScoped
public class LanguageBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  private Locale locale = Locale.SIMPLIFIED_CHINESE;

  public Locale getLocale() {
    return locale;
  }

  public String getLanguage() {
    return locale.getLanguage();
  }

  public boolean isEnglish() {
    return "en".equals(locale.getLanguage());
  }

  /** Switches and reloads the current page by GET, keeping its view parameters. */
  public String switchTo(String tag) {
    locale = "en".equals(tag) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    FacesContext fc = FacesContext.getCurrentInstance();
    fc.getExternalContext().getSessionMap().put(Messages.LOCALE_ATTRIBUTE, locale);
    fc.getViewRoot().setLocale(locale);
    return fc.getViewRoot().getViewId() + "?faces-redirect=true&includeViewParams=true";
  }
}
