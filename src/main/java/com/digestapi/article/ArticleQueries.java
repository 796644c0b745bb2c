package com.digestapi.article;

import com.digestapi.config.DigestConfig;
import com.digestapi.listing.Page;
import com.digestapi.listing.PageRequest;
import com.digestapi.listing.SortFields;
import com.digestapi.outlet.Outlet;
import com.digestapi.persistence.NamedEntity;
import com.digestapi.persistence.SlugHistory;
import com.digestapi.problem.ProblemException;
import com.digestapi.search.SearchEngine;
import com.digestapi.search.SearchHits;
import com.digestapi.search.SearchQuery;
import com.digestapi.security.Viewer;
import com.digestapi.topic.Topic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads articles as their views in a fixed number of statements whatever the page size: the ids in the requested
 * order (see {@link ArticlePlans}), then the rows with outlet and topics, then the quotes.
 */
@ApplicationScoped
public class ArticleQueries {

    /** Best match first: the default order of a search (with q); without q, the list's own default order. */
    public static final String RELEVANCE = "relevance";
    public static final SortFields SORT = SortFields.of("a", "-publishedOn",
            "id", "slug", "headline", "publishedOn", "position", "createdAt", "updatedAt").and(RELEVANCE, RELEVANCE);
    public static final SortFields SORT_IN_ISSUE = SORT.byDefault("position");

    // No distinct: Hibernate 6 returns each article once, and SQL distinct would compare every column of every row.
    static final String FETCH = "select a from Article a join fetch a.outlet left join fetch a.topics";

    private final Viewer viewer;
    private final SearchEngine search;
    private final int countLimit;

    ArticleQueries(Viewer viewer, SearchEngine search, DigestConfig config) {
        this.viewer = viewer;
        this.search = search;
        this.countLimit = config.list().countLimit();
    }

    /**
     * One page of articles: from the database in four statements (count, ids, rows with relations, quotes), or, for a
     * search or facets, the ids, total and facets from the search index and the rest in two statements; one more
     * before either when topics or outlets filter it (what their slugs name now: see {@link #filterSlugs}).
     */
    public Page<ArticleView> list(ArticleFilter given, PageRequest request) {
        ArticleFilter filter = given.withSlugs(filterSlugs(given.topics(), given.outlets()));
        if (filter.searches()) {
            return search(filter, request);
        }
        PageRequest inDatabase = request;
        if (request.sort().stream().anyMatch(o -> o.path().equals(RELEVANCE))) {
            // Without q nothing is more relevant than anything else: the list keeps its own order.
            List<PageRequest.SortOrder> others = request.sort().stream().filter(o -> !o.path().equals(RELEVANCE)).toList();
            inDatabase = new PageRequest(request.page(), request.size(),
                    others.isEmpty() ? List.of(new PageRequest.SortOrder("a.publishedOn", true)) : others,
                    request.cursor());
        }
        Page<Long> ids = ArticlePlans.list(filter, publicOnly(filter), inDatabase.keys("a"))
                .page(inDatabase, Long.class);
        return ids.withItems(views(ids.items(), false));
    }

    private Page<ArticleView> search(ArticleFilter filter, PageRequest request) {
        List<SearchQuery.SortKey> order = request.sort().stream()
                .map(o -> new SearchQuery.SortKey(o.path().substring(o.path().indexOf('.') + 1), o.descending()))
                .toList();
        if (request.cursor() != null) {
            // A cursor holds the last item's sort values; a score is none, so searches page by number.
            throw ProblemException.invalid("cursor", "a search (q) or facet list pages by number: follow its next link,"
                    + " which names the next page");
        }
        SearchHits found = search.search(new SearchQuery(filter.q(), filter.topics(), filter.outlets(),
                filter.issueId(), filter.from(), filter.to(), filter.updatedSince(), publicOnly(filter), order,
                request.offset(), request.size(), countLimit, filter.facets()));
        Map<Long, SearchHits.Hit> hits = new HashMap<>();
        found.hits().forEach(hit -> hits.put(hit.id(), hit));
        List<ArticleView> views = views(found.hits().stream().map(SearchHits.Hit::id).toList(), false).stream()
                .map(view -> filter.q() == null ? view : view.withHighlights(
                        new ArticleView.Highlights(hits.get(view.id()).headline(), hits.get(view.id()).summary())))
                .toList();
        Page<ArticleView> page = Page.of(views, request, found.total(), found.totalExact(), null);
        return filter.facets().isEmpty() ? page : page.withFacets(found.facets());
    }

    /**
     * The newest published articles having any of the topics and any of the outlets, newest issue first and each issue
     * in its own order: what the feeds show. Three statements (ids, rows with relations, quotes), no count.
     */
    public List<ArticleView> newest(FilterSlugs slugs, int limit) {
        return views(ArticlePlans.feed(slugs).first(limit, ArticlePlans.FEED_ORDER, Long.class),
                false);
    }

    /**
     * What these topic and outlet slugs of a filter name now, in one statement (none when there are none): a slug that
     * a topic or outlet carried before a rename stands for its current one, so that links and feed subscriptions made
     * before the rename keep working.
     */
    public FilterSlugs filterSlugs(List<String> topics, List<String> outlets) {
        Map<Class<? extends NamedEntity>, Map<String, NamedEntity.Named>> named =
                NamedEntity.named(Map.of(Topic.class, topics, Outlet.class, outlets));
        return FilterSlugs.of(topics, outlets, named.get(Topic.class), named.get(Outlet.class));
    }

    /**
     * The article this slug names, now or before a rename, if this viewer may see it (readers: articles of published
     * issues only, under any of their slugs). One statement.
     */
    public Optional<SlugHistory.Match> bySlug(String slug) {
        return SlugHistory.find(Article.class, slug, viewer.seesDrafts() ? null : "e.issuePublished = true");
    }

    public ArticleView get(long id) {
        return views(List.of(id), false).stream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("article", id));
    }

    /**
     * The published articles among these ids as readers see them, whoever asks (a sync serves readers' content only):
     * in id order, in two statements.
     */
    public List<ArticleView> publicViews(Collection<Long> ids) {
        return views(ids.stream().sorted().toList(), true);
    }

    /** At most {@code limit} published articles with ids above this one, in id order, as readers see them. */
    public List<ArticleView> publicViewsAfter(long afterId, int limit) {
        List<Long> ids = em().createQuery("select a.id from Article a where a.issuePublished = true and a.id > :after"
                        + " order by a.id", Long.class)
                .setParameter("after", afterId).setMaxResults(limit).getResultList();
        return views(ids, true);
    }

    /** The articles of an issue in position order, in two statements. */
    public List<ArticleView> inIssue(long issueId) {
        List<Article> articles = em().createQuery(FETCH + " where a.issueId = :issue order by a.position", Article.class)
                .setParameter("issue", issueId).getResultList();
        Map<Long, List<QuoteBody>> quotes = quotes(articles.stream().map(a -> a.id).toList());
        return articles.stream().map(a -> ArticleView.of(a, quotes.getOrDefault(a.id, List.of()))).toList();
    }

    /** Whether the list shows articles of published issues only: to readers always, to editors on request. */
    private boolean publicOnly(ArticleFilter filter) {
        return filter.publishedOnly() || !viewer.seesDrafts();
    }

    /**
     * The views of these ids, in their order. Each statement sees what was committed when it started, so an article
     * deleted (or unpublished) after its id was read has no row here: it is left out, never shown as null.
     *
     * @param readersOnly leave out drafts' articles even for an editor
     */
    private List<ArticleView> views(List<Long> ids, boolean readersOnly) {
        if (ids.isEmpty()) {
            return List.of();
        }
        // One id (a GET by id, every write) gets a statement of its own: Hibernate translates a query with an id list
        // anew whenever the list's size differs from the last call's, and the search index reads lists of any size.
        List<Article> articles = ids.size() == 1
                ? em().createQuery(FETCH + " where a.id = :id", Article.class).setParameter("id", ids.get(0))
                        .getResultList()
                : em().createQuery(FETCH + " where a.id in :ids", Article.class).setParameter("ids", ids)
                        .getResultList();
        Map<Long, List<QuoteBody>> quotes = quotes(ids);
        Map<Long, ArticleView> byId = new HashMap<>();
        articles.stream()
                .filter(a -> a.issuePublished || !readersOnly && viewer.seesDrafts())
                .forEach(a -> byId.put(a.id, ArticleView.of(a, quotes.getOrDefault(a.id, List.of()))));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    /**
     * The quotes of these articles, each article's in order, from article_quote alone: HQL reaches the quotes only
     * through their article, and H2 then reads each article's whole row a second time.
     */
    @SuppressWarnings("unchecked")
    static Map<Long, List<QuoteBody>> quotes(Collection<Long> articleIds) {
        if (articleIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = articleIds.size() == 1
                ? em().createNativeQuery("select article_id, text, attribution from article_quote where article_id = ?1"
                        + " order by position").setParameter(1, articleIds.iterator().next()).getResultList()
                : em().createNativeQuery("select article_id, text, attribution from article_quote"
                                + " where article_id in (:ids) order by article_id, position")
                        .setParameter("ids", articleIds).getResultList();
        Map<Long, List<QuoteBody>> quotes = new HashMap<>();
        rows.forEach(r -> quotes.computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>())
                .add(new QuoteBody((String) r[1], (String) r[2])));
        return quotes;
    }

    private static EntityManager em() {
        return Article.getEntityManager();
    }
}
