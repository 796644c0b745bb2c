package com.digestapi.activity;

import com.digestapi.listing.Page;
import com.digestapi.listing.PagedResponses;
import com.digestapi.security.Viewer;
import com.digestapi.web.ApiPaths;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

/** HTTP face of the activity log: /api/v1/activity, read-only, editors only. */
@Path(ApiPaths.V1 + "/activity")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Viewer.EDITOR)
@Tag(name = "Activity", description = "Who changed what and when: every write through the API, and the scheduler's"
        + " publications. Editors only; records cannot be changed or deleted.")
public class ActivityResource {

    private final ActivityLog log;

    ActivityResource(ActivityLog log) {
        this.log = log;
    }

    @GET
    @Operation(operationId = "listActivity", summary = "List the activity log", description = "Newest first. Every"
            + " write (content, imports, accounts, tokens, webhooks) is one record: a success is recorded by the"
            + " write's own transaction, so a write that rolled back has none; a failure of an authenticated write"
            + " (4xx other than 429, 5xx) is recorded with its status and problem type. Filter by `actor`,"
            + " `targetType`, `action` and `from`/`to` (instants, inclusive); sort by at (default `-at`).")
    @APIResponse(responseCode = "200", description = "One page of the log.")
    public RestResponse<Page<ActivityView>> list(@BeanParam ActivityListParams params, UriInfo uriInfo) {
        ActivityListParams.Parsed query = params.parse();
        return PagedResponses.ok(log.list(query.filter(), query.page()), uriInfo);
    }
}
