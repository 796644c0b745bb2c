package com.digestapi.topic;

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
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.hibernate.Session;
import org.hibernate.SessionCheckMode;

/** Reads and writes topics; owns their transactions. */
@ApplicationScoped
public class TopicService {

    public static final SortFields SORT = SortFields.of("t", "name", "id", "name", "slug", "createdAt", "updatedAt");

    private final Viewer viewer;
    private final Preconditions preconditions;
    private final SearchChanges searchChanges;
    private final ContentChanges changes;

    TopicService(Viewer viewer, Preconditions preconditions, SearchChanges searchChanges, ContentChanges changes) {
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
        return "select t, (select count(a) from Article a join a.topics tagged where tagged.id = t.id"
                + (drafts ? "" : " and a.issuePublished = true") + ")";
    }

    public Page<TopicView> list(TopicFilter filter, PageRequest request) {
        return ListQuery.of("Topic", "t").ofContent().select(withArticleCount())
                .where("lower(t.name) like :q" + ListQuery.ESCAPE, "q", ListQuery.containing(filter.q()))
                .where("t.updatedAt >= :updatedSince", "updatedSince", filter.updatedSince())
                .page(request, Object[].class)
                .map(row -> TopicView.of((Topic) row[0], (Long) row[1]));
    }

    public TopicView get(long id) {
        return Topic.getEntityManager()
                .createQuery(withArticleCount() + " from Topic t where t.id = :id", Object[].class)
                .setParameter("id", id)
                .getResultStream()
                .findFirst()
                .map(row -> TopicView.of((Topic) row[0], (Long) row[1]))
                .orElseThrow(() -> ProblemException.notFound("topic", id));
    }

    /** The topics with these ids as readers see them (their counts leave drafts out), whoever asks: in id order. */
    public List<TopicView> publicViews(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : asReaders("t.id in :ids", "ids", ids, Integer.MAX_VALUE);
    }

    /** At most {@code limit} topics with ids above this one, in id order, as readers see them. */
    public List<TopicView> publicViewsAfter(long afterId, int limit) {
        return asReaders("t.id > :after", "after", afterId, limit);
    }

    private static List<TopicView> asReaders(String condition, String name, Object value, int limit) {
        return Topic.getEntityManager()
                .createQuery(withArticleCount(false) + " from Topic t where " + condition + " order by t.id",
                        Object[].class)
                .setParameter(name, value)
                .setMaxResults(limit)
                .getResultStream()
                .map(row -> TopicView.of((Topic) row[0], (Long) row[1]))
                .toList();
    }

    /** The topic this slug names, now or before a rename: one statement. */
    public Optional<SlugHistory.Match> bySlug(String slug) {
        return SlugHistory.find(Topic.class, slug, null);
    }

    /** The topics with these ids as an issue document describes them, by name, in one statement. */
    public List<TopicInput> details(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : Topic.<Topic>list("id in ?1 order by name", ids).stream()
                .map(t -> new TopicInput(t.slug, t.name, t.description)).toList();
    }

    @Transactional
    @Recorded
    @ContentWrite
    public TopicView create(TopicInput input) {
        return TopicView.of(insert(input), 0);
    }

    @Transactional
    @Recorded
    @ContentWrite
    public TopicView replace(long id, TopicInput input, Precondition precondition) {
        preconditions.require(precondition, () -> get(id));
        apply(find(id), input);
        changes.changed(ResourceKind.TOPIC, id);
        Topic.flush();
        return get(id);
    }

    @Transactional
    @Recorded
    @ContentWrite
    public TopicView patch(long id, Patch<TopicInput> patch, Precondition precondition) {
        TopicView current = get(id);
        preconditions.require(precondition, () -> current);
        return replace(id, patch.applyTo(current.toInput()), Precondition.NONE);
    }

    /** Deletes the topic and detaches it from its articles, which count as changed. */
    @Transactional
    @Recorded
    @ContentWrite
    public void delete(long id, Precondition precondition) {
        preconditions.require(precondition, () -> get(id));
        Topic topic = find(id);
        touchArticlesTaggedWith(topic.id);
        changes.changed(ResourceKind.TOPIC, id);
        SlugHistory.forget(Topic.class, List.of(id));
        topic.delete();
    }

    /** The topic a document names by slug or name (case-insensitive), created from the details when missing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Topic resolve(String reference, TopicInput detailsIfNew) {
        return NamedEntity.resolve(Topic.class, reference,
                ref -> insert(detailsIfNew != null ? detailsIfNew : new TopicInput(null, ref, null)));
    }

    private Topic insert(TopicInput input) {
        Topic topic = new Topic();
        apply(topic, input);
        topic.persistAndFlush();
        changes.changed(ResourceKind.TOPIC, topic.id);
        return topic;
    }

    /**
     * The topics with these ids, by id: for an article's own relation. Unknown ids are left out. The ones the write has
     * loaded already (an article's current topics) come from the session; the rest in one statement. (A query with an
     * id list was translated anew on every call: 5 % of an article write's CPU.)
     */
    public Map<Long, Topic> forArticle(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return Topic.getEntityManager().unwrap(Session.class)
                .findMultiple(Topic.class, List.copyOf(ids), SessionCheckMode.ENABLED).stream()
                .filter(Objects::nonNull).collect(Collectors.toMap(t -> t.id, t -> t));
    }

    private Topic find(long id) {
        return Topic.<Topic>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("topic", id));
    }

    private void apply(Topic topic, TopicInput input) {
        if (topic.rename(input.slug(), input.name())) {
            // Articles embed the topic's slug and name: they changed too, for sync clients and ETags.
            touchArticlesTaggedWith(topic.id);
        }
        topic.description = input.description();
    }

    private void touchArticlesTaggedWith(long topicId) {
        // Now, before a delete detaches them: the index drops the topic from these articles' documents.
        searchChanges.articlesNowIn(SearchChanges.Group.TOPIC, topicId);
        changes.changedNow(ContentChanges.Group.ARTICLES_OF_TOPIC, topicId);
        Topic.getEntityManager()
                .createQuery("update Article a set a.updatedAt = :now, a.version = a.version + 1"
                        + " where a.id in (select a2.id from Article a2 join a2.topics t where t.id = :topic)")
                .setParameter("now", TrackedEntity.now())
                .setParameter("topic", topicId)
                .executeUpdate();
    }
}
