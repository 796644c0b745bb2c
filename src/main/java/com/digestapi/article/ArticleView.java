package com.digestapi.article;

import com.digestapi.outlet.Outlet;
import com.digestapi.topic.Topic;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An article as readers see it, with its outlet and topics embedded. */
@Schema(name = "Article")
public record ArticleView(
        @Schema(examples = "7", required = true) long id,
        @Schema(examples = "kazakhstan-china-rail-crossing-to-open-in-2027-expanding-trade-routes", required = true) String slug,
        @Schema(examples = "1", required = true) long issueId,
        @Schema(description = "1-based place in the issue.", examples = "7", required = true) int position,
        @Schema(examples = "Kazakhstan-China rail crossing to open in 2027, expanding trade routes", required = true) String headline,
        @Schema(required = true) Ref outlet,
        @Schema(examples = "2024-09-30", required = true) LocalDate publishedOn,
        @Schema(nullable = true) String author,
        @Schema(nullable = true) String originalUrl,
        @Schema(required = true) String summary,
        @Schema(required = true) List<QuoteBody> quotes,
        @Schema(description = "Sorted by name.", required = true) List<Ref> topics,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Only in search results (q): the headline and summary as HTML fragments, escaped, with"
                + " <mark>…</mark> around the words that matched.", nullable = true)
        Highlights highlights) {

    /** Where a search matched: the headline whole, the summary's best sentences; HTML-escaped but for the marks. */
    @Schema(name = "Highlights")
    public record Highlights(
            @Schema(examples = "Kazakhstan votes on <mark>nuclear</mark> power plant", required = true) String headline,
            @Schema(examples = "Voters backed the first <mark>nuclear</mark> plant in a <mark>referendum</mark>.",
                    required = true) String summary) {
    }

    /** The same article as a search found it. */
    ArticleView withHighlights(Highlights found) {
        return new ArticleView(id, slug, issueId, position, headline, outlet, publishedOn, author, originalUrl, summary,
                quotes, topics, createdAt, updatedAt, found);
    }

    /** An outlet or topic embedded in an article. */
    @Schema(name = "Ref", description = "An embedded outlet or topic.")
    public record Ref(@Schema(required = true) long id, @Schema(required = true) String slug,
                      @Schema(required = true) String name) {
        static Ref of(Outlet outlet) {
            return new Ref(outlet.id, outlet.slug, outlet.name);
        }

        static Ref of(Topic topic) {
            return new Ref(topic.id, topic.slug, topic.name);
        }
    }

    /** Maps an article whose outlet, issue and topics are already loaded; quotes come separately. */
    static ArticleView of(Article article, List<QuoteBody> quotes) {
        return new ArticleView(article.id, article.slug, article.issueId, article.position, article.headline,
                Ref.of(article.outlet), article.publishedOn, article.author, article.originalUrl, article.summary, quotes,
                article.topics.stream().map(Ref::of).sorted(Comparator.comparing(Ref::name)).toList(),
                article.createdAt, article.updatedAt, null);
    }

    ArticleInput toInput() {
        return new ArticleInput(slug, issueId, position, headline, outlet.id(), publishedOn, author, originalUrl, summary,
                quotes, topics.stream().map(Ref::id).toList());
    }
}
