package org.centralis.returnvisit.domain;

/** OPEN until the customer is reached (COMPLETED) or the attempts run out (UNREACHABLE). */
public enum ReturnVisitStatus {
  OPEN,
  COMPLETED,
  UNREACHABLE;

  public boolean isDone() {
    return this != OPEN;
  }
}
