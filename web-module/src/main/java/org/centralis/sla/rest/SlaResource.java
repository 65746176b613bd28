package org.centralis.sla.rest;

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
import org.centralis.shared.rest.QueryParams;
import org.centralis.shared.rest.SpreadsheetDownload;
import org.centralis.shared.web.Spreadsheet;
import org.centralis.sla.application.AtRiskClocks;
import org.centralis.sla.application.CalendarDocument;
import org.centralis.sla.application.ChainDocument;
import org.centralis.sla.application.ClockRecompute;
import org.centralis.sla.application.EscalationChains;
import org.centralis.sla.application.PolicyDocument;
import org.centralis.sla.application.SlaPolicies;
import org.centralis.sla.application.WhatIf;
import org.centralis.sla.domain.SlaMetric;
import org.centralis.sla.infrastructure.SlaSweeper;
import org.centralis.sla.web.AtRiskSheet;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** SLA policies (read: supervisors, managers, auditors, admins; change: ADMIN), what-if analyses, an on-demand sweep. */
@Path("sla")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "SLA")
public class SlaResource {

  @Inject private SlaPolicies policies;
  @Inject private SlaSweeper sweeper;
  @Inject private ClockRecompute recompute;
  @Inject private AtRiskClocks atRisk;
  @Inject private EscalationChains chains;

  @GET
  @Path("policies")
  @Operation(summary = "Every SLA policy")
  public List<PolicyDocument> list() {
    return policies.list();
  }

  @GET
  @Path("policies/{id}")
  @Operation(summary = "One SLA policy")
  public PolicyDocument get(@PathParam("id") long id) {
    return policies.get(id);
  }

  @POST
  @Path("policies")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a policy under the next free id (ADMIN); it applies to tickets logged or reclassified from now on")
  public Response create(PolicyDocument doc, @Context UriInfo uriInfo) {
    long id = policies.create(doc);
    return Response.created(uriInfo.getAbsolutePathBuilder().path(Long.toString(id)).build()).entity(policies.get(id)).build();
  }

  @PUT
  @Path("policies/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create or replace a policy (ADMIN); its open clocks are then recomputed in batches of 500, each committed on its own")
  public Map<String, Object> put(@PathParam("id") long id, PolicyDocument doc) {
    policies.put(id, doc);
    int recomputed = recompute.policy(id);
    return Map.of("policy", policies.get(id), "recomputedClocks", recomputed);
  }

  @POST
  @Path("policies/{id}/what-if")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "How the proposed policy would move the open deadlines (ADMIN); nothing is saved")
  public WhatIf whatIf(@PathParam("id") long id, PolicyDocument doc) {
    return policies.whatIf(id, doc);
  }

  @GET
  @Path("chains")
  @Operation(summary = "Every escalation chain with its levels")
  public List<ChainDocument> chains() {
    return chains.list();
  }

  @GET
  @Path("chains/{id}")
  @Operation(summary = "One escalation chain")
  public ChainDocument chain(@PathParam("id") long id) {
    return chains.get(id);
  }

  @PUT
  @Path("chains/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create or replace an escalation chain (ADMIN); the breached clocks on it are then rescheduled on the new delays",
      description = "Body {code, name, levels: [{delaySeconds, notifyRole, notifyAt, reassignTeamId, raisePriority}]}, level 1 first;"
          + " delays in working seconds after the breach, never decreasing. 400 invalid-chain / unknown-team; 409 chain-conflict.")
  public Map<String, Object> putChain(@PathParam("id") long id, ChainDocument doc) {
    chains.put(id, doc == null ? new ChainDocument(null, null, null, null) : doc);
    int recomputed = recompute.chain(id);
    return Map.of("chain", chains.get(id), "recomputedClocks", recomputed);
  }

  @POST
  @Path("calendars/{code}/what-if")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "How the proposed calendar would move the open deadlines on it (ADMIN); nothing is saved")
  public WhatIf calendarWhatIf(@PathParam("code") String code, CalendarDocument doc) {
    return policies.calendarWhatIf(code, doc);
  }

  @GET
  @Path("at-risk")
  @Operation(summary = "Deadlines still counting in the caller's subtree, breached first, then by time left")
  public List<AtRiskClocks.Row> atRisk(@QueryParam("metric") String metric, @QueryParam("breached") String breached, @QueryParam("limit") String limit) {
    return atRisk.list(
        QueryParams.enumValue("metric", metric, SlaMetric.class),
        Boolean.parseBoolean(breached),
        QueryParams.intValue("limit", limit, 100, 1, AtRiskClocks.MAX_ROWS));
  }

  @GET
  @Path("at-risk/export")
  @Produces({"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", MediaType.APPLICATION_JSON})
  @Operation(summary = "The at-risk list (same scope and filters, at most 500 rows) as a spreadsheet: format=xlsx (default) or csv, lang=zh_CN or en; audited as AT_RISK_EXPORTED")
  public Response atRiskExport(@QueryParam("format") String format, @QueryParam("lang") String lang, @QueryParam("metric") String metric,
      @QueryParam("breached") String breached) {
    Spreadsheet.Format as = Spreadsheet.format(format);
    List<AtRiskClocks.Row> rows = atRisk.export(QueryParams.enumValue("metric", metric, SlaMetric.class), Boolean.parseBoolean(breached));
    return SpreadsheetDownload.of(as, "at-risk", (f, out) -> AtRiskSheet.write(f, rows, SpreadsheetDownload.locale(lang), out));
  }

  @POST
  @Path("sweep")
  @Operation(summary = "Run one sweep now, beside the per-second timer (ADMIN); answers the steps it fired")
  public Map<String, Integer> sweep() {
    return Map.of("fired", sweeper.sweepNow());
  }
}
