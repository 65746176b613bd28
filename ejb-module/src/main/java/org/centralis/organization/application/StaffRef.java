package org.centralis.organization.application;

import java.util.Set;

/** A signed-in staff member as the page header shows them. */
public record StaffRef(String login, String fullName, BranchRef branch, Set<String> roles, String locale) {}
