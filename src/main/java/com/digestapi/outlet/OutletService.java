package com.digestapi.outlet;

import com.digestapi.activity.Recorded;
import com.digestapi.caching.ContentWrite;
import com.digestapi.caching.Precondition;
import com.digestapi.caching.Preconditions;
import com.digestapi.changelog.ContentChanges;
import com.digestapi.changelog.ResourceKind;
import com.digestapi.listing.ListQuery;
import com.digestapi.listing.Page;
import com.digestapi.listing.PageRequest;
import com.digestapi.listing.SortFields;
import com.digestapi.persistence.NamedEntity;
import com.digestapi.persistence.SlugHistory;
import com.digestapi.persistence.TrackedEntity;
import com.digestapi.problem.ProblemException;
import com.digestapi.search.SearchChanges;
import com.digestapi.security.Viewer;
import com.digestapi.web.Patch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads and writes outlets; owns their transactions. */
@ApplicationScoped
public class OutletService {

    public static final SortFields SORT =
            SortFields.of("o", "name", "id", "name", "slug", "country", "language", "createdAt", "updatedAt")
                    .nullable("country", "language");

    private final Viewer viewer;
    private final Preconditions preconditions;
    private final SearchChanges searchChanges;
    private final ContentChanges changes;

    OutletService(Viewer viewer, Preconditions preconditions, SearchChanges searchChanges, ContentChanges changes) {
        this.viewer = viewer;
        this.preconditions = preconditions;
        this.searchChanges = searchChanges;
        this.changes = changes;
    }

    /** What this viewer sees: for readers, articles of draft issues do not count. */
    private String withArticleCount() {
        return withArticleCount(viewer.seesDrafts());
    }

    private static String withArticleCount(boolean drafts) {
        return "select o, (select count(a) from Article a where a.outlet = o"
                + (drafts ? "" : " and a.issuePublished = true") + ")";
    }

    public Page<OutletView> list(OutletFilter filter, PageRequest request) {
        return ListQuery.of("Outlet", "o").ofContent().select(withArticleCount())
                .where("lower(o.name) like :q" + ListQuery.ESCAPE, "q", ListQuery.containing(filter.q()))
                .where("o.country = :country", "country", filter.country())
                .where("o.language = :language", "language", filter.language())
                .where("o.updatedAt >= :updatedSince", "updatedSince", filter.updatedSince())
                .page(request, Object[].class)
                .map(row -> OutletView.of((Outlet) row[0], (Long) row[1]));
    }

    public OutletView get(long id) {
        return Outlet.getEntityManager()
                .createQuery(withArticleCount() + " from Outlet o where o.id = :id", Object[].class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst()
                .map(row -> OutletView.of((Outlet) row[0], (Long) row[1]))
                .orElseThrow(() -> ProblemException.notFound("outlet", id));
    }

    /** The outlets with these ids as readers see them (their counts leave drafts out), whoever asks: in id order. */
    public List<OutletView> publicViews(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : asReaders("o.id in :ids", "ids", ids, Integer.MAX_VALUE);
    }

    /** At most {@code limit} outlets with ids above this one, in id order, as readers see them. */
    public List<OutletView> publicViewsAfter(long afterId, int limit) {
        return asReaders("o.id > :after", "after", afterId, limit);
    }

    private static List<OutletView> asReaders(String condition, String name, Object value, int limit) {
        return Outlet.getEntityManager()
                .createQuery(withArticleCount(false) + " from Outlet o where " + condition + " order by o.id",
                        Object[].class)
                .setParameter(name, value)
                .setMaxResults(limit)
                .getResultStream()
                .map(row -> OutletView.of((Outlet) row[0], (Long) row[1]))
                .toList();
    }

    /** The outlet this slug names, now or before a rename: one statement. */
    public Optional<SlugHistory.Match> bySlug(String slug) {
        return SlugHistory.find(Outlet.class, slug, null);
    }

    /** An outlet as a link to it shows it. */
    public record Summary(long id, String slug, String name, String websiteUrl) {
    }

    /** The summaries of the outlets with these ids, by id, in one statement; unknown ids are left out. */
    public Map<Long, Summary> summaries(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Outlet.getEntityManager()
                .createQuery("select o.id, o.slug, o.name, o.websiteUrl from Outlet o where o.id in :ids",
                        Object[].class)
                .setParameter("ids", ids).getResultStream()
                .map(r -> new Summary((Long) r[0], (String) r[1], (String) r[2], (String) r[3]))
                .collect(Collectors.toMap(Summary::id, Function.identity()));
    }

    /** The outlets with these ids as an issue document describes them, by name, in one statement. */
    public List<OutletInput> details(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : Outlet.<Outlet>list("id in ?1 order by name", ids).stream()
                .map(o -> new OutletInput(o.slug, o.name, o.websiteUrl, o.country, o.language)).toList();
    }

    @Transactional
    @Recorded
    @ContentWrite
    public OutletView create(OutletInput input) {
        return OutletView.of(insert(input), 0);
    }

    @Transactional
    @Recorded
    @ContentWrite
    public OutletView replace(long id, OutletInput input, Precondition precondition) {
        preconditions.require(precondition, () -> get(id));
        apply(find(id), input);
        changes.changed(ResourceKind.OUTLET, id);
        Outlet.flush();
        return get(id);
    }

    @Transactional
    @Recorded
    @ContentWrite
    public OutletView patch(long id, Patch<OutletInput> patch, Precondition precondition) {
        OutletView current = get(id);
        preconditions.require(precondition, () -> current);
        return replace(id, patch.applyTo(current.toInput()), Precondition.NONE);
    }

    @Transactional
    @Recorded
    @ContentWrite
    public void delete(long id, Precondition precondition) {
        preconditions.require(precondition, () -> get(id));
        Outlet outlet = find(id);
        long used = Outlet.getEntityManager()
                .createQuery("select count(a) from Article a where a.outlet = :outlet", Long.class)
                .setParameter("outlet", outlet).getSingleResult();
        if (used > 0) {
            throw ProblemException.conflict("outlet " + id + " is still used by " + used
                    + (used == 1 ? " article" : " articles") + "; move or delete them first");
        }
        changes.changed(ResourceKind.OUTLET, id);
        SlugHistory.forget(Outlet.class, List.of(id));
        outlet.delete();
    }

    /** The outlet a document names by slug or name (case-insensitive), created from the details when missing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Outlet resolve(String reference, OutletInput detailsIfNew) {
        return NamedEntity.resolve(Outlet.class, reference,
                ref -> insert(detailsIfNew != null ? detailsIfNew : new OutletInput(null, ref, null, null, null)));
    }

    private Outlet insert(OutletInput input) {
        Outlet outlet = new Outlet();
        apply(outlet, input);
        outlet.persistAndFlush();
        changes.changed(ResourceKind.OUTLET, outlet.id);
        return outlet;
    }

    /** The outlet an article is to refer to, or empty: for the article's own relation. */
    public Optional<Outlet> forArticle(long id) {
        return Outlet.findByIdOptional(id);
    }

    private Outlet find(long id) {
        return Outlet.<Outlet>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("outlet", id));
    }

    private void apply(Outlet outlet, OutletInput input) {
        boolean renamed = outlet.rename(input.slug(), input.name());
        outlet.websiteUrl = input.websiteUrl();
        outlet.country = input.country();
        outlet.language = input.language() == null ? null : Locale.forLanguageTag(input.language()).toLanguageTag();
        if (renamed) {
            // Articles embed the outlet's slug and name: they changed too, for sync clients and ETags.
            Outlet.getEntityManager()
                    .createQuery("update Article a set a.updatedAt = :now, a.version = a.version + 1 where a.outlet.id = :id")
                    .setParameter("now", TrackedEntity.now())
                    .setParameter("id", outlet.id)
                    .executeUpdate();
            searchChanges.articlesOf(SearchChanges.Group.OUTLET, outlet.id);
            changes.changedAtEnd(ContentChanges.Group.ARTICLES_OF_OUTLET, outlet.id);
        }
    }
}
