package com.digestapi.sync;

import com.digestapi.changelog.ChangeLog;
import com.digestapi.persistence.Slugs;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A resource readers saw and no longer see: remove it. */
@Schema(name = "SyncTombstone", description = "A resource readers no longer see: remove what you hold under the same"
        + " type and id. A tombstone for an id you do not hold needs nothing.")
public record SyncTombstone(
        @Schema(required = true, enumeration = {"article", "issue", "outlet", "topic"}, examples = "article")
        String type,
        @Schema(required = true, enumeration = {"delete"}) String op,
        @Schema(required = true, examples = "7") long id,
        @Schema(required = true, description = "The slug readers knew it by.", maxLength = Slugs.MAX_LENGTH,
                examples = "kazakhstan-votes-for-a-nuclear-power-plant") String slug,
        @Schema(required = true, description = "When it stopped being public.") Instant at,
        @Schema(required = true, enumeration = {"deleted", "unpublished", "withdrawn"}, description = "deleted: it no"
                + " longer exists; unpublished: it (or an article's issue) went back to draft; withdrawn: the article"
                + " left its published issue for a draft one.") String reason) implements SyncItem {

    static SyncTombstone of(ChangeLog.Change change) {
        return new SyncTombstone(change.kind().code(), "delete", change.id(), change.slug(), change.at(),
                change.reason());
    }
}
