package org.centralis.organization.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The landing page after sign-in: sends each person to the home page of their role. */
@Named
@RequestScoped
public class HomeBacking {

  @Inject private HeaderBacking header;

  /** View action of /index.xhtml. */
  public String goHome() {
    String audience = header.getAudience();
    return audience == null ? "/error/403.xhtml?faces-redirect=true" : "/" + audience + "/index.xhtml?faces-redirect=true";
  }
}
