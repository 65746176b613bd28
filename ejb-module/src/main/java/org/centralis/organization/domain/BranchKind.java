package org.centralis.organization.domain;

/** The levels of the organization tree, top down. */
public enum BranchKind {
  HEADQUARTERS,
  REGION,
  BRANCH,
  OUTLET
}
