package org.centralis.organization.application;

import java.util.Set;

/** An active staff member as other contexts address them: who, where in the tree, how to reach them. */
public record StaffContact(String login, String fullName, String email, String branchPath, Set<String> roles, String locale) {

  /** Whether the member's branch subtree contains {@code path} (they may read what lies there). */
  public boolean oversees(String path) {
    return path != null && path.startsWith(branchPath);
  }
}
