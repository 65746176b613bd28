package org.centralis.acd.application;

import java.time.Instant;
import java.util.List;

/**
 * A contact as the API shows it. The caller number is masked except for the CTI, which sent it.
 *
 * @param offerId the pending offer, if the contact is OFFERED
 * @param disposition CALLBACK / VOICEMAIL when the queue was closed, MAX_WAIT when it waited too long
 */
public record ContactView(
    String externalId,
    String channel,
    String queue,
    String state,
    int priority,
    String callerNumber,
    Long customerId,
    Instant arrivedAt,
    Instant answeredAt,
    Instant endedAt,
    String agent,
    String extension,
    Long offerId,
    String disposition,
    List<Visit> queueHistory) {

  /** One queue the contact was in. */
  public record Visit(String queue, Instant enteredAt, String reason) {}
}
