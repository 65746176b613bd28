package org.centralis.quality.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.centralis.quality.application.QaViews;
import org.centralis.quality.application.QualityScoring;
import org.centralis.quality.application.ScoreRequest;
import org.centralis.shared.domain.InvalidInputException;
import org.centralis.shared.domain.NotFoundException;
import org.centralis.shared.rest.PageDto;
import org.centralis.shared.rest.QueryParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Quality scoring (质检): the QA sample, forms, scores, and an agent's own scores. */
@Path("qa")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Quality")
public class QualityResource {

  @Inject private QualityScoring quality;

  @GET
  @Path("samples")
  @Operation(summary = "Open QA samples of your branch subtree (supervisors), oldest first")
  public PageDto<QaViews.Sample> samples(@QueryParam("page") String page, @QueryParam("size") String size) {
    QueryParams.PageRequest paging = QueryParams.page(page, size, 20, 200, 1_000_000);
    return PageDto.of(quality.openSamples(paging.offset(), paging.limit()));
  }

  @GET
  @Path("forms/{id}")
  @Operation(summary = "A QA form with its weighted criteria")
  public QaViews.Form form(@PathParam("id") String id) {
    try {
      return quality.form(Long.parseLong(id));
    } catch (NumberFormatException e) {
      throw new NotFoundException("qa-form", id);
    }
  }

  @POST
  @Path("scores")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Score a sample, ticket or contact: {formId, sampleId | ticketNumber | contactId, agentStaffId?, points {criterionId: 0-100}, comment}; the weighted total is computed by the server")
  public QaViews.Score score(ScoreRequest request) {
    if (request == null) {
      throw new InvalidInputException("formId", "form-required", "a body is required");
    }
    return quality.score(request);
  }

  @GET
  @Path("scores/mine")
  @Operation(summary = "Your own scores and the supervisors' comments, newest first")
  public PageDto<QaViews.Score> mine(@QueryParam("page") String page, @QueryParam("size") String size) {
    QueryParams.PageRequest paging = QueryParams.page(page, size, 20, 200, 1_000_000);
    return PageDto.of(quality.myScores(paging.offset(), paging.limit()));
  }
}
