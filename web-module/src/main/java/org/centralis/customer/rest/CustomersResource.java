package org.centralis.customer.rest;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.centralis.customer.application.CustomerDirectory;
import org.centralis.customer.application.CustomerView;
import org.centralis.customer.domain.IdentifierKind;
import org.centralis.shared.domain.InvalidInputException;
import org.centralis.shared.rest.QueryParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Customer lookup; identifiers come back masked, and revealing one is a separate, audited call. */
@Path("customers")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Customers")
public class CustomersResource {

  /** The body of a reveal request: which identifier, and for ACCOUNT_NO which account. */
  public record RevealRequest(String kind, Long accountId) {}

  /** The revealed value. */
  public record Revealed(String kind, String value) {}

  @Inject private CustomerDirectory directory;

  @GET
  @Operation(summary = "Find customers in your branch scope by exactly one of phone, idNumber, accountNo")
  public List<CustomerView> lookup(
      @QueryParam("phone") String phone, @QueryParam("idNumber") String idNumber, @QueryParam("accountNo") String accountNo) {
    int given = (phone == null ? 0 : 1) + (idNumber == null ? 0 : 1) + (accountNo == null ? 0 : 1);
    if (given != 1) {
      throw new InvalidInputException("phone", "one-identifier", "give exactly one of phone, idNumber, accountNo");
    }
    if (phone != null) {
      return directory.lookup(IdentifierKind.PHONE, phone);
    }
    return idNumber != null ? directory.lookup(IdentifierKind.ID_NUMBER, idNumber) : directory.lookup(IdentifierKind.ACCOUNT_NO, accountNo);
  }

  @GET
  @Path("{id}")
  @Operation(summary = "The masked profile of one customer (audited as a view)")
  public CustomerView profile(@PathParam("id") String id) {
    return directory.profile(QueryParams.longValue("id", id));
  }

  @POST
  @Path("{id}/reveal")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Reveal one identifier in plain text (audited)")
  public Revealed reveal(@PathParam("id") String id, RevealRequest request) {
    if (request == null) {
      throw new InvalidInputException("kind", "invalid-parameter", "kind is required");
    }
    IdentifierKind kind = QueryParams.enumValue("kind", request.kind(), IdentifierKind.class);
    if (kind == null) {
      throw new InvalidInputException("kind", "invalid-parameter", "kind is required");
    }
    return new Revealed(kind.name(), directory.reveal(QueryParams.longValue("id", id), kind, request.accountId()));
  }
}
