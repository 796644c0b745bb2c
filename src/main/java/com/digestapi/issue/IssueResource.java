package com.digestapi.issue;

import com.digestapi.activity.Audited;
import com.digestapi.article.ArticleCommands;
import com.digestapi.article.ArticleInput;
import com.digestapi.article.ArticleListParams;
import com.digestapi.article.ArticleQueries;
import com.digestapi.article.ArticleResource;
import com.digestapi.article.ArticleView;
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
import jakarta.ws.rs.core.MediaType;
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

/** HTTP face of issues: /api/v1/issues, their articles, import and export. */
@Path(ApiPaths.V1 + "/issues")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Issues", description = "Editions of the digest, each an ordered list of articles.")
public class IssueResource {

    static final String CREATE_EXAMPLE = """
            {"title": "Foreign media digest", "publishedOn": "2024-10-12", "intro": "This week..."}""";
    static final String PATCH_EXAMPLE = """
            {"status": "PUBLISHED"}""";
    static final String SCHEDULE_EXAMPLE = """
            {"status": "SCHEDULED", "publishAt": "2024-10-12T06:00:00+05:00"}""";
    static final String IMPORT_EXAMPLE = """
            {
              "slug": "foreign-media-digest-2024-10-12",
              "title": "Foreign media digest",
              "publishedOn": "2024-10-12",
              "status": "DRAFT",
              "intro": "This week: the referendum result.",
              "articles": [
                {
                  "headline": "Kazakhstan votes for nuclear power",
                  "outlet": "Nikkei Asia",
                  "publishedOn": "2024-10-07",
                  "author": null,
                  "originalUrl": null,
                  "summary": "Voters backed building the country's first nuclear power plant.",
                  "quotes": [],
                  "topics": ["nuclear-energy", "Energy"]
                }
              ]
            }""";

    private final IssueService issues;
    private final MergePatch mergePatch;
    private final ArticleCommands articles;
    private final IssueDocuments documents;

    IssueResource(IssueService issues, ArticleCommands articles, IssueDocuments documents, MergePatch mergePatch) {
        this.mergePatch = mergePatch;
        this.issues = issues;
        this.articles = articles;
        this.documents = documents;
    }

    @GET
    @Operation(operationId = "listIssues", summary = "List issues", description = "Filter by `q` (title and intro), `status`, `from`/`to` (publishedOn),"
            + " `updatedSince`; sort by id, slug, title, publishedOn, createdAt, updatedAt (default `-publishedOn`).")
    @APIResponse(responseCode = "200", description = "One page of issues, each with its article count.")
    public RestResponse<Page<IssueView>> list(@BeanParam IssueListParams params, UriInfo uriInfo) {
        IssueListParams.Parsed query = params.parse();
        return PagedResponses.ok(issues.list(query.filter(), query.page()), uriInfo);
    }

    @GET
    @Path("{id: [0-9]+}")
    @Operation(operationId = "getIssue", summary = "Get an issue with its articles", description = "Articles come in position order.")
    @APIResponse(responseCode = "200", description = "The issue and its articles.")
    @APIResponse(responseCode = "404", description = "No issue has this id.")
    public IssueDetail get(@PathParam("id") String id) {
        return issues.get(Ids.parse(id, "issue"));
    }

    @GET
    @Path(BySlug.PATH)
    @Operation(operationId = "getIssueBySlug", summary = "Get an issue by its slug",
            description = "The same answer as GET /issues/{id} (body, ETag, caching) for the issue's current slug. A slug"
                    + " the issue carried before a rename answers 301 Moved Permanently, with Location naming its"
                    + " current slug, so links made before a rename keep working. Readers see published issues"
                    + " only, under any of their slugs: a draft's slug, old or current, is a 404, never a redirect.")
    @APIResponse(responseCode = "200", description = "The issue.",
            content = @Content(schema = @Schema(implementation = IssueDetail.class)))
    @APIResponse(responseCode = "301", description = "The slug is one the issue carried before a rename; Location names"
            + " its current slug.", content = @Content(schema = @Schema(implementation = BySlug.Moved.class)))
    @APIResponse(responseCode = "404", description = "No issue has this slug, now or before a rename.")
    @APIResponse(responseCode = "400", description = "The path holds no slug (lowercase letters, digits and single"
            + " hyphens, at most 120 characters).")
    public RestResponse<Object> bySlug(@PathParam("slug") @Parameter(description = "The issue's slug, current or old.",
            schema = @Schema(implementation = Slugs.class)) String slug, UriInfo uriInfo) {
        return BySlug.answer(uriInfo, IssueResource.class, "issue", slug, issues::bySlug, issues::get);
    }

    @POST
    @RolesAllowed(Viewer.EDITOR)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createIssue", summary = "Create an issue", description = "Created as DRAFT unless `status` says otherwise (SCHEDULED"
            + " with a `publishAt` in the future: published at that instant); the slug is generated from title and"
            + " publishedOn when left out.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "issue", value = CREATE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; Location names the new issue.",
            content = @Content(schema = @Schema(implementation = IssueDetail.class)))
    @APIResponse(responseCode = "409", description = "The slug is already taken.")
    @Audited(action = "issue.create", target = "issue", created = "id")
    public RestResponse<IssueDetail> create(@Valid @NotNull IssueInput input, UriInfo uriInfo) {
        IssueDetail created = issues.create(input);
        return Created.at(uriInfo, IssueResource.class, created.id(), created);
    }

    @PUT
    @RolesAllowed(Viewer.EDITOR)
    @Path("{id: [0-9]+}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "replaceIssue", summary = "Replace an issue's own fields", description = "Fields left out are cleared (status becomes"
            + " DRAFT, publishAt null); a left-out slug keeps the current one. The articles are unchanged.")
    @APIResponse(responseCode = "200", description = "The issue as stored, with its articles.")
    @Audited(action = "issue.update", target = "issue")
    public IssueDetail replace(@PathParam("id") String id, @Valid @NotNull IssueInput input, @HeaderParam("If-Match") String ifMatch) {
        return issues.replace(Ids.parse(id, "issue"), input, Precondition.ifMatch(ifMatch));
    }

    @PATCH
    @RolesAllowed(Viewer.EDITOR)
    @Path("{id: [0-9]+}")
    @Consumes({MergePatch.MEDIA_TYPE, MediaType.APPLICATION_JSON})
    @Operation(operationId = "patchIssue", summary = "Change some fields of an issue", description = "JSON Merge Patch (RFC 7396);"
            + " `{\"status\": \"PUBLISHED\"}` publishes a draft; `{\"status\": \"SCHEDULED\", \"publishAt\":"
            + " \"2024-10-12T06:00:00+05:00\"}` schedules it, `{\"publishAt\": ...}` reschedules a scheduled issue and"
            + " `{\"status\": \"DRAFT\"}` cancels its schedule (a patch that moves an issue out of SCHEDULED clears"
            + " publishAt). Send `If-Match` to be sure of what you change.")
    @RequestBody(content = @Content(mediaType = MergePatch.MEDIA_TYPE, schema = @Schema(type = SchemaType.OBJECT,
            description = "Any subset of the fields of IssueInput; null clears a field."),
            examples = {@ExampleObject(name = "publish", value = PATCH_EXAMPLE),
                    @ExampleObject(name = "schedule", value = SCHEDULE_EXAMPLE)}))
    @APIResponse(responseCode = "200", description = "The issue as stored, with its articles.")
    @Audited(action = "issue.update", target = "issue")
    public IssueDetail patch(@PathParam("id") String id, JsonNode patch, @HeaderParam("If-Match") String ifMatch) {
        return issues.patch(Ids.parse(id, "issue"), mergePatch.of(patch, IssueInput.class), Precondition.ifMatch(ifMatch));
    }

    @DELETE
    @RolesAllowed(Viewer.EDITOR)
    @Path("{id: [0-9]+}")
    @Operation(operationId = "deleteIssue", summary = "Delete an issue and its articles",
            description = "The articles go with it, and leave the search index and the feeds.")
    @APIResponse(responseCode = "204", description = "Deleted.")
    @Audited(action = "issue.delete", target = "issue")
    public void delete(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch) {
        issues.delete(Ids.parse(id, "issue"), Precondition.ifMatch(ifMatch));
    }

    @GET
    @Path("{id: [0-9]+}/articles")
    @Operation(operationId = "listIssueArticles", summary = "List an issue's articles", description = "Same filters, sort fields and paging as"
            + " GET /articles; sorted by `position` unless `sort` says otherwise.")
    @APIResponse(responseCode = "200", description = "One page of the issue's articles.")
    @APIResponse(responseCode = "404", description = "No issue has this id.")
    public RestResponse<Page<ArticleView>> articles(@PathParam("id") String id, @BeanParam ArticleListParams params,
                                                    UriInfo uriInfo) {
        long issueId = Ids.parse(id, "issue");
        ArticleListParams.Parsed query = params.parse(String.valueOf(issueId), ArticleQueries.SORT_IN_ISSUE);
        return PagedResponses.ok(issues.articlesOf(issueId, query.filter(), query.page()), uriInfo);
    }

    @POST
    @RolesAllowed(Viewer.EDITOR)
    @Path("{id: [0-9]+}/articles")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "addIssueArticle", summary = "Add an article to an issue", description = "Appended at the end unless `position` is given;"
            + " `issueId` may be left out.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "article", value = ArticleResource.CREATE_EXAMPLE)))
    @APIResponse(responseCode = "201", description = "Created; Location names the new article.",
            content = @Content(schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "404", description = "No issue has this id.")
    @Audited(action = "article.create", target = "article", created = "id")
    public RestResponse<ArticleView> addArticle(@PathParam("id") String id, @Valid @NotNull ArticleInput input,
                                                UriInfo uriInfo) {
        ArticleView created = articles.createInIssue(Ids.parse(id, "issue"), input);
        return Created.at(uriInfo, ArticleResource.class, created.id(), created);
    }

    @POST
    @RolesAllowed(Viewer.EDITOR)
    @Path("import")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "importIssue", summary = "Import an issue document", description = "Idempotent by issue slug: a new slug creates the issue"
            + " (201), a known one replaces its fields and articles with the document's (200). Outlets and topics are"
            + " matched by slug or name, case-insensitively, and created when missing.")
    @RequestBody(content = @Content(examples = @ExampleObject(name = "document", value = IMPORT_EXAMPLE)))
    @APIResponse(responseCode = "200", description = "An issue with this slug existed; it now holds the document's content.",
            content = @Content(schema = @Schema(implementation = IssueDetail.class)))
    @APIResponse(responseCode = "201", description = "The issue was created; Location names it.",
            content = @Content(schema = @Schema(implementation = IssueDetail.class)))
    @Audited(action = "issue.import", target = "issue", created = "issue.id")
    public RestResponse<IssueDetail> importIssue(@Valid @NotNull IssueDocument document, UriInfo uriInfo) {
        IssueDocuments.Imported imported = documents.importIssue(document);
        if (!imported.created()) {
            return RestResponse.ok(imported.issue());
        }
        return Created.at(uriInfo, IssueResource.class, imported.issue().id(), imported.issue());
    }

    @GET
    @Path("{id: [0-9]+}/export")
    @Operation(operationId = "exportIssue", summary = "Export an issue as a document", description = "The shape POST /issues/import takes; outlets and"
            + " topics are named, with their details alongside.")
    @APIResponse(responseCode = "200", description = "The issue document.")
    @APIResponse(responseCode = "404", description = "No issue has this id.")
    public IssueDocument export(@PathParam("id") String id) {
        return documents.export(Ids.parse(id, "issue"));
    }
}
