package org.centralis.sla.domain;

/** What an SLA clock measures. */
public enum SlaMetric {
  /** From creation until the responsible team accepts the ticket. */
  FIRST_RESPONSE,
  /** From the first response (then from each customer-visible update) until the next one. */
  NEXT_UPDATE,
  /** From creation until the ticket is resolved (runs again after a reopen). */
  RESOLUTION
}
