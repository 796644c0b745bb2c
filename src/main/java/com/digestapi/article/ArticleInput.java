package com.digestapi.article;

import com.digestapi.persistence.Slugs;
import com.digestapi.web.PortableValues;
import com.digestapi.web.WebUrl;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of POST and PUT /articles (and POST /issues/{id}/articles), and what a PATCH is merged into. */
@Schema(name = "ArticleInput")
public record ArticleInput(
        @Schema(description = "Generated from the headline when left out.", examples = "kazakhstan-china-rail-crossing", nullable = true)
        @Size(max = Slugs.MAX_LENGTH) @Pattern(regexp = Slugs.PATTERN, message = "must be lowercase letters, digits and single hyphens")
        String slug,
        @Schema(description = "The issue the article belongs to; required on POST /articles, implied by the path on "
                + "POST /issues/{id}/articles. Changing it moves the article to the end of the other issue.", examples = "1",
                nullable = true)
        @Positive Long issueId,
        @Schema(description = "1-based place in the issue; the others shift to make room. Left out: appended at the end "
                + "(create) or kept (update).", examples = "2", nullable = true)
        @Min(1) @Max(100_000) Integer position,
        @Schema(examples = "Kazakhstan-China rail crossing to open in 2027, expanding trade routes", required = true)
        @NotBlank @Size(max = Article.HEADLINE_LENGTH) String headline,
        @Schema(examples = "7", required = true) @NotNull @Positive Long outletId,
        @Schema(description = "When the outlet published the piece.", examples = "2024-09-30", required = true)
        @NotNull LocalDate publishedOn,
        @Schema(examples = "Yerkin Tukumov", nullable = true, pattern = PortableValues.TEXT_PATTERN)
        @Size(max = Article.AUTHOR_LENGTH) String author,
        @Schema(examples = "https://railway.supply/en/", nullable = true, format = "uri", maxLength = WebUrl.MAX_LENGTH)
        @WebUrl String originalUrl,
        @Schema(examples = "A third rail crossing between Kazakhstan and China is due in 2027.", required = true)
        @NotBlank @Size(max = Article.SUMMARY_LENGTH) String summary,
        @Schema(description = "At most 20.", nullable = true) @Size(max = MAX_QUOTES) List<@NotNull @Valid QuoteBody> quotes,
        @Schema(description = "Ids of the article's topics, at most 20.", examples = "[3, 7]", nullable = true)
        @Size(max = MAX_TOPICS) List<@NotNull @Positive Long> topicIds) {

    /** How many quotes and topics one article carries at most. */
    public static final int MAX_QUOTES = 20;
    public static final int MAX_TOPICS = 20;

    public ArticleInput withIssue(Long issue) {
        return new ArticleInput(slug, issue, position, headline, outletId, publishedOn, author, originalUrl, summary, quotes,
                topicIds);
    }
}
