package org.centralis.shared.security;

import jakarta.enterprise.context.RequestScoped;

/**
 * Where the current request came from, filled in by the web tier (a servlet filter) so that
 * services can write the client address into the audit trail without depending on servlets.
 */
@RequestScoped
public class RequestOrigin {

  private String clientIp;

  public String getClientIp() {
    return clientIp;
  }

  public void setClientIp(String clientIp) {
    this.clientIp = clientIp;
  }
}
