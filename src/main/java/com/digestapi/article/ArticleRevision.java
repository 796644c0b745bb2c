package com.digestapi.article;

import com.digestapi.revision.Revisions;
import com.digestapi.web.PortableValues;
import com.fasterxml.jackson.annotation.JsonRawValue;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One change of an article: GET /articles/{id}/revisions and /articles/{id}/revisions/{number}. */
@Schema(name = "ArticleRevision", description = "One change of an article, with the article as it was just before it.")
public record ArticleRevision(
        @Schema(description = "1, 2, 3, … in the order of the article's changes; never reused.", examples = "3",
                required = true, minimum = "1") long number,
        @Schema(description = "The account that made the change (for an API token, its owner); null for what the"
                + " service wrote itself (the demo digest at first start).", examples = "editor", nullable = true,
                maxLength = Revisions.EDITOR_LENGTH, pattern = PortableValues.NOT_BLANK) String editor,
        @Schema(description = "When the change was committed.", required = true) Instant at,
        @Schema(description = "created, updated, deleted, or restored (restoredFrom names the revision brought back).",
                required = true, enumeration = {"created", "updated", "deleted", "restored"}) String action,
        @Schema(description = "The top-level fields whose value the change altered, in the article's field order"
                + " (updatedAt, which every change moves, is never listed). For a creation, every field that got a"
                + " value; for a deletion, every field that had one.", examples = "[\"headline\"]", required = true,
                maxItems = Revisions.MAX_CHANGED)
        List<@Pattern(regexp = Revisions.FIELD_PATTERN) @Size(max = Revisions.FIELD_LENGTH) String> changed,
        @Schema(description = "For a restore: the number of the revision whose data it brought back.", nullable = true,
                minimum = "1") Long restoredFrom,
        @Schema(description = "The article exactly as an editor's GET showed it just before this change; null when it"
                + " did not exist then (its creation, or the restore of a deleted article).", nullable = true,
                implementation = ArticleView.class)
        @JsonRawValue String data) {

    static ArticleRevision of(Revisions.Stored stored) {
        return new ArticleRevision(stored.number(), stored.editor(), stored.at(), stored.action(), stored.changed(),
                stored.restoredFrom(), stored.data());
    }
}
