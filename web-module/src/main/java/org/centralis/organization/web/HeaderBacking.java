package org.centralis.organization.web;

import jakarta.enterprise.context.SessionScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.centralis.organization.application.OrganizationDirectory;
import org.centralis.organization.application.StaffRef;
import org.centralis.shared.security.Role;

/**
 * The signed-in person as the page header shows them (name, branch, role) and where their home
 * page is. Loaded once per session and sign-in; holds only strings so the session stays small and
 * serializable.
 */
@Named
@SessionScoped
public class HeaderBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject private OrganizationDirectory organization;

  private String loadedFor;
  private String fullName;
  private String branchName;
  private String branchNameEn;
  private List<String> roles = List.of();

  public String getFullName() {
    load();
    return fullName;
  }

  public String getBranchName() {
    load();
    return branchName;
  }

  public String getBranchNameEn() {
    load();
    return branchNameEn;
  }

  /** The roles held, in the order of {@link Role}. */
  public List<String> getRoles() {
    load();
    return roles;
  }

  /** The role whose home page and menu the user gets (the first held, in the order of {@link Role}). */
  public String getPrimaryRole() {
    List<String> held = getRoles();
    return held.isEmpty() ? null : held.get(0);
  }

  public boolean isSignedIn() {
    return principal() != null;
  }

  public boolean hasRole(String role) {
    return FacesContext.getCurrentInstance().getExternalContext().isUserInRole(role);
  }

  /** True for the roles that may read tickets (every role but the CTI integration account). */
  public boolean isTicketReader() {
    ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
    for (Role r : Role.values()) {
      if (r != Role.CTI && ec.isUserInRole(r.name())) {
        return true;
      }
    }
    return false;
  }

  /** The folder of the primary role's pages: branch, agent, supervisor, hq, audit, admin or cti. */
  public String getAudience() {
    return audienceOf(getPrimaryRole());
  }

  public String getHomePath() {
    String audience = getAudience();
    return audience == null ? "/index.xhtml" : "/" + audience + "/index.xhtml";
  }

  static String audienceOf(String role) {
    if (role == null) {
      return null;
    }
    return switch (Role.valueOf(role)) {
      case BRANCH_STAFF -> "branch";
      case AGENT -> "agent";
      case SUPERVISOR -> "supervisor";
      case HQ_MANAGER -> "hq";
      case AUDITOR -> "audit";
      case ADMIN -> "admin";
      case CTI -> "cti";
    };
  }

  private void load() {
    Principal principal = principal();
    String login = principal == null ? null : principal.getName();
    if (login == null) {
      loadedFor = null;
      fullName = null;
      branchName = null;
      branchNameEn = null;
      roles = List.of();
      return;
    }
    if (login.equals(loadedFor)) {
      return;
    }
    ExternalContext ec = FacesContext.getCurrentInstance().getExternalContext();
    List<String> held = new ArrayList<>();
    for (Role r : Role.values()) {
      if (ec.isUserInRole(r.name())) {
        held.add(r.name());
      }
    }
    Optional<StaffRef> me = organization.me();
    fullName = me.map(StaffRef::fullName).orElse(login);
    branchName = me.map(s -> s.branch().name()).orElse("");
    branchNameEn = me.map(s -> s.branch().nameEn()).orElse("");
    roles = List.copyOf(held);
    loadedFor = login;
  }

  private static Principal principal() {
    return FacesContext.getCurrentInstance().getExternalContext().getUserPrincipal();
  }
}
