package org.centralis.complaint.domain;

/** The two trees of {@link TaxonomyNode}: what the customer complains of, and why it happened. */
public enum TaxonomyKind {
  COMPLAINT,
  ROOT_CAUSE
}
