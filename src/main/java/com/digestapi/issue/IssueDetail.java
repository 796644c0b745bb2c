package com.digestapi.issue;

import com.digestapi.article.ArticleView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An issue with its articles in position order: GET /issues/{id}. */
@Schema(name = "IssueDetail")
public record IssueDetail(
        @Schema(examples = "1", required = true) long id,
        @Schema(examples = "foreign-media-digest-2024-10-05", required = true) String slug,
        @Schema(examples = "Foreign media digest", required = true) String title,
        @Schema(examples = "2024-10-05", required = true) LocalDate publishedOn,
        @Schema(nullable = true) String intro,
        @Schema(required = true) IssueStatus status,
        @Schema(examples = "8", required = true) long articleCount,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt,
        @Schema(description = "In position order.", required = true) List<ArticleView> articles) {

    static IssueDetail of(Issue issue, List<ArticleView> articles) {
        return new IssueDetail(issue.id, issue.slug, issue.title, issue.publishedOn, issue.intro, issue.status,
                articles.size(), issue.createdAt, issue.updatedAt, articles);
    }

    IssueInput toInput() {
        return new IssueInput(slug, title, publishedOn, intro, status);
    }
}
