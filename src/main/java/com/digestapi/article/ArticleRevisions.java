package com.digestapi.article;

import com.digestapi.activity.Recorded;
import com.digestapi.caching.ContentWrite;
import com.digestapi.caching.Precondition;
import com.digestapi.caching.Preconditions;
import com.digestapi.changelog.ContentChanges;
import com.digestapi.changelog.ResourceKind;
import com.digestapi.listing.Page;
import com.digestapi.listing.PageRequest;
import com.digestapi.persistence.TrackedEntity;
import com.digestapi.problem.ProblemException;
import com.digestapi.revision.Revisions;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;

/**
 * An article's revisions, and its restore from one: GET /articles/{id}/revisions, POST …/revisions/{n}/restore.
 *
 * <p>Restoring an article that exists is a replace with the revision's data (its issue and position included), under
 * If-Match. Restoring a deleted one, within {@code digest.revisions.restore-deleted-for}, brings it back with its id,
 * into its issue at its old position when the issue still has that many places (the articles from there on move down
 * one), else at the end. Both are content writes like a create: the change log, the search index and the read cache
 * follow, and the restore is itself a revision. A restore recreates nothing: when the issue, outlet or a topic the
 * revision names is gone, it is a 409 and nothing changes.
 */
@ApplicationScoped
public class ArticleRevisions {

    private static final String INSERT_ARTICLE = "insert into article (id, slug, issue_id, position, headline, outlet_id,"
            + " published_on, author, original_url, summary, issue_published, issue_published_on, created_at,"
            + " updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)";
    private static final String INSERT_QUOTE = "insert into article_quote (article_id, position, text, attribution)"
            + " values (?, ?, ?, ?)";
    private static final String INSERT_TOPIC = "insert into article_topic (article_id, topic_id) values (?, ?)";

    private final Revisions revisions;
    private final ArticleQueries queries;
    private final ArticleCommands commands;
    private final ArticleFields fields;
    private final IssueLineup lineup;
    private final Preconditions preconditions;
    private final ContentChanges changes;
    private final ObjectReader reader;

    ArticleRevisions(Revisions revisions, ArticleQueries queries, ArticleCommands commands, ArticleFields fields,
                     IssueLineup lineup, Preconditions preconditions, ContentChanges changes, ObjectMapper mapper) {
        this.revisions = revisions;
        this.queries = queries;
        this.commands = commands;
        this.fields = fields;
        this.lineup = lineup;
        this.preconditions = preconditions;
        this.changes = changes;
        // Stored data keeps the fields of its day: one the view no longer has is skipped, not refused.
        this.reader = mapper.readerFor(ArticleView.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** A page of the article's revisions; a 404 when the article neither exists nor has any left. */
    public Page<ArticleRevision> list(long id, PageRequest request) {
        Page<Revisions.Stored> page = revisions.list(ResourceKind.ARTICLE, id, request);
        if (page.totalItems() == 0 && !exists(id)) {
            throw ProblemException.notFound("article", id);
        }
        return page.map(ArticleRevision::of);
    }

    public ArticleRevision get(long id, long number) {
        return ArticleRevision.of(revisions.require(ResourceKind.ARTICLE, id, number));
    }

    /** Brings the article back to its state before revision {@code number}: see the class comment. */
    @Transactional
    @Recorded
    @ContentWrite
    public ArticleView restore(long id, long number, Precondition precondition) {
        return exists(id) ? restoreExisting(id, number, precondition) : restoreDeleted(id, number, precondition);
    }

    /** The same path as PUT, with the revision's data; the revision it records is a restore. */
    private ArticleView restoreExisting(long id, long number, Precondition precondition) {
        IssueKeys current = lineup.lockIssueOf(id);
        Revisions.Stored revision = revisions.require(ResourceKind.ARTICLE, id, number);
        preconditions.require(precondition, () -> queries.get(id));
        ArticleView earlier = dataOf(id, revision);
        fields.requireStillExisting(List.of(earlier));
        boolean sameIssue = earlier.issueId() == current.id();
        if (!sameIssue) {
            lineup.lockIfPresent(earlier.issueId()).orElseThrow(() -> issueGone(id, earlier.issueId()));
        }
        // Its old place, or the end when the issue has fewer places now.
        long places = Article.countInIssue(earlier.issueId()) + (sameIssue ? 0 : 1);
        ArticleInput input = earlier.toInput();
        input = new ArticleInput(input.slug(), input.issueId(), (int) Math.min(earlier.position(), places),
                input.headline(), input.outletId(), input.publishedOn(), input.author(), input.originalUrl(),
                input.summary(), input.quotes(), input.topicIds());
        revisions.restoring(ResourceKind.ARTICLE, id, number);
        return commands.replace(id, input, Precondition.NONE);
    }

    /** The same id back in its issue, as a create would put it there. */
    private ArticleView restoreDeleted(long id, long number, Precondition precondition) {
        revisions.deletion(ResourceKind.ARTICLE, id);
        Revisions.Stored revision = revisions.require(ResourceKind.ARTICLE, id, number);
        preconditions.requireAbsent(precondition, "article " + id);
        ArticleView earlier = dataOf(id, revision);
        IssueKeys issue = lineup.lockIfPresent(earlier.issueId()).orElseThrow(() -> issueGone(id, earlier.issueId()));
        if (exists(id)) {
            throw ProblemException.conflict("article " + id + " was restored by another request meanwhile");
        }
        fields.requireStillExisting(List.of(earlier));
        ArticleFields.requireFreeSlugs(List.of(earlier));
        long count = Article.countInIssue(issue.id());
        IssueLineup.requireRoom(issue.id(), count);
        insert(issue, List.of(earlier), List.of((int) count + 1));
        if (earlier.position() <= count) {
            lineup.reorder(issue, Article.findById(id), earlier.position());
        }
        changes.changed(ResourceKind.ARTICLE, id);
        if (issue.published()) {
            changes.changed(ResourceKind.OUTLET, earlier.outlet().id());
            changes.changed(ResourceKind.TOPIC, earlier.topics().stream().map(ArticleView.Ref::id).toList());
        }
        lineup.touch(issue.id());
        Article.flush();
        ArticleView restored = queries.get(id);
        revisions.restoring(ResourceKind.ARTICLE, id, number);
        revisions.record(ResourceKind.ARTICLE, id, null, restored);
        return restored;
    }

    /**
     * Brings back the articles deleted with their issue, which is back itself (locked, and empty): with their ids, at
     * their positions, as the issue's deletion saw them. Their revisions are restores of the revisions that recorded
     * their deletion. The issue's own write names what readers see change (its articles, when it is published).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void restoreWithIssue(IssueKeys issue, List<ArticleView> articles) {
        if (articles.isEmpty()) {
            return;
        }
        fields.requireStillExisting(articles);
        ArticleFields.requireFreeSlugs(articles);
        insert(issue, articles, articles.stream().map(ArticleView::position).toList());
        Map<Long, Long> deletions = revisions.latestNumbers(ResourceKind.ARTICLE,
                articles.stream().map(ArticleView::id).toList());
        deletions.forEach((article, deletion) -> revisions.restoring(ResourceKind.ARTICLE, article, deletion));
        lineup.touch(issue.id());
    }

    /**
     * Inserts the rows of articles that come back with their ids (an entity with a generated id cannot be persisted
     * with one), their quotes and topics: three batched statements. createdAt stays what it was.
     */
    private static void insert(IssueKeys issue, List<ArticleView> articles, List<Integer> positions) {
        Article.flush();
        Instant now = TrackedEntity.now();
        Article.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement rows = connection.prepareStatement(INSERT_ARTICLE);
                 PreparedStatement quotes = connection.prepareStatement(INSERT_QUOTE);
                 PreparedStatement topics = connection.prepareStatement(INSERT_TOPIC)) {
                int quoteCount = 0;
                int topicCount = 0;
                for (int i = 0; i < articles.size(); i++) {
                    ArticleView article = articles.get(i);
                    rows.setLong(1, article.id());
                    rows.setString(2, article.slug());
                    rows.setLong(3, issue.id());
                    rows.setInt(4, positions.get(i));
                    rows.setString(5, article.headline());
                    rows.setLong(6, article.outlet().id());
                    rows.setObject(7, article.publishedOn());
                    rows.setString(8, article.author());
                    rows.setString(9, article.originalUrl());
                    rows.setString(10, article.summary());
                    rows.setBoolean(11, issue.published());
                    rows.setObject(12, issue.publishedOn());
                    rows.setObject(13, article.createdAt().atOffset(ZoneOffset.UTC));
                    rows.setObject(14, now.atOffset(ZoneOffset.UTC));
                    rows.addBatch();
                    for (int q = 0; q < article.quotes().size(); q++) {
                        quotes.setLong(1, article.id());
                        quotes.setInt(2, q);
                        quotes.setString(3, article.quotes().get(q).text());
                        quotes.setString(4, article.quotes().get(q).attribution());
                        quotes.addBatch();
                        quoteCount++;
                    }
                    for (ArticleView.Ref topic : article.topics()) {
                        topics.setLong(1, article.id());
                        topics.setLong(2, topic.id());
                        topics.addBatch();
                        topicCount++;
                    }
                }
                rows.executeBatch();
                if (quoteCount > 0) {
                    quotes.executeBatch();
                }
                if (topicCount > 0) {
                    topics.executeBatch();
                }
            }
        });
    }

    private ArticleView dataOf(long id, Revisions.Stored revision) {
        if (revision.data() == null) {
            throw ProblemException.conflict("revision " + revision.number() + " of article " + id + " ("
                    + revision.action() + ") has no earlier state: the article did not exist before it; restore a"
                    + " later revision");
        }
        try {
            return reader.readValue(revision.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("revision " + revision.number() + " of article " + id + " is unreadable", e);
        }
    }

    private static ProblemException issueGone(long id, long issueId) {
        return ProblemException.conflict("article " + id + " belonged to issue " + issueId + ", deleted since; a"
                + " restore recreates nothing, so nothing was restored: restore the issue first (its restore brings"
                + " back the articles deleted with it), or restore a revision of the article in an issue that exists");
    }

    private static boolean exists(long id) {
        return Article.count("id", id) > 0;
    }
}
