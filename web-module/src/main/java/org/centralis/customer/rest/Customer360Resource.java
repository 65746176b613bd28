package org.centralis.customer.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.centralis.customer.application.Customer360;
import org.centralis.customer.application.Customer360View;
import org.centralis.shared.rest.QueryParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The customer 360 (客户全景视图). */
@Path("customers/{id}/360")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customers")
public class Customer360Resource {

  @Inject private Customer360 customer360;

  @GET
  @Operation(summary = "Masked profile, accounts, the tickets you may see and the open complaints of one customer (audited)")
  public Customer360View get(@PathParam("id") String id) {
    return customer360.of(QueryParams.longValue("id", id));
  }
}
