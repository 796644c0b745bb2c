package com.digestapi.sync;

import com.digestapi.problem.Problem;
import com.digestapi.web.ApiPaths;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** HTTP face of partner sync: /api/v1/sync. */
@Path(ApiPaths.V1 + "/sync")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Sync", description = "Keep a copy of the public content: an initial sync, then deltas with upserts and"
        + " tombstones, from an opaque token.")
public class SyncResource {

    private final SyncService sync;

    SyncResource(SyncService sync) {
        this.sync = sync;
    }

    @GET
    @Operation(operationId = "sync", summary = "Sync the public content",
            description = "Without `token`: an initial sync, every public resource by type (article, issue, outlet,"
                    + " topic), then id, as upserts. Follow `nextPageToken` until a page carries `nextSyncToken`"
                    + " instead; keep that token, and later send it to get everything that changed since, in commit"
                    + " order: upserts (the resource as readers see it now) and tombstones (deleted, unpublished, or"
                    + " withdrawn from its published issue). Apply items in order. Drafts never appear. Tokens stay"
                    + " valid across restarts and instances, until a change they have yet to deliver is older than the"
                    + " retention (90 days): then 410, and you start again without a token.")
    @APIResponse(responseCode = "200", description = "One page of items.")
    @APIResponse(responseCode = "400", description = "A malformed or changed token, an unknown value in types (or"
            + " types other than the token's), or a size out of range; errors[] names each parameter.")
    @APIResponse(responseCode = "410", description = "The token is older than the change history kept, or belongs to"
            + " another database: start a new initial sync.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(ref = "Problem")))
    public SyncPage sync(@BeanParam SyncParams params) {
        SyncParams.Parsed request = params.parse();
        return sync.page(request.types(), request.token(), request.size());
    }
}
