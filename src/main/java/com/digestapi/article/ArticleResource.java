package com.digestapi.article;

import com.digestapi.activity.Audited;
import com.digestapi.caching.Precondition;
import com.digestapi.listing.Page;
import com.digestapi.listing.PagedResponses;
import com.digestapi.persistence.Slugs;
import com.digestapi.security.Viewer;
import com.digestapi.web.ApiPaths;
import com.digestapi.web.BySlug;
import com.digestapi.web.Created;
import com.digestapi.web.Ids;
import com.digestapi.web.MergePatch;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** HTTP face of articles: /api/v1/articles. */
@Path(ApiPaths.V1 + "/articles")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Articles", description = "Entries of the digest: summaries of pieces that outside outlets published.")
public class ArticleResource {

    public static final String CREATE_EXAMPLE = """
            {
              "issueId": 1,
              "headline": "Kazakhstan opens a new Caspian port terminal",
              "outletId": 1,
              "publishedOn": "2024-10-04",
              "originalUrl": "https://example.com/port",
              "summary": "A new container terminal at Aktau adds capacity on the Middle Corridor.",
              "quotes": [{"text": "The corridor is open for business.", "attribution": "Port director"}],
              "topicIds": [2]
            }""";
    static final String PATCH_EXAMPLE = """
            {"position": 1}""";

    private final ArticleQueries queries;
    private final ArticleCommands commands;
    private final MergePatch mergePatch;

    ArticleResource(ArticleQueries queries, ArticleCommands commands, MergePatch mergePatch) {
        this.queries = queries;
        this.commands = commands;
        this.mergePatch = mergePatch;
    }

    @GET
    @Operation(operationId = "listArticles", summary = "List and search articles", description = "Filters combine with AND; repeated `topic` or `outlet`"
            + " values combine with OR. `q` searches headline, topic names, outlet name, author, summary and quote texts"
            + " (web-search syntax: words, `\"phrase\"`, `-word`, `OR`; English stemming, accent folding), best match"
            + " first; each hit carries `highlights`. `facets=topic,outlet,year` counts the whole result. Sort by"
            + " relevance (with q), id, slug, headline, publishedOn, position, createdAt, updatedAt (default"
            + " `-publishedOn`, or `relevance` with q). A search pages down to its 10,000th hit.")
    @APIResponse(responseCode = "200", description = "One page of articles.")
    public RestResponse<Page<ArticleView>> list(@BeanParam ArticleListParams params,
                                                @QueryParam("issue") @Parameter(description = "Issue id.",
                                                        schema = @Schema(type = SchemaType.INTEGER, format = "int64", minimum = "1"))
                                                String issue,
                                                UriInfo uriInfo) {
        ArticleListParams.Parsed query = params.parse(issue, ArticleQueries.SORT);
        return PagedResponses.ok(queries.list(query.filter(), query.page()), uriInfo, atomFeedOf(query.filter(), uriInfo));
    }

    /** Feed discovery: the Atom feed of the same topic and outlet filter. */
    private static String atomFeedOf(ArticleFilter filter, UriInfo uriInfo) {
        UriBuilder feed = uriInfo.getBaseUriBuilder().path(ApiPaths.V1 + "/feeds/articles.atom");
        filter.topics().forEach(t -> feed.queryParam("topic", t));
        filter.outlets().forEach(o -> feed.queryParam("outlet", o));
        return "<" + feed.build() + ">; rel=\"alternate\"; type=\"application/atom+xml\"";
    }

    @GET
    @Path("{id: [0-9]+}")
    @Operation(operationId = "getArticle", summary = "Get an article",
            description = "With its outlet, topics and quotes; readers see the articles of published issues only.")
    @APIResponse(responseCode = "200", description = "The article.")
    @APIResponse(responseCode = "404", description = "No article has this id.")
    public ArticleView get(@PathParam("id") String id) {
        return queries.get(Ids.parse(id, "article"));
    }

    @GET
    @Path(BySlug.PATH)
    @Operation(operationId = "getArticleBySlug", summary = "Get an article by its slug",
            description = "The same answer as GET /articles/{id} (body, ETag, caching) for the article's current slug. A slug"
                    + " the article carried before a rename answers 301 Moved Permanently, with Location naming its"
                    + " current slug, so links made before a rename keep working. Readers see the articles of published issues"
                    + " only, under any of their slugs: a draft's slug, old or current, is a 404, never a redirect.")
    @APIResponse(responseCode = "200", description = "The article.",
            content = @Content(schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "301", description = "The slug is one the article carried before a rename; Location names"
            + " its current slug.", content = @Content(schema = @Schema(implementation = BySlug.Moved.class)))
    @APIResponse(responseCode = "404", description = "No article has this slug, now or before a rename.")
    @APIResponse(responseCode = "400", description = "The path holds no slug (lowercase letters, digits and single"
            + " hyphens, at most 120 characters).")
    public RestResponse<Object> bySlug(@PathParam("slug") @Parameter(description = "The article's slug, current or old.",
            schema = @Schema(implementation = Slugs.class)) String slug, UriInfo uriInfo) {
        return BySlug.answer(uriInfo, ArticleResource.class, "article", slug, queries::bySlug, queries::get);
    }

    @POST
    @RolesAllowed(Viewer.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createArticle", summary = "Create an article", description = "`issueId` is required. Appended at the end of the issue unless"
            + " `position` is given; the slug is generated from the headline when left out.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "article", value = CREATE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; Location names the new article.",
            content = @Content(schema = @Schema(implementation = ArticleView.class)))
    @Audited(action = "article.create", target = "article", created = "id")
    public RestResponse<ArticleView> create(@Valid @NotNull ArticleInput input, UriInfo uriInfo) {
        ArticleView created = commands.create(input);
        return Created.at(uriInfo, ArticleResource.class, created.id(), created);
    }

    @PUT
    @RolesAllowed(Viewer.EDITOR)
    @Path("{id: [0-9]+}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceArticle", summary = "Replace an article", description = "Fields left out are cleared; a left-out slug, issueId or"
            + " position keeps the current one. A new `position` moves the article; a new `issueId` moves it to that issue.")
    @APIResponse(responseCode = "200", description = "The article as stored.")
    @Audited(action = "article.update", target = "article")
    public ArticleView replace(@PathParam("id") String id, @Valid @NotNull ArticleInput input, @HeaderParam("If-Match") String ifMatch) {
        return commands.replace(Ids.parse(id, "article"), input, Precondition.ifMatch(ifMatch));
    }

    @PATCH
    @RolesAllowed(Viewer.EDITOR)
    @Path("{id: [0-9]+}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(operationId = "patchArticle", summary = "Change some fields of an article, or move it",
            description = "JSON Merge Patch (RFC 7396). `{\"position\": 1}` moves the article to the top of its issue; the"
                    + " others shift so positions stay 1..n.")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT,
            description = "Any subset of the fields of ArticleInput; null clears a field."),
            examples = @ExampleObject(name = "move", value = PATCH_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "The article as stored.")
    @Audited(action = "article.update", target = "article")
    public ArticleView patch(@PathParam("id") String id, JsonNode patch, @HeaderParam("If-Match") String ifMatch) {
        return commands.patch(Ids.parse(id, "article"), mergePatch.of(patch, ArticleInput.class), Precondition.ifMatch(ifMatch));
    }

    @DELETE
    @RolesAllowed(Viewer.EDITOR)
    @Path("{id: [0-9]+}")
    @Operation(operationId = "deleteArticle", summary = "Delete an article", description = "The articles after it move up one place.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @Audited(action = "article.delete", target = "article")
    public void delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        commands.delete(Ids.parse(id, "article"), Precondition.ifMatch(ifMatch));
    }
}
