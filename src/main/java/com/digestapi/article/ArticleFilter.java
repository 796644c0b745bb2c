package com.digestapi.article;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * What an article list is filtered by (absent or empty values do not filter), and which facets of the whole result it
 * counts.
 */
public record ArticleFilter(String q, List<String> topics, List<String> outlets, Long issueId, LocalDate from,
                            LocalDate to, Instant updatedSince, boolean publishedOnly, Set<String> facets) {

    /** Articles of published issues having any of the topics and any of the outlets: what the feeds show. */
    public static ArticleFilter published(List<String> topics, List<String> outlets) {
        return new ArticleFilter(null, topics, outlets, null, null, null, null, true, Set.of());
    }

    /** The same filter with these topic and outlet slugs (the current ones of those given: see FilterSlugs). */
    ArticleFilter withSlugs(FilterSlugs slugs) {
        return new ArticleFilter(q, slugs.topics(), slugs.outlets(), issueId, from, to, updatedSince, publishedOnly,
                facets);
    }

    /** Whether the search index answers: a text search, or facet counts, which the database lists do not give. */
    boolean searches() {
        return q != null || !facets.isEmpty();
    }
}
