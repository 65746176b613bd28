package org.centralis.returnvisit.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.centralis.returnvisit.application.OutcomeRequest;
import org.centralis.returnvisit.application.ReturnVisitView;
import org.centralis.returnvisit.application.ReturnVisits;
import org.centralis.returnvisit.domain.ReturnVisitStatus;
import org.centralis.returnvisit.web.ReturnVisitSheet;
import org.centralis.shared.domain.InvalidInputException;
import org.centralis.shared.domain.NotFoundException;
import org.centralis.shared.rest.PageDto;
import org.centralis.shared.rest.QueryParams;
import org.centralis.shared.rest.SpreadsheetDownload;
import org.centralis.shared.web.Spreadsheet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Return visits (回访): the agents' queue and recording an outcome. */
@Path("return-visits")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Return visits")
public class ReturnVisitsResource {

  @Inject private ReturnVisits visits;

  @GET
  @Operation(summary = "Return visits of your branch subtree: status OPEN (default, oldest first), COMPLETED, UNREACHABLE or ALL; mine=true for the ones you recorded; ticket=number for one ticket's")
  public PageDto<ReturnVisitView> list(
      @QueryParam("status") String status, @QueryParam("mine") String mine, @QueryParam("ticket") String ticket, @QueryParam("page") String page, @QueryParam("size") String size) {
    QueryParams.PageRequest paging = QueryParams.page(page, size, 20, 200, 1_000_000);
    ReturnVisitStatus s = "ALL".equalsIgnoreCase(status) ? null : status == null || status.isBlank() ? ReturnVisitStatus.OPEN : QueryParams.enumValue("status", status, ReturnVisitStatus.class);
    return PageDto.of(visits.list(s, "true".equalsIgnoreCase(mine), ticket == null || ticket.isBlank() ? null : ticket.strip(), paging.offset(), paging.limit()));
  }

  @GET
  @Path("export")
  @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_JSON})
  @Operation(
      summary = "Return visits of your branch subtree as a spreadsheet: status OPEN, COMPLETED, UNREACHABLE or ALL (default), mine=true; format=xlsx (default) or csv, lang=zh_CN or en",
      description = "At most 50,000 rows (400 export-too-large). Audited as RETURN_VISITS_EXPORTED.")
  public Response export(@QueryParam("format") String format, @QueryParam("lang") String lang, @QueryParam("status") String status, @QueryParam("mine") String mine) {
    Spreadsheet.Format as = Spreadsheet.format(format);
    ReturnVisitStatus s = status == null || status.isBlank() || "ALL".equalsIgnoreCase(status) ? null : QueryParams.enumValue("status", status, ReturnVisitStatus.class);
    List<ReturnVisitView> rows = visits.export(s, "true".equalsIgnoreCase(mine));
    return SpreadsheetDownload.of(as, "return-visits", (f, out) -> ReturnVisitSheet.write(f, rows, SpreadsheetDownload.locale(lang), out));
  }

  @POST
  @Path("{id}/outcome")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Record one call: {reached, csat 1-5 (required when reached), comment}. CSAT <= 2 reopens the ticket and flags it for escalation and QA")
  @APIResponse(responseCode = "400", description = "CSAT missing or out of 1..5")
  @APIResponse(responseCode = "404", description = "no such return visit in your scope")
  @APIResponse(responseCode = "409", description = "the visit is already finished")
  public ReturnVisitView outcome(@PathParam("id") String id, OutcomeRequest request) {
    if (request == null) {
      throw new InvalidInputException("reached", "reached-required", "a body {reached, csat, comment} is required");
    }
    try {
      return visits.recordOutcome(Long.parseLong(id), request);
    } catch (NumberFormatException e) {
      throw new NotFoundException("return-visit", id);
    }
  }
}
