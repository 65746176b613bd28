package org.centralis.acd.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;
import org.centralis.acd.application.AcdEventAccess;
import org.centralis.acd.application.AcdEventDelivered;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /api/acd/events}: the ACD's events as server-sent events (event name = the event type,
 * data = its JSON), for the PBX adapter and live screens. Every node streams every node's events:
 * they come from the JMS topic through {@code AcdEventsConsumer}.
 */
@Path("acd/events")
@ApplicationScoped
@Tag(name = "ACD")
public class AcdEventStream {

  @Inject private AcdEventAccess access;

  private volatile Sse sse;
  private volatile SseBroadcaster broadcaster;

  @GET
  @Produces(MediaType.SERVER_SENT_EVENTS)
  @Operation(summary = "Live ACD events (SSE): CONTACT_OFFERED with agent and extension, CONTACT_CONNECTED, …, AGENT_STATE")
  public void subscribe(@Context SseEventSink sink, @Context Sse sse) {
    access.check();
    broadcaster(sse).register(sink);
    sink.send(sse.newEventBuilder().name("HELLO").data("{\"type\":\"HELLO\"}").mediaType(MediaType.APPLICATION_JSON_TYPE).build());
  }

  void onEvent(@Observes AcdEventDelivered event) {
    Sse s = sse;
    SseBroadcaster b = broadcaster;
    if (s == null || b == null) {
      return; // nobody has subscribed on this node yet
    }
    String json = event.json();
    int start = json.indexOf("\"type\":\"") + 8;
    String name = json.substring(start, json.indexOf('"', start));
    OutboundSseEvent out = s.newEventBuilder().name(name).data(json).mediaType(MediaType.APPLICATION_JSON_TYPE).build();
    b.broadcast(out);
  }

  private synchronized SseBroadcaster broadcaster(Sse sse) {
    if (broadcaster == null) {
      this.sse = sse;
      this.broadcaster = sse.newBroadcaster();
    }
    return broadcaster;
  }
}
