package org.centralis.ticket.domain;

/**
 * The lifecycle of a sub-task (协办任务): DISPATCHED → ACCEPTED → DONE; the receiving team may
 * REJECT it (not theirs), the coordinating team may CANCEL it while it is not done.
 */
public enum TaskStatus {
  DISPATCHED,
  ACCEPTED,
  DONE,
  REJECTED,
  CANCELLED;

  /** Still waiting on the receiving team. */
  public boolean isOpen() {
    return this == DISPATCHED || this == ACCEPTED;
  }

  /** Nothing more will happen to it: done or called off. A rejected task waits on the coordinator. */
  public boolean isSettled() {
    return this == DONE || this == CANCELLED;
  }
}
