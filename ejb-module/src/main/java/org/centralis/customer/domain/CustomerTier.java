package org.centralis.customer.domain;

/** Service tier of a customer, lowest first. */
public enum CustomerTier {
  STANDARD,
  SILVER,
  GOLD,
  PLATINUM,
  PRIVATE
}
