package com.digestapi.issue;

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

/** HTTP face of issue revisions: /api/v1/issues/{id}/revisions (editors). */
@Path(ApiPaths.V1 + "/issues/{id: [0-9]+}/revisions")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Viewer.EDITOR)
@Tag(name = "Issues")
public class IssueRevisionResource {

    private final IssueRevisions revisions;

    IssueRevisionResource(IssueRevisions revisions) {
        this.revisions = revisions;
    }

    @GET
    @Operation(operationId = "listIssueRevisions", summary = "List an issue's revisions",
            description = "Newest first (sort: number or at, - for descending); paged like every list. Changes of the"
                    + " issue itself (its fields, status, deletion, an import, a restore); its articles' own writes are"
                    + " revisions of the articles. A deleted issue keeps its revisions until the retention removes them"
                    + " (digest.revisions.keep).")
    @APIResponse(responseCode = "200", description = "One page of revisions.")
    @APIResponse(responseCode = "404", description = "No issue has this id, and no revisions of one are kept.")
    public RestResponse<Page<IssueRevision>> list(@PathParam("id") String id, @BeanParam RevisionListParams params,
                                                  UriInfo uriInfo) {
        long issue = Ids.parse(id, "issue");
        return PagedResponses.ok(revisions.list(issue, params.parse()), uriInfo);
    }

    @GET
    @Path("{number: [0-9]+}")
    @Operation(operationId = "getIssueRevision", summary = "Get one revision of an issue",
            description = "The revision of this number: who, when, which fields, and the issue as it was just"
                    + " before the change (its data), as in the list.")
    @APIResponse(responseCode = "200", description = "The revision.")
    @APIResponse(responseCode = "404", description = "The issue has no revision of this number.")
    public IssueRevision get(@PathParam("id") String id, @PathParam("number") String number) {
        return revisions.get(Ids.parse(id, "issue"), Ids.parse(number, "revision"));
    }

    @POST
    @Path("{number: [0-9]+}/restore")
    @Operation(operationId = "restoreIssueRevision", summary = "Restore an issue as it was before a revision",
            description = "For an existing issue: puts back its own fields as they were just before that change (slug,"
                    + " title, publishedOn, intro, status), under If-Match, as a PUT would; its articles stay as they"
                    + " are. A deleted issue (within digest.revisions.restore-deleted-for, 30 days) comes back with its"
                    + " id, those fields, and the articles deleted with it (their ids, positions and content as at the"
                    + " deletion); If-Match cannot match it (412). Readers, feeds, sync and webhooks see it, and its"
                    + " articles, as new when it is published. The restore is itself a new revision (action restored),"
                    + " of the issue and of each article that came back.")
    @APIResponse(responseCode = "200", description = "The issue as restored, with its articles.",
            content = @Content(schema = @Schema(implementation = IssueDetail.class)))
    @APIResponse(responseCode = "404", description = "The issue has no revision of this number, or no revisions at"
            + " all.")
    @APIResponse(responseCode = "409", description = "Nothing was restored: the revision records the issue's creation"
            + " (no earlier state), its slug is now another issue's, or an article to bring back names an outlet or"
            + " topic deleted since (a restore recreates nothing) or has a slug now taken.")
    @APIResponse(responseCode = "410", description = "The issue was deleted longer ago than a restore is offered.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    @Audited(action = "issue.restore", target = "issue")
    public IssueDetail restore(@PathParam("id") String id, @PathParam("number") String number,
                               @HeaderParam("If-Match") String ifMatch) {
        return revisions.restore(Ids.parse(id, "issue"), Ids.parse(number, "revision"), Precondition.ifMatch(ifMatch));
    }
}
