package com.digestapi.sync;

import com.digestapi.listing.Cursor;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One page of a sync: its items, and the token of the next page or, once the client is caught up, of the next sync. */
@Schema(name = "SyncPage", description = "Exactly one of nextPageToken (more pages follow: ask again with it at once)"
        + " and nextSyncToken (you are caught up: keep it, and ask with it for the next delta whenever you like).")
public record SyncPage(
        @Schema(required = true, description = "Apply in order.", maxItems = SyncParams.MAX_SIZE) List<SyncItem> items,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Send as token for the next page.",
                maxLength = Cursor.MAX_LENGTH, pattern = Cursor.PATTERN)
        String nextPageToken,
        @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(description = "Send as token for the next delta.",
                maxLength = Cursor.MAX_LENGTH, pattern = Cursor.PATTERN)
        String nextSyncToken) {

    static SyncPage more(List<SyncItem> items, SyncToken next) {
        return new SyncPage(items, next.encode(), null);
    }

    static SyncPage caughtUp(List<SyncItem> items, SyncToken next) {
        return new SyncPage(items, null, next.encode());
    }
}
