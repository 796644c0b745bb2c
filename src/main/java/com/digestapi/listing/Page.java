package com.digestapi.listing;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The envelope of every list response: one page of items and where it sits in the whole result. */
public record Page<T>(
        @Schema(required = true, maxItems = PageRequest.MAX_SIZE) List<T> items,
        @Schema(description = "0-based page number. On a page reached by a cursor: the number of the page, at this size,"
                + " that its first item is on, counted along the walk of next links that led to it.",
                examples = "0", required = true, minimum = "0") int page,
        @Schema(description = "Requested page size (1..100).", examples = "20", required = true, minimum = "1",
                maximum = "" + PageRequest.MAX_SIZE) int size,
        @Schema(description = "Items matching the filters, on all pages; when totalExact is false, a lower bound: the"
                + " count stopped there (digest.list.count-limit, 10,000 by default).",
                examples = "8", required = true, minimum = "0") long totalItems,
        @Schema(description = "Pages at this size; a lower bound when totalExact is false.",
                examples = "1", required = true, minimum = "0") long totalPages,
        @Schema(description = "Whether totalItems is the exact number of matches. False when more items match than the"
                + " service counts: totalItems and totalPages are then lower bounds, and X-Total-Count and the last link"
                + " are left out.", examples = "true", required = true) boolean totalExact,
        @Schema(description = "The cursor of the next page (the value of the cursor parameter of the next link), or null"
                + " on the last page. Opaque: send it back as it is, with the same filters and sort.", nullable = true,
                examples = "eyJsIjoiLi4uIn0.QUJDREVGR0hJ", required = true, maxLength = Cursor.MAX_LENGTH,
                pattern = Cursor.PATTERN) String nextCursor,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        @Schema(description = "Only when the request asked for facets (articles: facets=topic,outlet,year): for each,"
                + " the values found in the whole result with how many items have each, most frequent first (at most"
                + " 100 each).", nullable = true)
        Facets facets) {

    public static <T> Page<T> of(List<T> items, PageRequest request, long totalItems, boolean totalExact,
                                 String nextCursor) {
        long pages = (totalItems + request.size() - 1) / request.size();
        return new Page<>(items, request.page(), request.size(), totalItems, pages, totalExact, nextCursor, null);
    }

    /** The same page with the facet counts of the whole result. */
    public Page<T> withFacets(Map<String, List<FacetCount>> counts) {
        return new Page<>(items, page, size, totalItems, totalPages, totalExact, nextCursor, Facets.of(counts));
    }

    public <R> Page<R> map(Function<? super T, R> mapper) {
        return withItems(items.stream().<R>map(mapper).toList());
    }

    /** The same place in the result with other items, e.g. the views of a page of ids. */
    public <R> Page<R> withItems(List<R> newItems) {
        return new Page<>(newItems, page, size, totalItems, totalPages, totalExact, nextCursor, facets);
    }
}
