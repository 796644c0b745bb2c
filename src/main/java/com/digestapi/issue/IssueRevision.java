package com.digestapi.issue;

import com.digestapi.revision.Revisions;
import com.digestapi.web.PortableValues;
import com.fasterxml.jackson.annotation.JsonRawValue;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One change of an issue: GET /issues/{id}/revisions and /issues/{id}/revisions/{number}. */
@Schema(name = "IssueRevision", description = "One change of an issue, with the issue (and its articles) as it was just"
        + " before it.")
public record IssueRevision(
        @Schema(description = "1, 2, 3, … in the order of the issue's changes; never reused.", examples = "3",
                required = true, minimum = "1") long number,
        @Schema(description = "The account that made the change (for an API token, its owner); null for what the"
                + " service wrote itself (the demo digest at first start).", examples = "editor", nullable = true,
                maxLength = Revisions.EDITOR_LENGTH, pattern = PortableValues.NOT_BLANK) String editor,
        @Schema(description = "When the change was committed.", required = true) Instant at,
        @Schema(description = "created, updated, deleted, or restored (restoredFrom names the revision brought back).",
                required = true, enumeration = {"created", "updated", "deleted", "restored"}) String action,
        @Schema(description = "The top-level fields whose value the change altered, in the issue's field order"
                + " (updatedAt, which every change moves, counts nowhere, not in its articles either). For a creation,"
                + " every field that got a value; for a deletion, every field that had one. Writes of the issue's"
                + " articles are revisions of the articles, not of the issue.", examples = "[\"status\"]",
                required = true,
                maxItems = Revisions.MAX_CHANGED)
        List<@Pattern(regexp = Revisions.FIELD_PATTERN) @Size(max = Revisions.FIELD_LENGTH) String> changed,
        @Schema(description = "For a restore: the number of the revision whose data it brought back.", nullable = true,
                minimum = "1") Long restoredFrom,
        @Schema(description = "The issue exactly as an editor's GET showed it just before this change, its articles"
                + " included; null when it did not exist then (its creation, or the restore of a deleted issue).",
                nullable = true, implementation = IssueDetail.class)
        @JsonRawValue String data) {

    static IssueRevision of(Revisions.Stored stored) {
        return new IssueRevision(stored.number(), stored.editor(), stored.at(), stored.action(), stored.changed(),
                stored.restoredFrom(), stored.data());
    }
}
