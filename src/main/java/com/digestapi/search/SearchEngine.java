package com.digestapi.search;

/** Answers article searches: the one interface between the article feature and the index behind it. */
public interface SearchEngine {

    /**
     * The hits of a search, once the index holds every write this request must see (this instance's own at once,
     * another instance's within the read cache's staleness bound); a 503 problem while the index is being built.
     */
    SearchHits search(SearchQuery query);
}
