package com.digestapi.article;

import com.digestapi.caching.ContentWrite;
import com.digestapi.caching.Precondition;
import com.digestapi.caching.Preconditions;
import com.digestapi.listing.Filters;
import com.digestapi.web.Patch;
import com.digestapi.listing.Page;
import com.digestapi.listing.PageRequest;
import com.digestapi.listing.Paging;
import com.digestapi.problem.Problem.FieldError;
import com.digestapi.problem.ProblemException;
import com.digestapi.persistence.Slugs;
import com.digestapi.listing.SortFields;
import com.digestapi.persistence.TrackedEntity;
import com.digestapi.persistence.Uniqueness;
import com.digestapi.security.Viewer;
import com.digestapi.issue.Issue;
import com.digestapi.issue.IssueStatus;
import com.digestapi.outlet.Outlet;
import com.digestapi.topic.Topic;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads and writes articles and keeps every issue's positions 1..n without gaps. */
@ApplicationScoped
public class ArticleService {

    public static final SortFields SORT = SortFields.of("a", "-publishedOn",
            "id", "slug", "headline", "publishedOn", "position", "createdAt", "updatedAt");
    public static final SortFields SORT_IN_ISSUE = new SortFields(SORT.paths(), "position");

    private static final String FETCH = "select distinct a from Article a join fetch a.issue join fetch a.outlet"
            + " left join fetch a.topics";
    /**
     * Lead of the order of public lists and feeds: constant under their filter (a.issuePublished = true), so it
     * changes no order, but H2 walks an index in ORDER BY order only when the index starts with the ORDER BY's
     * columns (ix_article_visible_published_on, ix_article_feed); PostgreSQL would walk them without it.
     */
    private static final String PUBLIC_ORDER_LEAD = "a.issuePublished";
    /**
     * The count of the unfiltered public list (the front page): all articles minus those of drafts. H2 counts a
     * table without a WHERE from its row count, and the drafts as a range of ix_article_visible_published_on,
     * instead of visiting every published article's index entry (25-45 ms at 100,000 articles, against under 1 ms).
     * An equality, not "<> true": H2 reads an index range for =, but scans the whole index for <>.
     */
    private static final String ALL_PUBLISHED_COUNT = "select (select count(*) from Article x)"
            + " - (select count(*) from Article y where y.issuePublished = false)";
    /** The feeds' order: newest issue first, each issue in its own order (ix_article_feed). */
    private static final String FEED_ORDER = "a.issuePublishedOn desc, a.issue.id desc, a.position, a.id";
    /**
     * The filters under which a public query walks the visibility-led index in order: none, or only those tested
     * row by row anyway (q, from/to are bounds of that index). Topic, outlet, issue and updatedSince have indexes of
     * their own to start from; walking the whole archive's order to find a rare outlet's 20 rows would read far more
     * (a sort of their matches is cheaper), so their queries do not lead with the flag and H2 starts from them.
     */
    private static final Set<String> WALKED_FILTERS = Set.of("published", "q", "from", "to");
    /**
     * A feed wants only its newest 50, so walking the feed order also pays for a topic filter: at 100,000 articles a
     * topic feed took 21-78 ms walking against 51-1,004 ms sorting the topic's 1,600-15,000 matches (H2). A rare
     * outlet's 330 articles are still cheaper to sort.
     */
    private static final Set<String> WALKED_FEED_FILTERS = Set.of("published", "topics");

        private final Viewer viewer;
    private final Preconditions preconditions;

    ArticleService(Viewer viewer, Preconditions preconditions) {
        this.viewer = viewer;
        this.preconditions = preconditions;
    }

    /** One page of articles in four statements whatever the page size: count, ids, rows with relations, quotes. */
    public Page<ArticleView> list(ArticleFilter filter, PageRequest request) {
        Filters filters = filterOf(filter);
        Page<Long> ids = Paging.page("select a.id", "from Article a", "a", filters,
                request.ledBy(walksVisibleIndex(filters) ? PUBLIC_ORDER_LEAD : null), Long.class,
                filters.parameters().keySet().equals(Set.of("published")) ? ALL_PUBLISHED_COUNT : null);
        Map<Long, ArticleView> views = views(ids.items()).stream()
                .collect(Collectors.toMap(ArticleView::id, Function.identity()));
        return ids.map(views::get);
    }

    /**
     * The newest published articles having any of the filter's topics and outlets, newest issue first and each issue
     * in its own order: what the feeds show. Three statements (ids, rows with relations, quotes), no count.
     */
    public List<ArticleView> newest(List<String> topics, List<String> outlets, int limit) {
        Filters filters = filterOf(ArticleFilter.published(topics, outlets));
        boolean walks = WALKED_FEED_FILTERS.containsAll(filters.parameters().keySet());
        String order = " order by " + (walks ? PUBLIC_ORDER_LEAD + ", " : "") + FEED_ORDER;
        TypedQuery<Long> query = em().createQuery("select a.id from Article a" + filters.where() + order, Long.class)
                .setMaxResults(limit);
        filters.parameters().forEach(query::setParameter);
        return views(query.getResultList());
    }

    public ArticleView get(long id) {
        return views(List.of(id)).stream().findFirst().orElseThrow(() -> ProblemException.notFound("article", id));
    }

    /** The articles of an issue in position order, in two statements. */
    public List<ArticleView> inIssue(long issueId) {
        List<Article> articles = em().createQuery(FETCH + " where a.issue.id = :issue order by a.position", Article.class)
                .setParameter("issue", issueId).getResultList();
        Map<Long, List<QuoteBody>> quotes = quotes("a.issue.id = :key", issueId);
        return articles.stream().map(a -> ArticleView.of(a, quotes.getOrDefault(a.id, List.of()))).toList();
    }

    @Transactional
    @ContentWrite
    public ArticleView create(ArticleInput input) {
        if (input.issueId() == null) {
            throw ProblemException.invalid("issueId", "must not be null");
        }
        Issue issue = lockIssue(input.issueId(), true);
        Article article = new Article();
        article.placeIn(issue);
        fill(article, resolve(input));
        List<Article> siblings = siblingsOf(issue);
        int position = positionWithin(input.position(), siblings.size() + 1, siblings.size() + 1);
        siblings.add(position - 1, article);
        renumber(siblings);
        article.persist();
        issue.touch();
        Article.flush();
        return get(article.id);
    }

    /** POST /issues/{id}/articles: the path names the issue, which must exist. */
    @Transactional
    @ContentWrite
    public ArticleView createInIssue(long issueId, ArticleInput input) {
        lockIssue(issueId, false);
        if (input.issueId() != null && input.issueId() != issueId) {
            throw ProblemException.invalid("issueId", "must be left out or equal the issue of the path (" + issueId + ")");
        }
        return create(input.withIssue(issueId));
    }

    @Transactional
    @ContentWrite
    public ArticleView replace(long id, ArticleInput input, Precondition precondition) {
        lockIssueOf(id);
        preconditions.require(precondition, () -> get(id));
        return write(id, input);
    }

    /** Stores the input over the article, moving it when its issue or position changes; its issue is locked. */
    private ArticleView write(long id, ArticleInput input) {
        Article article = find(id);
        Issue current = article.issue;
        long targetId = input.issueId() == null ? current.id : input.issueId();
        if (targetId == current.id) {
            article.placeIn(current);
            fill(article, resolve(input));
            if (input.position() != null && input.position() != article.position) {
                List<Article> siblings = siblingsOf(current);
                int position = positionWithin(input.position(), siblings.size(), article.position);
                siblings.remove(article);
                siblings.add(position - 1, article);
                renumber(siblings);
            }
        } else {
            // The article's own issue is locked already; two opposite moves at the same moment can deadlock, which
            // the database breaks by failing one of them (a 409 the client may retry).
            long first = Math.min(current.id, targetId);
            long second = Math.max(current.id, targetId);
            Issue firstLocked = lockIssue(first, first == targetId);
            Issue secondLocked = lockIssue(second, second == targetId);
            Issue target = first == targetId ? firstLocked : secondLocked;
            fill(article, resolve(input));
            List<Article> left = siblingsOf(current);
            left.remove(article);
            renumber(left);
            current.touch();
            List<Article> joined = siblingsOf(target);
            int position = positionWithin(input.position(), joined.size() + 1, joined.size() + 1);
            article.placeIn(target);
            joined.add(position - 1, article);
            renumber(joined);
        }
        article.issue.touch();
        Article.flush();
        return get(id);
    }

    @Transactional
    @ContentWrite
    public ArticleView patch(long id, Patch<ArticleInput> patch, Precondition precondition) {
        lockIssueOf(id);
        ArticleView view = get(id);
        preconditions.require(precondition, () -> view);
        ArticleInput current = view.toInput();
        ArticleInput merged = patch.applyTo(current);
        boolean changesIssue = !Objects.equals(merged.issueId(), current.issueId());
        if (changesIssue && !patch.names("position")) {
            // Moving to another issue without a position appends, as on create.
            merged = new ArticleInput(merged.slug(), merged.issueId(), null, merged.headline(), merged.outletId(),
                    merged.publishedOn(), merged.author(), merged.originalUrl(), merged.summary(), merged.quotes(),
                    merged.topicIds());
        }
        return write(id, merged);
    }

    @Transactional
    @ContentWrite
    public void delete(long id, Precondition precondition) {
        Issue issue = lockIssueOf(id);
        preconditions.require(precondition, () -> get(id));
        Article article = find(id);
        List<Article> siblings = siblingsOf(issue);
        siblings.remove(article);
        article.delete();
        renumber(siblings);
        issue.touch();
    }

    /**
     * Makes an issue hold exactly these articles in this order: existing ones are matched by slug, else by headline
     * (case-insensitive), and updated in place so their ids stay; the rest are created; unmatched ones are deleted.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replaceContents(Issue issue, List<ArticleContent> contents) {
        lockIssue(issue.id, false);
        List<Article> existing = siblingsOf(issue);
        List<Article> ordered = new ArrayList<>();
        for (ArticleContent content : contents) {
            Article match = existing.stream()
                    .filter(a -> content.slug() != null ? a.slug.equals(content.slug())
                            : a.headline.equalsIgnoreCase(content.headline().strip()))
                    .findFirst().orElse(null);
            if (match != null) {
                existing.remove(match);
            } else {
                match = new Article();
            }
            ordered.add(match);
        }
        existing.forEach(Article::delete);
        Article.flush();
        for (int i = 0; i < contents.size(); i++) {
            Article article = ordered.get(i);
            article.placeIn(issue);
            fill(article, contents.get(i));
            article.position = i + 1;
            if (article.id == null) {
                article.persist();
            }
            Article.flush();
        }
        issue.touch();
    }

    /**
     * After an issue's status or date changed: the copies its articles carry for lists and feeds, in one statement
     * (in the caller's transaction). Articles that appear to (or vanish from) readers get a new updatedAt, so partners
     * syncing with updatedSince pick up a newly published issue; their version stays, as their representation (and
     * ETag) is unchanged.
     */
    public void issueChanged(Issue issue) {
        em().createQuery("update Article a set a.issuePublished = :published, a.issuePublishedOn = :publishedOn,"
                        + " a.updatedAt = case when a.issuePublished <> :published then :now else a.updatedAt end"
                        + " where a.issue.id = :issue")
                .setParameter("published", issue.status == IssueStatus.PUBLISHED)
                .setParameter("now", TrackedEntity.now())
                .setParameter("publishedOn", issue.publishedOn)
                .setParameter("issue", issue.id)
                .executeUpdate();
    }

    private void fill(Article article, ArticleContent content) {
        String slug = content.slug() != null ? content.slug()
                : article.slug != null ? article.slug : Slugs.unique(Article.class, Slugs.slugify(content.headline(), "article"));
        Uniqueness.require(Article.class, "slug", slug, article.id);
        article.slug = slug;
        article.headline = content.headline().strip();
        article.outlet = content.outlet();
        article.publishedOn = content.publishedOn();
        article.author = blankToNull(content.author());
        article.originalUrl = content.originalUrl();
        article.summary = content.summary().strip();
        List<Quote> quotes = content.quotes() == null ? List.of() : content.quotes().stream().map(QuoteBody::toQuote).toList();
        if (!quotes.stream().map(q -> q.text + "\u0000" + q.attribution).toList()
                .equals(article.quotes.stream().map(q -> q.text + "\u0000" + q.attribution).toList())) {
            article.quotes.clear();
            article.quotes.addAll(quotes);
        }
        article.searchText = searchTextOf(article);
        if (!new LinkedHashSet<>(content.topics()).equals(article.topics)) {
            article.topics.clear();
            article.topics.addAll(content.topics());
        }
    }

    /** One lower-cased string of everything q searches in an article, so one indexable LIKE finds it. */
    private static String searchTextOf(Article article) {
        StringBuilder text = new StringBuilder(article.headline).append('\n').append(article.summary);
        if (article.author != null) {
            text.append('\n').append(article.author);
        }
        article.quotes.forEach(q -> text.append('\n').append(q.text));
        return text.toString().toLowerCase(java.util.Locale.ROOT);
    }

    private ArticleContent resolve(ArticleInput input) {
        List<FieldError> errors = new ArrayList<>();
        Outlet outlet = Outlet.findById(input.outletId());
        if (outlet == null) {
            errors.add(new FieldError("outletId", "refers to no outlet (" + input.outletId() + ")"));
        }
        // Errors name the index the client sent, so repeated ids are removed only for the query.
        List<Long> topicIds = input.topicIds() == null ? List.of() : input.topicIds();
        Map<Long, Topic> topics = topicIds.isEmpty() ? Map.of()
                : Topic.<Topic>list("id in ?1", topicIds.stream().distinct().toList()).stream()
                .collect(Collectors.toMap(t -> t.id, t -> t));
        for (int i = 0; i < topicIds.size(); i++) {
            if (!topics.containsKey(topicIds.get(i))) {
                errors.add(new FieldError("topicIds[" + i + "]", "refers to no topic (" + topicIds.get(i) + ")"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new ArticleContent(input.slug(), input.headline(), outlet, input.publishedOn(), input.author(),
                input.originalUrl(), input.summary(), input.quotes(), topics.values());
    }

    private Filters filterOf(ArticleFilter filter) {
        return new Filters()
                .add("a.searchText like :q" + Filters.ESCAPE, "q", Filters.containing(filter.q()))
                // A semi-join the database answers from the article_topic index, not a subquery per article.
                .add("a.id in (select ta.id from Article ta join ta.topics tt where tt.slug in :topics)",
                        "topics", filter.topics())
                .add("a.outlet.id in (select o.id from Outlet o where o.slug in :outlets)", "outlets", filter.outlets())
                .add("a.issue.id = :issue", "issue", filter.issueId())
                .add("a.publishedOn >= :from", "from", filter.from())
                .add("a.publishedOn <= :to", "to", filter.to())
                .add("a.updatedAt >= :updatedSince", "updatedSince", filter.updatedSince())
                // The article's copy of its issue's status: no join to issue (V3__article_list_keys.sql).
                .add("a.issuePublished = :published", "published", publicOnly(filter) ? Boolean.TRUE : null);
    }

    private static boolean walksVisibleIndex(Filters filters) {
        return filters.parameters().containsKey("published") && WALKED_FILTERS.containsAll(filters.parameters().keySet());
    }

    /** Whether the list shows articles of published issues only: to readers always, to editors on request. */
    private boolean publicOnly(ArticleFilter filter) {
        return filter.publishedOnly() || !viewer.seesDrafts();
    }

    private List<ArticleView> views(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Article> articles = em().createQuery(FETCH + " where a.id in :ids", Article.class)
                .setParameter("ids", ids).getResultList();
        Map<Long, List<QuoteBody>> quotes = quotes("a.id in :key", ids);
        Map<Long, ArticleView> byId = new HashMap<>();
        articles.stream()
                .filter(a -> a.issue.status == IssueStatus.PUBLISHED || viewer.seesDrafts())
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

    private Article find(long id) {
        return Article.<Article>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("article", id));
    }

    /**
     * Locks the issue of an article before the article is read, so that a write reads the state the previous writer
     * committed and merges onto it, instead of failing (or losing an update) on a stale copy.
     */
    private Issue lockIssueOf(long articleId) {
        Long issueId = em().createQuery("select a.issue.id from Article a where a.id = :id", Long.class)
                .setParameter("id", articleId).getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("article", articleId));
        return lockIssue(issueId, false);
    }

    /** Locks the issue row so that concurrent writers of its positions take turns. */
    private Issue lockIssue(long id, boolean referencedByBody) {
        Issue issue = Issue.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (issue == null) {
            throw referencedByBody ? ProblemException.invalid("issueId", "refers to no issue (" + id + ")")
                    : ProblemException.notFound("issue", id);
        }
        return issue;
    }

    private static List<Article> siblingsOf(Issue issue) {
        return new ArrayList<>(Article.<Article>list("issue = ?1 order by position", issue));
    }

    private static int positionWithin(Integer requested, int max, int fallback) {
        if (requested == null) {
            return fallback;
        }
        if (requested > max) {
            throw ProblemException.invalid("position", "must be between 1 and " + max + " in this issue");
        }
        return requested;
    }

    private static void renumber(List<Article> ordered) {
        for (int i = 0; i < ordered.size(); i++) {
            if (ordered.get(i).position != i + 1) {
                ordered.get(i).position = i + 1;
            }
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static EntityManager em() {
        return Article.getEntityManager();
    }
}
