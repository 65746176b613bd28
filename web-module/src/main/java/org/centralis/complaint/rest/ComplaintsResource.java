package org.centralis.complaint.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.centralis.complaint.application.ComplaintView;
import org.centralis.complaint.application.Complaints;
import org.centralis.complaint.application.ResolutionRequest;
import org.centralis.complaint.application.TaxonomyRef;
import org.centralis.complaint.domain.TaxonomyKind;
import org.centralis.complaint.web.ComplaintSheet;
import org.centralis.shared.domain.InvalidInputException;
import org.centralis.shared.rest.PageDto;
import org.centralis.shared.rest.QueryParams;
import org.centralis.shared.rest.SpreadsheetDownload;
import org.centralis.shared.web.Spreadsheet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The complaint register (投诉登记簿), one complaint, its resolution (root cause, corrective action) and the taxonomies. */
@Path("complaints")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Complaints")
public class ComplaintsResource {

  @Inject private Complaints complaints;

  @GET
  @Operation(summary = "Complaints of your branch subtree, newest first: filter by branch, taxonomy (node and children), severity, overdue (vs the regulator deadline)")
  @APIResponse(responseCode = "400", description = "a filter is malformed, or the branch is outside your scope")
  public PageDto<ComplaintView> register(@BeanParam ComplaintRegisterParams register, @QueryParam("page") String page, @QueryParam("size") String size) {
    QueryParams.PageRequest paging = QueryParams.page(page, size, 20, 200, 1_000_000);
    return PageDto.of(complaints.register(register.filter(), paging.offset(), paging.limit()));
  }

  @GET
  @Path("export")
  @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_JSON})
  @Operation(
      summary = "The register (same filters and scope as GET /complaints) as a spreadsheet: format=xlsx (default) or csv, lang=zh_CN (default) or en",
      description = "At most 50,000 rows (400 export-too-large). Audited as COMPLAINTS_EXPORTED.")
  public Response export(@QueryParam("format") String format, @QueryParam("lang") String lang, @BeanParam ComplaintRegisterParams register) {
    Spreadsheet.Format as = Spreadsheet.format(format);
    List<ComplaintView> rows = complaints.export(register.filter());
    return SpreadsheetDownload.of(as, "complaints", (f, out) -> ComplaintSheet.write(f, rows, SpreadsheetDownload.locale(lang), out));
  }

  @GET
  @Path("taxonomy")
  @Operation(summary = "The complaint taxonomy (kind=COMPLAINT, default) or the root-cause taxonomy (kind=ROOT_CAUSE)")
  public List<TaxonomyRef> taxonomy(@QueryParam("kind") String kind) {
    TaxonomyKind k = QueryParams.enumValue("kind", kind, TaxonomyKind.class);
    return complaints.taxonomy(k == null ? TaxonomyKind.COMPLAINT : k);
  }

  @GET
  @Path("{number}")
  @Operation(summary = "The complaint of a ticket; 404 if the ticket is not visible or not a complaint")
  public ComplaintView get(@PathParam("number") String number) {
    return complaints.find(number);
  }

  @PUT
  @Path("{number}/resolution")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Record root cause and corrective action (both required before the ticket may be resolved)",
      description = "Body {rootCauseId, correctiveAction}; rootCauseId is a node of the ROOT_CAUSE taxonomy.")
  @APIResponse(responseCode = "400", description = "missing or unknown root cause, missing corrective action, complaint closed")
  @APIResponse(responseCode = "404", description = "no such complaint visible to you")
  public ComplaintView resolution(@PathParam("number") String number, ResolutionRequest request) {
    if (request == null) {
      throw new InvalidInputException("rootCauseId", "root-cause-required", "a body {rootCauseId, correctiveAction} is required");
    }
    return complaints.recordResolution(number, request);
  }
}
