package org.centralis.knowledge.domain;

/** INTERNAL articles are for staff only; PUBLIC ones may be read out or sent to customers. */
public enum Visibility {
  INTERNAL,
  PUBLIC
}
