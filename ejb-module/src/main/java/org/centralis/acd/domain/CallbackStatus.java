package org.centralis.acd.domain;

/** Where a callback request (回拨) stands: waiting for an agent, held by one, or finished. */
public enum CallbackStatus {
  OPEN,
  CLAIMED,
  DONE,
  GAVE_UP
}
