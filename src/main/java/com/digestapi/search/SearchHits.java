package com.digestapi.search;

import com.digestapi.listing.FacetCount;
import java.util.List;
import java.util.Map;

/**
 * The answer to a search: one window of hits in order, how many match in all (exact, or the count limit when more
 * match), and the facet counts asked for.
 */
public record SearchHits(List<Hit> hits, long total, boolean totalExact, Map<String, List<FacetCount>> facets) {

    /** One matching article, with its headline and summary as HTML fragments that mark the matched words. */
    public record Hit(long id, String headline, String summary) {
    }
}
