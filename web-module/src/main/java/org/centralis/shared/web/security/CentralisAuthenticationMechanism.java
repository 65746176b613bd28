package org.centralis.shared.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLEncoder;
import java.security.Principal;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import org.centralis.organization.application.StaffAuthentication;
import org.centralis.organization.application.StaffAuthentication.Outcome;
import org.centralis.organization.application.StaffAuthentication.Status;

/**
 * One mechanism for both audiences, because Jakarta Security 3 allows only one per application:
 * people sign in on the login page (form → session), machines send HTTP Basic on every API call.
 * An unauthenticated page request is redirected to the login page; an unauthenticated API request
 * gets 401 with a problem+json body, never a redirect. Only a sign-in on the page creates a
 * session; Basic calls stay stateless (an API client sending thousands of calls must not leave
 * thousands of sessions behind), which is why this does not use {@code @AutoApplySession}.
 */
@ApplicationScoped
public class CentralisAuthenticationMechanism implements HttpAuthenticationMechanism {

  /** Request attribute the login page reads to explain a lockout. */
  public static final String LOCKED_ATTRIBUTE = "centralis.login.locked";

  private static final String REGISTER_SESSION = "jakarta.servlet.http.registerSession";

  @Inject private StaffAuthentication authentication;
  @Inject private BasicCredentialCache basicCache;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Credential credential = context.getAuthParameters().getCredential();
    if (context.isAuthenticationRequest() && credential instanceof UsernamePasswordCredential up) {
      Outcome outcome = authentication.authenticate(up.getCaller(), up.getPassword().getValue());
      if (outcome.status() == Status.VALID) {
        request.getSession(true);
        request.changeSessionId(); // a new session id at sign-in: no session fixation
        context.getMessageInfo().getMap().put(REGISTER_SESSION, Boolean.TRUE.toString());
        return context.notifyContainerAboutLogin(outcome.login(), outcome.roles());
      }
      request.setAttribute(LOCKED_ATTRIBUTE, outcome.status() == Status.LOCKED);
      // Not responseUnauthorized(): its sendError would replace the login page (and its message)
      // with the container's error page.
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      return AuthenticationStatus.SEND_FAILURE;
    }

    Principal signedIn = request.getUserPrincipal();
    if (signedIn != null) {
      // Restores the caller that the session remembers since the sign-in (Jakarta Authentication).
      return context.notifyContainerAboutLogin(signedIn, null);
    }

    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return basic(authorization.substring(6).trim(), response, context);
    }

    if (!context.isProtected()) {
      return context.doNothing();
    }
    if (isApi(request)) {
      return unauthorized(response, "authentication required");
    }
    return redirectToLogin(request, response, context);
  }

  private AuthenticationStatus basic(String encoded, HttpServletResponse response, HttpMessageContext context) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return unauthorized(response, "malformed Basic credentials");
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return unauthorized(response, "malformed Basic credentials");
    }
    String login = decoded.substring(0, colon);
    String password = decoded.substring(colon + 1);
    Set<String> roles = basicCache.find(login, password);
    if (roles == null) {
      Outcome outcome = authentication.authenticate(login, password.toCharArray());
      if (outcome.status() != Status.VALID) {
        return unauthorized(response, outcome.status() == Status.LOCKED ? "account locked" : "invalid credentials");
      }
      roles = outcome.roles();
      basicCache.remember(login, password, roles);
    }
    return context.notifyContainerAboutLogin(login, roles);
  }

  private static boolean isApi(HttpServletRequest request) {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    return path.startsWith("/api/") || path.equals("/api");
  }

  private static AuthenticationStatus unauthorized(HttpServletResponse response, String detail) {
    try {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader("WWW-Authenticate", "Basic realm=\"Centralis\", charset=\"UTF-8\"");
      response.setContentType("application/problem+json;charset=UTF-8");
      response.getWriter()
          .write("{\"type\":\"https://centralis.org/problems/unauthorized\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"" + detail + "\"}");
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return AuthenticationStatus.SEND_FAILURE;
  }

  private static AuthenticationStatus redirectToLogin(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    String target = request.getRequestURI().substring(request.getContextPath().length());
    if (request.getQueryString() != null) {
      target += "?" + request.getQueryString();
    }
    String location = request.getContextPath() + "/login.xhtml";
    if (!"/".equals(target) && !"/index.xhtml".equals(target) && "GET".equals(request.getMethod())) {
      location += "?next=" + URLEncoder.encode(target, StandardCharsets.UTF_8);
    }
    return context.redirect(location);
  }
}
