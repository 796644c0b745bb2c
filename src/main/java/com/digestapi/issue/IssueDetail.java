package com.digestapi.issue;

import com.digestapi.article.ArticleView;
import com.digestapi.article.IssueLineup;
import com.digestapi.caching.RepresentedResources;
import com.digestapi.changelog.ResourceKind;
import com.digestapi.persistence.Slugs;
import com.digestapi.web.PortableValues;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An issue with its articles in position order: GET /issues/{id}. */
@Schema(name = "IssueDetail")
public record IssueDetail(
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
        @Schema(required = true) Instant updatedAt,
        @Schema(description = "In position order.", required = true, maxItems = IssueLineup.MAX_ARTICLES)
        List<ArticleView> articles) implements RepresentedResources {

    /** The issue, and what each of its articles shows. */
    @Override
    public Set<String> representedResources() {
        Set<String> shown = new HashSet<>();
        shown.add(ResourceKind.ISSUE.key(id));
        articles.forEach(article -> shown.addAll(article.representedResources()));
        return shown;
    }

    static IssueDetail of(Issue issue, List<ArticleView> articles) {
        return new IssueDetail(issue.id, issue.slug, issue.title, issue.publishedOn, issue.intro, issue.status, issue.publishAt,
                articles.size(), issue.createdAt, issue.updatedAt, articles);
    }

    IssueInput toInput() {
        return new IssueInput(slug, title, publishedOn, intro, status, publishAt);
    }
}
