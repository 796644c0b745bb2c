package com.digestapi.search;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * One search: the web-search text (null for all articles), the list filters, the order (empty: best match first), the
 * window of hits, how many matches to count at most, and the facets to count.
 */
public record SearchQuery(String text, List<String> topics, List<String> outlets, Long issueId, LocalDate from,
                          LocalDate to, Instant updatedSince, boolean publishedOnly, List<SortKey> sort, int offset,
                          int size, int countLimit, Set<String> facets) {

    /** The facets a search can count. */
    public static final Set<String> FACETS = Set.of("topic", "outlet", "year");

    /**
     * One sort key: relevance (best match first, whatever the direction), or id, slug, headline, publishedOn,
     * position, createdAt or updatedAt, as the article list names them.
     */
    public record SortKey(String field, boolean descending) {
    }
}
