package org.centralis.sla.domain;

/** The state of an SLA clock. */
public enum ClockState {
  RUNNING,
  /** Stopped by a pause status of the policy (PENDING_CUSTOMER); resumes where it stopped. */
  PAUSED,
  MET,
  /** The deadline passed; stays so, and the escalation chain runs until the ticket stops it. */
  BREACHED,
  /** The ticket was cancelled before the clock was met. */
  CANCELLED
}
