package org.centralis.shared.security;

/**
 * The functions a signed-in person can hold. The String constants exist for {@code @RolesAllowed},
 * which needs compile-time constants.
 */
public enum Role {
  BRANCH_STAFF,
  AGENT,
  SUPERVISOR,
  HQ_MANAGER,
  AUDITOR,
  ADMIN,
  CTI;

  public static final String BRANCH_STAFF_NAME = "BRANCH_STAFF";
  public static final String AGENT_NAME = "AGENT";
  public static final String SUPERVISOR_NAME = "SUPERVISOR";
  public static final String HQ_MANAGER_NAME = "HQ_MANAGER";
  public static final String AUDITOR_NAME = "AUDITOR";
  public static final String ADMIN_NAME = "ADMIN";
  public static final String CTI_NAME = "CTI";
}
