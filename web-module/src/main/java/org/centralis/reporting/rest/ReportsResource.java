package org.centralis.reporting.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import org.centralis.reporting.application.ArchiveFilter;
import org.centralis.reporting.application.ReportCatalog;
import org.centralis.reporting.application.ReportFile;
import org.centralis.reporting.application.ReportRuns;
import org.centralis.reporting.application.RunParameters;
import org.centralis.reporting.application.RunView;
import org.centralis.reporting.domain.ReportDefinition;
import org.centralis.reports.ReportFormat;
import org.centralis.shared.domain.InvalidInputException;
import org.centralis.shared.rest.PageDto;
import org.centralis.shared.rest.QueryParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Reports (报表): the catalog, on-demand runs, their status, the archived file and the archive. */
@Path("reports")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Reports")
public class ReportsResource {

  @Inject private ReportCatalog catalog;
  @Inject private ReportRuns runs;
  @Context private UriInfo uriInfo;

  @GET
  @Operation(summary = "The report catalog; available=false marks reports whose data does not exist yet")
  public List<ReportDefinition> catalog() {
    return catalog.all();
  }

  @POST
  @Path("{code}/runs")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Run a report for a period and branch subtree; it fills asynchronously")
  @APIResponse(responseCode = "202", description = "queued; Location names the run, poll it until DONE")
  @APIResponse(responseCode = "400", description = "invalid period, format or branch outside your scope (problem+json)")
  @APIResponse(responseCode = "403", description = "your role may not run reports")
  public Response start(@PathParam("code") String code, RunRequestDto request) {
    if (request == null) {
      throw new InvalidInputException("from", "invalid-period", "a body with from and to is required");
    }
    ReportFormat format = QueryParams.enumValue("format", request.format(), ReportFormat.class);
    RunParameters parameters = new RunParameters(date("from", request.from()), date("to", request.to()), request.branch(), request.locale(), request.queue());
    long id = runs.start(code, parameters, format);
    return Response.accepted(Map.of("id", id, "status", "QUEUED"))
        .location(uriInfo.getBaseUriBuilder().path(ReportsResource.class).path("runs").path(String.valueOf(id)).build())
        .build();
  }

  @GET
  @Path("runs/{id}")
  @Operation(summary = "Status and progress of a run; with its SHA-256 and size once DONE")
  public RunView status(@PathParam("id") String id) {
    return runs.status(QueryParams.id("id", id));
  }

  @GET
  @Path("runs/{id}/file")
  @Produces({"application/pdf", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "text/html", MediaType.APPLICATION_JSON})
  @Operation(summary = "The archived file of a finished run, the same bytes on every read; each download is audited")
  @APIResponse(responseCode = "409", description = "the run is not DONE (problem+json report-not-ready)")
  public Response file(@PathParam("id") String id) {
    ReportFile file = runs.file(QueryParams.id("id", id));
    boolean inline = file.contentType().startsWith("text/html");
    return Response.ok(file.content(), file.contentType())
        .header("Content-Disposition", (inline ? "inline" : "attachment") + "; filename=\"" + file.fileName() + "\"")
        .header("Digest", "sha-256=" + java.util.Base64.getEncoder().encodeToString(java.util.HexFormat.of().parseHex(file.sha256())))
        .header("X-Content-SHA256", file.sha256())
        .header("Cache-Control", "private, no-store")
        .build();
  }

  @GET
  @Path("runs")
  @Operation(summary = "The archive: runs in your branch subtree or requested by you, newest first. from/to: when the run was made;"
      + " periodFrom/periodTo: runs whose period overlaps these days; branch: runs covering that branch's subtree")
  public PageDto<RunView> archive(
      @QueryParam("report") String report,
      @QueryParam("requestedBy") String requestedBy,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("periodFrom") String periodFrom,
      @QueryParam("periodTo") String periodTo,
      @QueryParam("branch") String branch,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    QueryParams.PageRequest paging = QueryParams.page(page, size, 20, 200, 1_000_000);
    ArchiveFilter filter = new ArchiveFilter(
        report, requestedBy, QueryParams.instant("from", from), QueryParams.instant("to", to),
        QueryParams.date("periodFrom", periodFrom), QueryParams.date("periodTo", periodTo), QueryParams.longValue("branch", branch));
    return PageDto.of(runs.archive(filter, paging.offset(), paging.limit()));
  }


  private static LocalDate date(String name, String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException(name, "invalid-period", name + " is required (YYYY-MM-DD)");
    }
    try {
      return LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new InvalidInputException(name, "invalid-period", name + " must be a date YYYY-MM-DD");
    }
  }
}
