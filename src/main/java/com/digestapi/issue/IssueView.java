package com.digestapi.issue;

import com.digestapi.persistence.Slugs;
import com.digestapi.web.PortableValues;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An issue in lists: its own fields and how many articles it holds. */
@Schema(name = "Issue")
public record IssueView(
        @Schema(examples = "1", required = true, minimum = "1") long id,
        @Schema(examples = "foreign-media-digest-2024-10-05", required = true, maxLength = Slugs.MAX_LENGTH,
                pattern = Slugs.PATTERN) String slug,
        @Schema(examples = "Foreign media digest", required = true, maxLength = Issue.TITLE_LENGTH,
                pattern = PortableValues.NOT_BLANK) String title,
        @Schema(examples = "2024-10-05", required = true) LocalDate publishedOn,
        @Schema(nullable = true, maxLength = Issue.INTRO_LENGTH) String intro,
        @Schema(required = true) IssueStatus status,
        @Schema(description = "When a SCHEDULED issue will be published; null in any other status.", nullable = true,
                implementation = String.class, format = "date-time", examples = "2024-10-12T01:00:00Z")
        Instant publishAt,
        @Schema(examples = "8", required = true, minimum = "0") long articleCount,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt) {

    static IssueView of(Issue issue, long articleCount) {
        return new IssueView(issue.id, issue.slug, issue.title, issue.publishedOn, issue.intro, issue.status, issue.publishAt, articleCount,
                issue.createdAt, issue.updatedAt);
    }
}
