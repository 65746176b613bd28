package org.centralis.acd.domain;

/** The state of an agent's seat (see docs/acd.md for the transitions). */
public enum AgentState {
  LOGGED_OUT,
  READY,
  NOT_READY,
  /** Offered a contact; waiting for accept, reject or the offer timeout. */
  RESERVED,
  BUSY,
  /** After-call work, ended by the agent or by the queue's wrap-up timer. */
  WRAP_UP
}
