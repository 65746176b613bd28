package org.centralis.knowledge.rest;

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
import org.centralis.knowledge.application.ArticleRequest;
import org.centralis.knowledge.application.ArticleSearch;
import org.centralis.knowledge.application.ArticleSummary;
import org.centralis.knowledge.application.ArticleView;
import org.centralis.knowledge.application.KnowledgeBase;
import org.centralis.knowledge.application.VersionView;
import org.centralis.shared.rest.PageDto;
import org.centralis.shared.rest.QueryParams;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The knowledge base (知识库): search in Chinese or English, read an article and its versions, edit. */
@Path("knowledge/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Knowledge")
public class KnowledgeResource {

  @Inject private KnowledgeBase knowledge;
  @Context private UriInfo uriInfo;

  @GET
  @Operation(
      summary = "Search articles; without q, the newest first",
      description = "q is matched on Chinese character bigrams and English words; category includes its sub-categories;"
          + " lang zh_CN or en; visibility INTERNAL or PUBLIC; status only for editors (readers see PUBLISHED only)."
          + " Each hit has snippetHtml: escaped text with <mark> around the matched terms.")
  @APIResponse(responseCode = "400", description = "a parameter is malformed (problem+json)")
  public PageDto<ArticleSummary> search(
      @QueryParam("q") String q,
      @QueryParam("category") String category,
      @QueryParam("lang") String lang,
      @QueryParam("visibility") String visibility,
      @QueryParam("status") String status,
      @QueryParam("page") String page,
      @QueryParam("size") String size) {
    QueryParams.PageRequest paging = QueryParams.page(page, size, 20, 100, 10_000);
    ArticleSearch search = new ArticleSearch(q, QueryParams.longValue("category", category), lang, visibility, status);
    return PageDto.of(knowledge.search(search, paging.offset(), paging.limit()));
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One article (404 for a draft or archived article unless you edit articles)")
  public ArticleView get(@PathParam("id") String id) {
    return knowledge.find(QueryParams.longValue("id", id));
  }

  @GET
  @Path("{id}/versions")
  @Operation(summary = "Every version of an article with its full text, who saved it and what changed; newest first")
  public List<VersionView> versions(@PathParam("id") String id) {
    return knowledge.versions(QueryParams.longValue("id", id));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create an article (administrators and supervisors); version 1")
  @APIResponse(responseCode = "201", description = "created; Location names the article")
  public Response create(ArticleRequest request) {
    ArticleView created = knowledge.create(request);
    return Response.created(uriInfo.getAbsolutePathBuilder().path(String.valueOf(created.id())).build()).entity(created).build();
  }

  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Save an article (administrators and supervisors): a new version when anything changed")
  @APIResponse(responseCode = "409", description = "baseVersion is not the current version (concurrent-change)")
  public ArticleView update(@PathParam("id") String id, ArticleRequest request) {
    return knowledge.update(QueryParams.longValue("id", id), request);
  }
}
