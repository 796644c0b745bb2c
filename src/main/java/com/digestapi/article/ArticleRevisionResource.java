package com.digestapi.article;

import com.digestapi.activity.Audited;
import com.digestapi.caching.Precondition;
import com.digestapi.listing.Page;
import com.digestapi.listing.PagedResponses;
import com.digestapi.problem.Problem;
import com.digestapi.revision.RevisionListParams;
import com.digestapi.security.Viewer;
import com.digestapi.web.ApiPaths;
import com.digestapi.web.Ids;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** HTTP face of article revisions: /api/v1/articles/{id}/revisions (editors). */
@Path(ApiPaths.V1 + "/articles/{id: [0-9]+}/revisions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Viewer.EDITOR)
@Tag(name = "Articles")
public class ArticleRevisionResource {

    private final ArticleRevisions revisions;

    ArticleRevisionResource(ArticleRevisions revisions) {
        this.revisions = revisions;
    }

    @GET
    @Operation(operationId = "listArticleRevisions", summary = "List an article's revisions",
            description = "Every change of the article (create, PUT, PATCH, a move, delete, an import that changed"
                    + " it, a restore) is a revision: who, when, which fields, and the article as it was just before."
                    + " Newest first (sort: number or at, - for descending); paged like every list. A deleted"
                    + " article keeps its revisions (the last one records the deletion) until the retention removes"
                    + " them (digest.revisions.keep).")
    @APIResponse(responseCode = "200", description = "One page of revisions.")
    @APIResponse(responseCode = "404", description = "No article has this id, and no revisions of one are kept.")
    public RestResponse<Page<ArticleRevision>> list(@PathParam("id") String id, @BeanParam RevisionListParams params,
                                                    UriInfo uriInfo) {
        long article = Ids.parse(id, "article");
        return PagedResponses.ok(revisions.list(article, params.parse()), uriInfo);
    }

    @GET
    @Path("{number: [0-9]+}")
    @Operation(operationId = "getArticleRevision", summary = "Get one revision of an article",
            description = "The revision of this number: who, when, which fields, and the article as it was just"
                    + " before the change (its data), as in the list.")
    @APIResponse(responseCode = "200", description = "The revision.")
    @APIResponse(responseCode = "404", description = "The article has no revision of this number.")
    public ArticleRevision get(@PathParam("id") String id, @PathParam("number") String number) {
        return revisions.get(Ids.parse(id, "article"), Ids.parse(number, "revision"));
    }

    @POST
    @Path("{number: [0-9]+}/restore")
    @Operation(operationId = "restoreArticleRevision", summary = "Restore an article as it was before a revision",
            description = "Puts back the revision's data: the article as it was just before that change (its fields,"
                    + " outlet, topics, quotes, issue and position). For an existing article it is a replace under"
                    + " If-Match: its old position, or the end of the issue when that has fewer places now. A deleted"
                    + " article (within digest.revisions.restore-deleted-for, 30 days) comes back with its id into its"
                    + " issue: at its old position when the issue still has that many places (the articles from there on"
                    + " move down one), else at the end; If-Match cannot match it (412). Readers, feeds, sync and"
                    + " webhooks see it as a new article. The restore is itself a new revision (action restored).")
    @APIResponse(responseCode = "200", description = "The article as restored.",
            content = @Content(schema = @Schema(implementation = ArticleView.class)))
    @APIResponse(responseCode = "404", description = "The article has no revision of this number, or no revisions at"
            + " all.")
    @APIResponse(responseCode = "409", description = "Nothing was restored: the revision records the article's"
            + " creation (no earlier state), or names an issue, outlet or topic deleted since (a restore recreates"
            + " nothing), or its slug is now another article's, or the issue is full.")
    @APIResponse(responseCode = "410", description = "The article was deleted longer ago than a restore is offered.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @Audited(action = "article.restore", target = "article")
    public ArticleView restore(@PathParam("id") String id, @PathParam("number") String number,
                               @HeaderParam("If-Match") String ifMatch) {
        return revisions.restore(Ids.parse(id, "article"), Ids.parse(number, "revision"), Precondition.ifMatch(ifMatch));
    }
}
