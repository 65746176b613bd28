package org.centralis.acd.domain;

/** How an offer ended; PENDING while the agent has not answered. */
public enum OfferOutcome {
  PENDING,
  ACCEPTED,
  REJECTED,
  TIMED_OUT,
  /** The contact was abandoned (or moved) while offered. */
  CANCELLED
}
