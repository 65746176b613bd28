package org.centralis.organization.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.centralis.shared.infrastructure.cache.ExpiringMap;
import org.centralis.shared.security.Caller;
import org.centralis.shared.security.Role;

/**
 * Who a login is (staff id, roles, branch), remembered for a minute on each node. Every request resolves its caller,
 * and reading STAFF and STAFF_ROLE for it took 2.7 % of the server's CPU during intake (docs/performance.md, run I's profile).
 * The application never changes a staff member's roles or branch (they come with the organization's reference data),
 * and a change made there reaches every node within {@link #TTL_MILLIS}, as a changed password reaches API clients
 * through the web module's credential cache.
 */
@ApplicationScoped
public class StaffIdentities {

  static final long TTL_MILLIS = 60_000;
  private static final int MAX_ENTRIES = 10_000;

  /** What a caller is, without what belongs to the request (its client address). */
  public record Identity(Long staffId, String login, Set<Role> roles, Long branchId, String branchPath) {

    Caller from(String clientIp) {
      return new Caller(staffId, login, roles, branchId, branchPath, clientIp);
    }
  }

  private final ExpiringMap<String, Identity> identities = new ExpiringMap<>(TTL_MILLIS, MAX_ENTRIES);

  /** The identity of a staff login, read with {@code lookup} at most once a minute; empty for a login with no staff. */
  Optional<Identity> of(String login, Function<String, Optional<Identity>> lookup) {
    Identity known = identities.get(login);
    if (known != null) {
      return Optional.of(known);
    }
    Optional<Identity> found = lookup.apply(login);
    found.ifPresent(identity -> identities.put(login, identity));
    return found;
  }
}
