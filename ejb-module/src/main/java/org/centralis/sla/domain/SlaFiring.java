package org.centralis.sla.domain;

import java.time.Instant;

/**
 * One step the sweeper fires for a clock: a warning (seq = the threshold's index, from 1), the
 * breach (seq 1) or an escalation level (seq = the level).
 */
public record SlaFiring(Kind kind, int seq, Instant dueAt) {

  public enum Kind {
    WARNING,
    BREACH,
    ESCALATION
  }
}
