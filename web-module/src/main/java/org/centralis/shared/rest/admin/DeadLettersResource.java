package org.centralis.shared.rest.admin;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.centralis.shared.infrastructure.messaging.DeadLetters;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Messages that failed every delivery attempt, for administrators. */
@Path("admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class DeadLettersResource {

  @Inject private DeadLetters deadLetters;

  @GET
  @Operation(summary = "The dead-letter queue (up to 200 messages)")
  public List<DeadLetters.DeadLetter> list() {
    return deadLetters.list();
  }
}
