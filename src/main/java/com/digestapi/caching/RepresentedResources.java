package com.digestapi.caching;

import java.util.Set;

/**
 * A representation that shows particular resources and nothing else (a topic, an article, an issue with its articles):
 * the read cache keeps it across writes that change none of them. A representation without it (a list, a feed, a
 * search, a sync page) may show any resource and is dropped by every write readers can see.
 */
public interface RepresentedResources {

    /** Every resource whose public state this shows, as "type:id" with the change log's type codes ("topic:4"). */
    Set<String> representedResources();
}
