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
import org.centralis.ticket.application.CategoryDocument;
import org.centralis.ticket.application.CategoryTree;
import org.centralis.ticket.application.TicketCategories;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The ticket category trees for administrators (ADMIN, checked by {@link TicketCategories}); categories are deactivated, never deleted. */
@Path("admin/ticket-categories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public class TicketCategoriesResource {

  @Inject private TicketCategories categories;

  @GET
  @Operation(summary = "Every ticket type's category tree, inactive categories included (ADMIN)")
  public List<CategoryTree> trees() {
    return categories.trees();
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One category with its version (ADMIN)")
  public CategoryDocument get(@PathParam("id") long id) {
    return categories.get(id);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Add a category under a parent of its type (ADMIN)",
      description = "Body {type, parentId, code, name, nameEn, active?}; code 2-40 of A-Z 0-9 _ -, unique; active unless active=false.")
  @APIResponse(responseCode = "201", description = "the new category; Location names it")
  @APIResponse(responseCode = "400", description = "invalid-value (type), invalid-category-code, category-code-taken, category-name-required,"
      + " unknown-category / category-of-other-type / category-root-fixed (parentId); errors[].field names the field")
  @APIResponse(responseCode = "409", description = "category-parent-inactive")
  public Response create(CategoryDocument doc, @Context UriInfo uriInfo) {
    long id = categories.create(doc);
    return Response.created(uriInfo.getAbsolutePathBuilder().path(Long.toString(id)).build()).entity(categories.get(id)).build();
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Rename, move, activate or deactivate a category (ADMIN)",
      description = "Body {parentId, name, nameEn, active, version}: the whole editable state, with the version read. type and code are fixed."
          + " Deactivating a category with active children is refused (deactivate them first).")
  @APIResponse(responseCode = "400", description = "version-required, category-immutable, category-name-required, category-cycle, category-of-other-type,"
      + " category-root-fixed, unknown-category")
  @APIResponse(responseCode = "404", description = "no such category")
  @APIResponse(responseCode = "409", description = "concurrent-change (the version is not the current one), category-has-active-children, category-parent-inactive")
  public CategoryDocument update(@PathParam("id") long id, CategoryDocument doc) {
    categories.update(id, doc);
    return categories.get(id);
  }
}
