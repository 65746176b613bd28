package org.centralis.quality.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.centralis.quality.application.QaForms;
import org.centralis.quality.application.QaViews;
import org.centralis.quality.application.QualityScoring;
import org.centralis.quality.application.ScoreRequest;
import org.centralis.quality.web.QaSampleSheet;
import org.centralis.shared.domain.InvalidInputException;
import org.centralis.shared.domain.NotFoundException;
import org.centralis.shared.rest.PageDto;
import org.centralis.shared.rest.QueryParams;
import org.centralis.shared.rest.SpreadsheetDownload;
import org.centralis.shared.web.Spreadsheet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Quality scoring (质检): the QA sample, forms, scores, and an agent's own scores. */
@Path("qa")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Quality")
public class QualityResource {

  @Inject private QualityScoring quality;
  @Inject private QaForms forms;

  @GET
  @Path("samples")
  @Operation(summary = "Open QA samples of your branch subtree (supervisors), oldest first")
  public PageDto<QaViews.Sample> samples(@QueryParam("page") String page, @QueryParam("size") String size) {
    QueryParams.PageRequest paging = QueryParams.page(page, size, 20, 200, 1_000_000);
    return PageDto.of(quality.openSamples(paging.offset(), paging.limit()));
  }

  @GET
  @Path("samples/export")
  @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_JSON})
  @Operation(
      summary = "The open QA samples of your branch subtree (supervisors) as a spreadsheet: format=xlsx (default) or csv, lang=zh_CN (default) or en",
      description = "At most 50,000 rows (400 export-too-large). Audited as QA_SAMPLES_EXPORTED.")
  public Response exportSamples(@QueryParam("format") String format, @QueryParam("lang") String lang) {
    Spreadsheet.Format as = Spreadsheet.format(format);
    List<QaViews.Sample> rows = quality.exportOpenSamples();
    return SpreadsheetDownload.of(as, "qa-samples", (f, out) -> QaSampleSheet.write(f, rows, SpreadsheetDownload.locale(lang), out));
  }

  @GET
  @Path("forms")
  @Operation(summary = "Every QA form with its criteria, active ones first (supervisors, administrators)")
  public List<QaForms.FormSummary> forms() {
    return forms.list();
  }

  @POST
  @Path("forms")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create a QA form (ADMIN): {code, name, nameEn, criteria:[{name, nameEn, weight}], replaces?}",
      description = "A used form is never changed: a revision is a new form with replaces = the old id, which goes out of use in the same transaction.")
  @APIResponse(responseCode = "201", description = "the form; Location names it")
  @APIResponse(responseCode = "400", description = "invalid-code, validation, invalid-criteria, invalid-weight (with the field)")
  @APIResponse(responseCode = "409", description = "code-taken")
  public Response createForm(QaForms.FormDocument doc, @Context UriInfo uriInfo) {
    long id = forms.create(doc);
    return Response.created(uriInfo.getAbsolutePathBuilder().path(Long.toString(id)).build()).entity(forms.get(id)).build();
  }

  @PUT
  @Path("forms/{id}/active")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Put a form into use or out of use (ADMIN): {active: true|false}; the last active form stays (409 last-active-form)")
  public Response setActive(@PathParam("id") long id, Map<String, Boolean> body) {
    if (body == null || body.get("active") == null) {
      throw new InvalidInputException("active", "validation", "active is true or false");
    }
    forms.setActive(id, body.get("active"));
    return Response.noContent().build();
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
