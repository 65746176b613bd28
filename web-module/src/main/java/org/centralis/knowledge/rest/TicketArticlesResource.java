package org.centralis.knowledge.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.centralis.knowledge.application.ArticleSummary;
import org.centralis.knowledge.application.KnowledgeBase;
import org.centralis.knowledge.application.LinkedArticle;
import org.centralis.shared.rest.QueryParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The knowledge articles of one ticket: linked ones and suggestions; linking counts a use. */
@Path("tickets/{number}/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Knowledge")
public class TicketArticlesResource {

  /** The articles linked to a ticket and those suggested for it. */
  public record TicketArticles(List<LinkedArticle> linked, List<ArticleSummary> suggested) {}

  @Inject private KnowledgeBase knowledge;

  @GET
  @Operation(summary = "Articles linked to the ticket, and up to 5 suggested from its category, subject and description")
  public TicketArticles get(@PathParam("number") String number) {
    return new TicketArticles(knowledge.linked(number), knowledge.suggest(number, 5));
  }

  @POST
  @Path("{id}")
  @Operation(summary = "Link a published article to the ticket and count its use (audited); linking again changes nothing")
  @APIResponse(responseCode = "201", description = "linked now")
  @APIResponse(responseCode = "200", description = "was linked already")
  @APIResponse(responseCode = "404", description = "no such ticket in your scope, or no such published article")
  public Response link(@PathParam("number") String number, @PathParam("id") String id) {
    boolean created = knowledge.link(number, QueryParams.longValue("id", id));
    return Response.status(created ? Response.Status.CREATED : Response.Status.OK).entity(knowledge.linked(number)).build();
  }
}
