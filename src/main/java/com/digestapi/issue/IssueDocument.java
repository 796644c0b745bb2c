package com.digestapi.issue;

import com.digestapi.article.Article;
import com.digestapi.article.ArticleInput;
import com.digestapi.article.IssueLineup;
import com.digestapi.article.QuoteBody;
import com.digestapi.outlet.OutletInput;
import com.digestapi.persistence.NamedEntity;
import com.digestapi.persistence.Slugs;
import com.digestapi.topic.TopicInput;
import com.digestapi.web.WebUrl;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A whole issue as one portable document (POST /issues/import, GET /issues/{id}/export): outlets and topics are
 * named by slug or name instead of ids, so it travels between databases.
 */
@Schema(name = "IssueDocument", description = "An issue with its articles; outlets and topics named by slug or name.")
public record IssueDocument(
        @Schema(description = "Identifies the issue: importing a document with the same slug replaces that issue's content."
                + " Generated from title and publishedOn when left out.", examples = "foreign-media-digest-2024-10-05",
                nullable = true)
        @Size(max = Slugs.MAX_LENGTH) @Pattern(regexp = Slugs.PATTERN, message = "must be lowercase letters, digits and single hyphens")
        String slug,
        @Schema(examples = "Foreign media digest", required = true) @NotBlank @Size(max = Issue.TITLE_LENGTH) String title,
        @Schema(examples = "2024-10-05", required = true) @NotNull LocalDate publishedOn,
        @Schema(description = "DRAFT when left out.", examples = "PUBLISHED", nullable = true) IssueStatus status,
        @Schema(description = IssueInput.PUBLISH_AT, nullable = true, implementation = String.class,
                format = "date-time") Instant publishAt,
        @Schema(nullable = true) @Size(max = Issue.INTRO_LENGTH) String intro,
        @Schema(description = "Optional details for outlets the articles name; used only when an outlet is created.",
                nullable = true)
        @Size(max = MAX_DETAILS) List<@NotNull @Valid OutletInput> outlets,
        @Schema(description = "Optional details for topics the articles name; used only when a topic is created.",
                nullable = true)
        @Size(max = MAX_DETAILS) List<@NotNull @Valid TopicInput> topics,
        @Schema(description = "In position order. Together the articles name at most 2000 topics and carry at most"
                + " 2000 quotes (each is a row to insert).", required = true)
        @NotNull @Size(max = MAX_ARTICLES) List<@NotNull @Valid Entry> articles) {

    /** Bounds of one document, so that one import is one transaction of a few thousand inserts at most. */
    public static final int MAX_ARTICLES = IssueLineup.MAX_ARTICLES;
    public static final int MAX_DETAILS = 500;
    public static final int MAX_TOPIC_REFERENCES = 2_000;
    public static final int MAX_QUOTES = 2_000;

    /** One article of the document. */
    @Schema(name = "IssueDocumentArticle")
    public record Entry(
            @Schema(description = "Matches an existing article of the issue on re-import; else the headline does.",
                    nullable = true)
            @Size(max = Slugs.MAX_LENGTH) @Pattern(regexp = Slugs.PATTERN, message = "must be lowercase letters, digits and single hyphens")
            String slug,
            @Schema(required = true) @NotBlank @Size(max = Article.HEADLINE_LENGTH) String headline,
            @Schema(description = "Outlet slug or name (case-insensitive); created when missing.", examples = "Nikkei Asia",
                    required = true)
            @NotBlank @Size(max = NamedEntity.NAME_LENGTH) String outlet,
            @Schema(required = true) @NotNull LocalDate publishedOn,
            @Schema(nullable = true) @Size(max = Article.AUTHOR_LENGTH) String author,
            @Schema(nullable = true, format = "uri", maxLength = WebUrl.MAX_LENGTH) @WebUrl String originalUrl,
            @Schema(required = true) @NotBlank @Size(max = Article.SUMMARY_LENGTH) String summary,
            @Schema(nullable = true) @Size(max = ArticleInput.MAX_QUOTES) List<@NotNull @Valid QuoteBody> quotes,
            @Schema(description = "Topic slugs or names (case-insensitive); created when missing.",
                    examples = "[\"nuclear-energy\", \"Energy\"]", nullable = true)
            @Size(max = ArticleInput.MAX_TOPICS) List<@NotBlank @Size(max = NamedEntity.NAME_LENGTH) String> topics) {
    }
}
