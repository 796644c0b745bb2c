package com.digestapi.article;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What an article list is filtered by (absent or empty values do not filter), and which facets of the whole result it
 * counts. Topics and outlets come as slugs (what the search index filters by) and, once {@link #withSlugs} resolved
 * them, as ids (what the database lists filter by).
 */
public record ArticleFilter(String q, List<String> topics, List<String> outlets, Long issueId, LocalDate from,
                            LocalDate to, Instant updatedSince, boolean publishedOnly, Set<String> facets,
                            List<Long> topicIds, List<Long> outletIds) {

    public ArticleFilter(String q, List<String> topics, List<String> outlets, Long issueId, LocalDate from,
                         LocalDate to, Instant updatedSince, boolean publishedOnly, Set<String> facets) {
        this(q, topics, outlets, issueId, from, to, updatedSince, publishedOnly, facets, List.of(), List.of());
    }

    /** Articles of published issues having any of the topics and any of the outlets: what the feeds show. */
    static ArticleFilter published(FilterSlugs slugs) {
        return new ArticleFilter(null, slugs.topics(), slugs.outlets(), null, null, null, null, true, Set.of(),
                slugs.topicIds(), slugs.outletIds());
    }

    /** The same filter with these topics and outlets (the current slugs of those given, and ids: see FilterSlugs). */
    ArticleFilter withSlugs(FilterSlugs slugs) {
        return new ArticleFilter(q, slugs.topics(), slugs.outlets(), issueId, from, to, updatedSince, publishedOnly,
                facets, slugs.topicIds(), slugs.outletIds());
    }

    /** Whether the search index answers: a text search, or facet counts, which the database lists do not give. */
    boolean searches() {
        return q != null || !facets.isEmpty();
    }
}
