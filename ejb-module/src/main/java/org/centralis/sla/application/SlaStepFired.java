package org.centralis.sla.application;

import java.time.Instant;
import java.util.List;

/**
 * A step the sweeper fired, for what happens after its transaction commits (e-mail). Carries the
 * recipients' addresses, resolved inside the transaction.
 */
public record SlaStepFired(String ticketNo, String metric, String kind, int seq, Instant dueAt, List<String> emails) {}
