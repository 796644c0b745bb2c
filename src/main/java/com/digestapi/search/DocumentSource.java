package com.digestapi.search;

import java.util.Collection;
import java.util.List;

/** Where the index reads articles from: the article feature implements it over the database. */
public interface DocumentSource {

    /** The documents of those of these ids that exist (each read in its own transaction). */
    List<SearchDocument> documents(Collection<Long> ids);

    /** The next ids in ascending order after this one, at most limit of them: to rebuild the index in batches. */
    List<Long> idsAfter(long afterId, int limit);

    /** How many articles there are. */
    long count();
}
