package com.digestapi.issue;

import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An issue in lists: its own fields and how many articles it holds. */
@Schema(name = "Issue")
public record IssueView(
        @Schema(examples = "1", required = true) long id,
        @Schema(examples = "foreign-media-digest-2024-10-05", required = true) String slug,
        @Schema(examples = "Foreign media digest", required = true) String title,
        @Schema(examples = "2024-10-05", required = true) LocalDate publishedOn,
        @Schema(nullable = true) String intro,
        @Schema(required = true) IssueStatus status,
        @Schema(examples = "8", required = true) long articleCount,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt) {

    static IssueView of(Issue issue, long articleCount) {
        return new IssueView(issue.id, issue.slug, issue.title, issue.publishedOn, issue.intro, issue.status, articleCount,
                issue.createdAt, issue.updatedAt);
    }
}
