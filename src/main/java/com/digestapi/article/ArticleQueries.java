package com.digestapi.article;

import com.digestapi.listing.Page;
import com.digestapi.listing.PageRequest;
import com.digestapi.listing.SortFields;
import com.digestapi.problem.ProblemException;
import com.digestapi.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Reads articles as their views in a fixed number of statements whatever the page size: the ids in the requested
 * order (see {@link ArticlePlans}), then the rows with outlet and topics, then the quotes.
 */
@ApplicationScoped
public class ArticleQueries {

    public static final SortFields SORT = SortFields.of("a", "-publishedOn",
            "id", "slug", "headline", "publishedOn", "position", "createdAt", "updatedAt");
    public static final SortFields SORT_IN_ISSUE = new SortFields(SORT.paths(), "position");

    private static final String FETCH = "select distinct a from Article a join fetch a.outlet left join fetch a.topics";

    private final Viewer viewer;

    ArticleQueries(Viewer viewer) {
        this.viewer = viewer;
    }

    /** One page of articles in four statements: count, ids, rows with relations, quotes. */
    public Page<ArticleView> list(ArticleFilter filter, PageRequest request) {
        Page<Long> ids = ArticlePlans.list(filter, publicOnly(filter)).page(request, Long.class);
        return ids.withItems(views(ids.items()));
    }

    /**
     * The newest published articles having any of the topics and any of the outlets, newest issue first and each issue
     * in its own order: what the feeds show. Three statements (ids, rows with relations, quotes), no count.
     */
    public List<ArticleView> newest(List<String> topics, List<String> outlets, int limit) {
        return views(ArticlePlans.feed(topics, outlets).first(limit, ArticlePlans.FEED_ORDER, Long.class));
    }

    public ArticleView get(long id) {
        return views(List.of(id)).stream().findFirst().orElseThrow(() -> ProblemException.notFound("article", id));
    }

    /** The articles of an issue in position order, in two statements. */
    public List<ArticleView> inIssue(long issueId) {
        List<Article> articles = em().createQuery(FETCH + " where a.issueId = :issue order by a.position", Article.class)
                .setParameter("issue", issueId).getResultList();
        Map<Long, List<QuoteBody>> quotes = quotes("a.issueId = :key", issueId);
        return articles.stream().map(a -> ArticleView.of(a, quotes.getOrDefault(a.id, List.of()))).toList();
    }

    /** Whether the list shows articles of published issues only: to readers always, to editors on request. */
    private boolean publicOnly(ArticleFilter filter) {
        return filter.publishedOnly() || !viewer.seesDrafts();
    }

    /**
     * The views of these ids, in their order. Each statement sees what was committed when it started, so an article
     * deleted (or unpublished) after its id was read has no row here: it is left out, never shown as null.
     */
    private List<ArticleView> views(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Article> articles = em().createQuery(FETCH + " where a.id in :ids", Article.class)
                .setParameter("ids", ids).getResultList();
        Map<Long, List<QuoteBody>> quotes = quotes("a.id in :key", ids);
        Map<Long, ArticleView> byId = new HashMap<>();
        articles.stream()
                .filter(a -> a.issuePublished || viewer.seesDrafts())
                .forEach(a -> byId.put(a.id, ArticleView.of(a, quotes.getOrDefault(a.id, List.of()))));
        return ids.stream().map(byId::get).filter(Objects::nonNull).toList();
    }

    private Map<Long, List<QuoteBody>> quotes(String condition, Object key) {
        List<Object[]> rows = em().createQuery("select a.id, q.text, q.attribution from Article a join a.quotes q where "
                        + condition + " order by a.id, index(q)", Object[].class)
                .setParameter("key", key).getResultList();
        Map<Long, List<QuoteBody>> quotes = new HashMap<>();
        rows.forEach(r -> quotes.computeIfAbsent((Long) r[0], k -> new ArrayList<>())
                .add(new QuoteBody((String) r[1], (String) r[2])));
        return quotes;
    }

    private static EntityManager em() {
        return Article.getEntityManager();
    }
}
