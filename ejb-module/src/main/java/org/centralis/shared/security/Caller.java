package org.centralis.shared.security;

import java.util.Set;

/**
 * Who is calling a service: the signed-in staff member (or the system itself, for message
 * consumers and start-up work), their roles and the branch subtree they may see.
 *
 * @param branchPath materialized path of the caller's branch ({@code /1/7/}); everything whose
 *     branch path starts with it is inside the caller's scope
 */
public record Caller(
    Long staffId, String login, Set<Role> roles, Long branchId, String branchPath, String clientIp) {

  public static final String SYSTEM_LOGIN = "system";

  public static Caller system() {
    return new Caller(null, SYSTEM_LOGIN, Set.of(), null, "/", null);
  }

  /** A principal the staff table does not know (e.g. deleted meanwhile): no roles, sees nothing. */
  public static Caller unknown(String login, String clientIp) {
    return new Caller(null, login, Set.of(), null, "\u0000", clientIp);
  }

  public boolean isSystem() {
    return staffId == null && SYSTEM_LOGIN.equals(login);
  }

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** True if data owned by the branch with this path lies in the caller's branch subtree. */
  public boolean canSee(String ownerBranchPath) {
    return ownerBranchPath != null && ownerBranchPath.startsWith(branchPath);
  }

  /** The role written to the audit trail: the first held, in the order of {@link Role}. */
  public String primaryRole() {
    return roles.stream().sorted().map(Role::name).findFirst().orElse(isSystem() ? "SYSTEM" : null);
  }
}
