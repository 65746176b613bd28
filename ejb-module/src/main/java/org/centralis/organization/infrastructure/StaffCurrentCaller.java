package org.centralis.organization.infrastructure;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Optional;
import java.util.Set;
import org.centralis.organization.domain.Staff;
import org.centralis.shared.security.Caller;
import org.centralis.shared.security.CurrentCaller;
import org.centralis.shared.security.RequestOrigin;

/**
 * Resolves the caller once per request from the container's principal and the STAFF table (remembered for a minute by
 * {@link StaffIdentities}). No principal (message consumers, timers, start-up) means the system itself.
 */
@RequestScoped
public class StaffCurrentCaller implements CurrentCaller {

  @Inject private SecurityContext securityContext;
  @Inject private RequestOrigin origin;
  @Inject private StaffIdentities identities;
  @PersistenceContext private EntityManager em;

  private Caller caller;

  @Override
  public Caller get() {
    if (caller == null) {
      caller = resolve();
    }
    return caller;
  }

  private Caller resolve() {
    Principal principal = securityContext.getCallerPrincipal();
    if (principal == null || principal.getName() == null || "ANONYMOUS".equals(principal.getName())) {
      return Caller.system();
    }
    return identities.of(principal.getName(), this::lookup)
        .map(identity -> identity.from(origin.getClientIp()))
        .orElseGet(() -> Caller.unknown(principal.getName(), origin.getClientIp()));
  }

  private Optional<StaffIdentities.Identity> lookup(String login) {
    return em.createNamedQuery("Staff.findByLogin", Staff.class)
        .setParameter("login", login)
        .getResultStream()
        .findFirst()
        .map(s -> new StaffIdentities.Identity(s.getId(), s.getLogin(), Set.copyOf(s.getRoles()), s.getBranch().getId(), s.getBranch().getPath()));
  }
}
