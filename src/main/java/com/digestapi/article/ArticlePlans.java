package com.digestapi.article;

import com.digestapi.listing.ListQuery;
import com.digestapi.listing.PageRequest;
import java.util.List;
import java.util.Set;

/**
 * The article list and feed queries, and the one place that decides which index each one walks.
 *
 * <p>Public lists and feeds filter on the article's copy of its issue's status ({@code a.issuePublished}, see
 * V3__article_list_keys.sql), so they never join the issue. Two indexes lead with that flag:
 * {@code ix_article_visible_published_on} (lists, newest first) and {@code ix_article_feed} (feeds). The flag is
 * constant under the filter, so leading the ORDER BY with it changes no order; but H2 walks an index in ORDER BY order
 * only when the index starts with the ORDER BY's columns (PostgreSQL would walk them without it). A walk reads rows in
 * order and stops after the page, which is right when most rows match and wrong when few do: then starting from the
 * filter's own index and sorting its matches reads less. Hence the two sets of filters below under which a query walks.
 */
final class ArticlePlans {

    private static final String PUBLIC_ORDER_LEAD = "a.issuePublished";
    /**
     * The filters under which a public list walks the visible index: none, or from/to (bounds of that index). Topic,
     * outlet, issue and updatedSince have indexes of their own to start from (one topic or one outlet in the default
     * order walks its own: see {@link #list}); walking the whole archive's order to find several rare outlets' 20 rows
     * would read far more than sorting their matches.
     */
    private static final Set<String> WALKED_LIST_FILTERS = Set.of("published", "from", "to");
    /** The filters of a public sync (updatedSince) that walks the visible index when its matches are many. */
    private static final Set<String> SYNC_FILTERS = Set.of("published", "from", "to", "updatedSince");
    /**
     * From how many matches a sync walks the visible index rather than sorting its matches, found through
     * ix_article_visible_updated_at (V15). Articles updated since an instant are mostly the newest, so a walk in the
     * default order finds a page of them at once when they are many (at 100,000 articles the page went from 1.7 s, a
     * sort of half the archive, to milliseconds); but a few old articles edited lately lie anywhere along it.
     */
    private static final int WALKED_SYNC_MATCHES = 1_000;
    private static final String UPDATED_SINCE = "a.updatedAt >= :updatedSince";
    /**
     * A feed wants only its newest 50, so walking the feed order also pays for a topic filter: at 100,000 articles a
     * topic feed took 21-78 ms walking against 51-1,004 ms sorting the topic's 1,600-15,000 matches (H2). A rare
     * outlet's 330 articles are still cheaper to sort.
     */
    private static final Set<String> WALKED_FEED_FILTERS = Set.of("published", "topics");
    /**
     * The count of the unfiltered public list (the front page): all articles minus those of drafts. H2 counts a table
     * without a WHERE from its row count, and the drafts as a range of ix_article_visible_published_on, instead of
     * visiting every published article's index entry (25-45 ms at 100,000 articles, against under 1 ms). An equality,
     * not "<> true": H2 reads an index range for =, but scans the whole index for <>.
     */
    private static final String ALL_PUBLISHED_COUNT = "select (select count(*) from Article x)"
            + " - (select count(*) from Article y where y.issuePublished = false)";
    /** The feeds' order: newest issue first, each issue in its own order (ix_article_feed). */
    static final List<String> FEED_ORDER = List.of("a.issuePublishedOn desc", "a.issueId desc", "a.position", "a.id");

    /** Articles having any of the topics, as a set the database collects first from the topic links. */
    private static final String TOPICS_SEMI_JOIN =
            "a.id in (select l.id from TopicListing l where l.topicId in :topics)";
    /** The same, checked on each article read (a primary-key lookup of its links), for a walk that stops early. */
    private static final String TOPICS_PER_ARTICLE =
            "exists (select 1 from TopicListing l where l.id = a.id and l.topicId in :topics)";
    /** The lists' default order as {@link PageRequest#keys} gives it. */
    private static final List<PageRequest.SortOrder> NEWEST_FIRST =
            List.of(new PageRequest.SortOrder("a.publishedOn", true), new PageRequest.SortOrder("a.id", false));

    private ArticlePlans() {
    }

    /**
     * The ids of one page of a list: what it filters by, whether it walks an index, and how it counts. A public list of
     * one topic or one outlet in the default order, bounded by dates or not, walks an index that starts with the topic
     * or outlet (V14__topic_and_outlet_list_keys.sql): its page costs what the front page costs, however many articles
     * the topic or outlet has, where sorting them all cost 100-370 ms of CPU per request at 100,000 articles.
     */
    static ListQuery list(ArticleFilter filter, boolean publicOnly, List<PageRequest.SortOrder> keys) {
        boolean walkable = publicOnly && keys.equals(NEWEST_FIRST) && filter.issueId() == null
                && filter.updatedSince() == null;
        if (walkable && filter.topicIds().size() == 1 && filter.outletIds().isEmpty()) {
            return ListQuery.of("TopicListing", "a").ofContent().select("select a.id")
                    .where("a.topicId = :topic", "topic", filter.topicIds().get(0))
                    .where("a.publishedOn >= :from", "from", filter.from())
                    .where("a.publishedOn <= :to", "to", filter.to())
                    .where("a.issuePublished = :published", "published", Boolean.TRUE)
                    .orderLedBy("a.topicId, a.issuePublished");
        }
        if (walkable && filter.outletIds().size() == 1 && filter.topicIds().isEmpty()) {
            return ListQuery.of("Article", "a").ofContent().select("select a.id")
                    .where("a.outlet.id = :outlet", "outlet", filter.outletIds().get(0))
                    .where("a.publishedOn >= :from", "from", filter.from())
                    .where("a.publishedOn <= :to", "to", filter.to())
                    .where("a.issuePublished = :published", "published", Boolean.TRUE)
                    .orderLedBy("a.outlet.id, a.issuePublished");
        }
        ListQuery query = filtered(filter, publicOnly);
        boolean walks = query.filters().contains("published") && WALKED_LIST_FILTERS.containsAll(query.filters());
        if (query.filters().contains("published") && query.filters().contains("updatedSince")
                && SYNC_FILTERS.containsAll(query.filters()) && keys.equals(NEWEST_FIRST)) {
            return query.orderLedBy(PUBLIC_ORDER_LEAD, WALKED_SYNC_MATCHES)
                    .walkChecking(UPDATED_SINCE, "coalesce(a.updatedAt, a.updatedAt) >= :updatedSince");
        }
        return query.orderLedBy(walks ? PUBLIC_ORDER_LEAD : null)
                .countWith(query.filters().equals(Set.of("published")) ? ALL_PUBLISHED_COUNT : null);
    }

    /**
     * The ids of a feed's newest published articles having any of the topics and any of the outlets, in FEED_ORDER. A
     * feed checks the topics on each article it reads (one primary-key lookup of article_topic), walking the feed
     * index or one outlet's articles, and stops at its 50: at 100,000 articles a topic feed read 611 index entries in
     * 23 ms, where collecting the topic's 8,000 articles first took 576 ms (H2, cold).
     */
    static ListQuery feed(FilterSlugs slugs) {
        ArticleFilter filter = ArticleFilter.published(slugs);
        if (filter.outletIds().size() == 1) {
            // One outlet: its own articles in the feeds' order (ix_article_outlet_feed, V16), where the feed index
            // would pass 300 other outlets' articles for each of its own, and sorting it reads every one of them.
            return ListQuery.of("Article", "a").ofContent().select("select a.id")
                    .where(TOPICS_PER_ARTICLE, "topics", filter.topicIds())
                    .where("a.outlet.id = :outlet", "outlet", filter.outletIds().get(0))
                    .where("a.issuePublished = :published", "published", Boolean.TRUE)
                    .orderLedBy("a.outlet.id, a.issuePublished");
        }
        ListQuery query = filtered(filter, true, TOPICS_PER_ARTICLE);
        return query.orderLedBy(WALKED_FEED_FILTERS.containsAll(query.filters()) ? PUBLIC_ORDER_LEAD : null);
    }

    private static ListQuery filtered(ArticleFilter filter, boolean publicOnly) {
        return filtered(filter, publicOnly, TOPICS_SEMI_JOIN);
    }

    /**
     * The filter's query; {@code topicClause} says how the topics are checked. Topics and outlets filter by id (what
     * their slugs name now): H2 reads an index range for "in (?, ?)", but for "in (select ...)" over an index that
     * starts with outlet_id it scanned the whole table.
     */
    private static ListQuery filtered(ArticleFilter filter, boolean publicOnly, String topicClause) {
        return ListQuery.of("Article", "a").ofContent().select("select a.id")
                .where(topicClause, "topics", filter.topicIds())
                .where("a.outlet.id in :outlets", "outlets", filter.outletIds())
                .where("a.issueId = :issue", "issue", filter.issueId())
                .where("a.publishedOn >= :from", "from", filter.from())
                .where("a.publishedOn <= :to", "to", filter.to())
                .where(UPDATED_SINCE, "updatedSince", filter.updatedSince())
                .where("a.issuePublished = :published", "published", publicOnly ? Boolean.TRUE : null);
    }
}
