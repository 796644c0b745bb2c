package com.digestapi.article;

import com.digestapi.caching.RepresentedResources;
import com.digestapi.changelog.ResourceKind;
import com.digestapi.outlet.Outlet;
import com.digestapi.persistence.NamedEntity;
import com.digestapi.persistence.Slugs;
import com.digestapi.topic.Topic;
import com.digestapi.web.PortableValues;
import com.digestapi.web.WebUrl;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An article as readers see it, with its outlet and topics embedded. */
@Schema(name = "Article")
public record ArticleView(
        @Schema(examples = "7", required = true, minimum = "1") long id,
        @Schema(examples = "kazakhstan-china-rail-crossing-to-open-in-2027-expanding-trade-routes", required = true,
                maxLength = Slugs.MAX_LENGTH, pattern = Slugs.PATTERN) String slug,
        @Schema(examples = "1", required = true, minimum = "1") long issueId,
        @Schema(description = "1-based place in the issue.", examples = "7", required = true, minimum = "1") int position,
        @Schema(examples = "Kazakhstan-China rail crossing to open in 2027, expanding trade routes", required = true,
                maxLength = Article.HEADLINE_LENGTH, pattern = PortableValues.NOT_BLANK) String headline,
        @Schema(required = true) Ref outlet,
        @Schema(examples = "2024-09-30", required = true) LocalDate publishedOn,
        @Schema(nullable = true, maxLength = Article.AUTHOR_LENGTH) String author,
        @Schema(nullable = true, format = "uri", maxLength = WebUrl.MAX_LENGTH) String originalUrl,
        @Schema(required = true, maxLength = Article.SUMMARY_LENGTH, pattern = PortableValues.NOT_BLANK) String summary,
        @Schema(required = true, maxItems = ArticleInput.MAX_QUOTES) List<QuoteBody> quotes,
        @Schema(description = "Sorted by name.", required = true, maxItems = ArticleInput.MAX_TOPICS) List<Ref> topics,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Only in search results (q): the headline and summary as HTML fragments, escaped, with"
                + " <mark>…</mark> around the words that matched.", nullable = true)
        Highlights highlights) implements RepresentedResources {

    /**
     * The article, and the outlet and topics whose names it shows. Not its issue: an issue's change that readers of the
     * article see (its status, its deletion, a move of positions) names the articles in the change log too.
     */
    @Override
    public Set<String> representedResources() {
        Set<String> shown = new HashSet<>();
        shown.add(ResourceKind.ARTICLE.key(id));
        shown.add(ResourceKind.OUTLET.key(outlet.id()));
        topics.forEach(topic -> shown.add(ResourceKind.TOPIC.key(topic.id())));
        return shown;
    }

    /** Where a search matched: the headline whole, the summary's best sentences; HTML-escaped but for the marks. */
    @Schema(name = "Highlights")
    public record Highlights(
            @Schema(examples = "Kazakhstan votes on <mark>nuclear</mark> power plant", required = true,
                    maxLength = HEADLINE_LENGTH, pattern = PortableValues.NOT_BLANK) String headline,
            @Schema(examples = "Voters backed the first <mark>nuclear</mark> plant in a <mark>referendum</mark>.",
                    required = true, maxLength = SUMMARY_LENGTH, pattern = PortableValues.NOT_BLANK) String summary) {

        /**
         * How long a character of the text may grow: HTML-escaped into at most 6 (&#x27;), or a one-character word
         * (a CJK ideograph) wrapped in &lt;mark&gt;&lt;/mark&gt; (13 more).
         */
        private static final int GROWTH = 14;
        public static final int HEADLINE_LENGTH = GROWTH * Article.HEADLINE_LENGTH;
        /** The summary's two best sentences, joined by " … ". */
        public static final int SUMMARY_LENGTH = GROWTH * Article.SUMMARY_LENGTH + 3;
    }

    /** The same article as a search found it. */
    ArticleView withHighlights(Highlights found) {
        return new ArticleView(id, slug, issueId, position, headline, outlet, publishedOn, author, originalUrl, summary,
                quotes, topics, createdAt, updatedAt, found);
    }

    /** An outlet or topic embedded in an article. */
    @Schema(name = "Ref", description = "An embedded outlet or topic.")
    public record Ref(@Schema(required = true, minimum = "1") long id,
                      @Schema(required = true, maxLength = Slugs.MAX_LENGTH, pattern = Slugs.PATTERN) String slug,
                      @Schema(required = true, maxLength = NamedEntity.NAME_LENGTH, pattern = PortableValues.NOT_BLANK)
                      String name) {
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
