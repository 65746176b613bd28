package org.centralis.ticket.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.centralis.ticket.application.DispatchRules;
import org.centralis.ticket.application.RuleDocument;
import org.centralis.ticket.application.TryOutAnswer;
import org.centralis.ticket.application.TryOutFacts;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The dispatch rules (派单规则) for administrators (ADMIN, checked by {@link DispatchRules}): list, create, change, try out. */
@Path("admin/dispatch-rules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class DispatchRulesResource {

  private static final String FIELD_ERRORS = "invalid-value (ticketType, customerTier, language), rule-name-required, unknown-category,"
      + " category-of-other-type, unknown-branch, team-required, unknown-team; errors[].field names the field";

  @Inject private DispatchRules rules;

  @GET
  @Operation(
      summary = "Every dispatch rule, inactive ones included, in the order of precedence (ADMIN)",
      description = "Among the active rules that all match a ticket, the first in this list receives it: category rules (deeper category first),"
          + " then type-only rules, then rules with neither; then deeper branch, tier, language; then the lower id.")
  public List<RuleDocument> list() {
    return rules.list();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One dispatch rule with its version (ADMIN)")
  public RuleDocument get(@PathParam("id") long id) {
    return rules.get(id);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Create a dispatch rule (ADMIN); it applies to tickets dispatched after it is saved",
      description = "Body {name, ticketType?, categoryId?, branchId?, customerTier?, language? (zh, en), teamId, active?}; a missing criterion"
          + " matches anything; a category sets the type. Active unless active=false.")
  @APIResponse(responseCode = "201", description = "the new rule; Location names it")
  @APIResponse(responseCode = "400", description = FIELD_ERRORS)
  public Response create(RuleDocument doc, @Context UriInfo uriInfo) {
    long id = rules.create(doc);
    return Response.created(uriInfo.getAbsolutePathBuilder().path(Long.toString(id)).build()).entity(rules.get(id)).build();
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Replace a rule's criteria and team, activate or deactivate it (ADMIN); rules are deactivated, never deleted",
      description = "Body as for POST plus the version read; active omitted keeps it as it is.")
  @APIResponse(responseCode = "400", description = "version-required, " + FIELD_ERRORS)
  @APIResponse(responseCode = "404", description = "no such rule")
  @APIResponse(responseCode = "409", description = "concurrent-change")
  public RuleDocument update(@PathParam("id") long id, RuleDocument doc) {
    rules.update(id, doc);
    return rules.get(id);
  }

  @POST
  @Path("try")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Which active rule and team would receive such a ticket now (ADMIN); nothing is saved",
      description = "Body {type, categoryId, branchId (the owning branch), customerTier?, language?}. Answers {ruleId, ruleName, team};"
          + " all null when no rule matches (such a ticket would end in the dead-letter queue).")
  @APIResponse(responseCode = "400", description = "invalid-value, unknown-category, category-of-other-type, unknown-branch")
  public TryOutAnswer tryOut(TryOutFacts request) {
    return rules.tryOut(request);
  }
}
