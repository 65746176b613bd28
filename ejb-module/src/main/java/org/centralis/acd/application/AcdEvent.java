package org.centralis.acd.application;

import java.time.Instant;

/**
 * Something the PBX adapter and the live screens want to know: a contact queued, offered to an
 * agent at an extension, connected, ended; an agent's state changed. Fired as a CDI event inside
 * the changing transaction; published to the JMS topic and the SSE stream only after it commits.
 *
 * @param type CONTACT_QUEUED, CONTACT_OFFERED, CONTACT_REQUEUED, CONTACT_CONNECTED, CONTACT_ENDED,
 *     CONTACT_ABANDONED, CONTACT_TRANSFERRED, CONTACT_CLOSED, AGENT_STATE
 */
public record AcdEvent(
    String type, String externalId, String queue, String agent, String extension, String state, String reason, Long offerId, Instant at) {

  public String toJson() {
    StringBuilder b = new StringBuilder(160).append("{\"type\":\"").append(type).append('"');
    field(b, "externalId", externalId);
    field(b, "queue", queue);
    field(b, "agent", agent);
    field(b, "extension", extension);
    field(b, "state", state);
    field(b, "reason", reason);
    if (offerId != null) {
      b.append(",\"offerId\":").append(offerId);
    }
    field(b, "at", at.toString());
    return b.append('}').toString();
  }

  private static void field(StringBuilder b, String name, String value) {
    if (value != null) {
      b.append(",\"").append(name).append("\":").append(org.centralis.acd.domain.RoutingExplanation.quote(value));
    }
  }
}
