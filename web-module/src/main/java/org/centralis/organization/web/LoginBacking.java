package org.centralis.organization.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.centralis.shared.web.Messages;

/**
 * Signing in and out. The authentication mechanism checks the password and the lockout; this
 * bean only hands it the credential and tells the person what happened.
 */
@Named
@RequestScoped
public class LoginBacking {

  /** Set by the authentication mechanism when the account is locked. */
  static final String LOCKED_ATTRIBUTE = "centralis.login.locked";

  @Inject private SecurityContext securityContext;

  private String login;
  private String password;
  private String next;

  /** A signed-in user who opens the login page goes home. */
  public String redirectIfSignedIn() {
    ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
    return ec.getUserPrincipal() == null ? null : "/index.xhtml?faces-redirect=true";
  }

  public void signIn() throws IOException {
    FacesContext fc = FacesContext.getCurrentInstance();
    ExternalContext ec = fc.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) ec.getRequest();
    HttpServletResponse response = (HttpServletResponse) ec.getResponse();
    AuthenticationStatus status =
        securityContext.authenticate(
            request,
            response,
            AuthenticationParameters.withParams()
                .credential(new UsernamePasswordCredential(login == null ? "" : login.strip(), new Password(password == null ? "" : password)))
                .newAuthentication(true));
    password = null;
    switch (status) {
      case SUCCESS -> {
        ec.redirect(ec.getRequestContextPath() + safeNext());
        fc.responseComplete();
      }
      case SEND_CONTINUE -> fc.responseComplete();
      default -> {
        // The mechanism set 401 on the response; the page is still shown with the message.
        response.setStatus(HttpServletResponse.SC_OK);
        Messages.error(Boolean.TRUE.equals(request.getAttribute(LOCKED_ATTRIBUTE)) ? "login.locked" : "login.failed");
      }
    }
  }

  public void signOut() throws IOException, ServletException {
    FacesContext fc = FacesContext.getCurrentInstance();
    ExternalContext ec = fc.getExternalContext();
    HttpServletRequest request = (HttpServletRequest) ec.getRequest();
    request.logout();
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    ec.redirect(ec.getRequestContextPath() + "/login.xhtml");
    fc.responseComplete();
  }

  /** Only a path inside this application: never an absolute or protocol-relative URL. */
  private String safeNext() {
    if (next != null && next.startsWith("/") && !next.startsWith("//") && !next.contains("\\") && !next.startsWith("/login.xhtml")) {
      return next;
    }
    return "/index.xhtml";
  }

  public String getLogin() {
    return login;
  }

  public void setLogin(String login) {
    this.login = login;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getNext() {
    return next;
  }

  public void setNext(String next) {
    this.next = next;
  }
}
