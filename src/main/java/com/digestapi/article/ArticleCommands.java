package com.digestapi.article;

import com.digestapi.activity.Recorded;
import com.digestapi.caching.ContentWrite;
import com.digestapi.changelog.ContentChanges;
import com.digestapi.changelog.ResourceKind;
import com.digestapi.caching.Precondition;
import com.digestapi.caching.Preconditions;
import com.digestapi.problem.ProblemException;
import com.digestapi.revision.Revisions;
import com.digestapi.web.Patch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Creates, changes, moves and deletes articles; owns their transactions and answers with the stored view. Each write
 * records the article's revision (its view before and after) in the same transaction.
 */
@ApplicationScoped
public class ArticleCommands {

    private final ArticleQueries queries;
    private final ArticleFields fields;
    private final IssueLineup lineup;
    private final Preconditions preconditions;
    private final ContentChanges changes;
    private final Revisions revisions;

    ArticleCommands(ArticleQueries queries, ArticleFields fields, IssueLineup lineup, Preconditions preconditions,
                    ContentChanges changes, Revisions revisions) {
        this.queries = queries;
        this.fields = fields;
        this.lineup = lineup;
        this.preconditions = preconditions;
        this.changes = changes;
        this.revisions = revisions;
    }

    @Transactional
    @Recorded
    @ContentWrite
    public ArticleView create(ArticleInput input) {
        if (input.issueId() == null) {
            throw ProblemException.invalid("issueId", "must not be null");
        }
        IssueKeys issue = lineup.lock(input.issueId(), true);
        Article article = new Article();
        article.placeIn(issue);
        fields.fill(article, fields.resolve(input));
        lineup.insert(issue, article, input.position());
        changes.changed(ResourceKind.ARTICLE, article.id);
        if (article.issuePublished) {
            countedBy(article.outlet.id, topicIds(article));
        }
        Article.flush();
        ArticleView created = queries.get(article.id);
        revisions.record(ResourceKind.ARTICLE, article.id, null, created);
        return created;
    }

    /** POST /issues/{id}/articles: the path names the issue, which must exist. */
    @Transactional
    @Recorded
    @ContentWrite
    public ArticleView createInIssue(long issueId, ArticleInput input) {
        lineup.lock(issueId, false);
        if (input.issueId() != null && input.issueId() != issueId) {
            throw ProblemException.invalid("issueId", "must be left out or equal the issue of the path (" + issueId + ")");
        }
        return create(input.withIssue(issueId));
    }

    @Transactional
    @Recorded
    @ContentWrite
    public ArticleView replace(long id, ArticleInput input, Precondition precondition) {
        lineup.lockIssueOf(id);
        ArticleView before = queries.get(id);
        preconditions.require(precondition, () -> before);
        ArticleView after = write(id, input);
        revisions.record(ResourceKind.ARTICLE, id, before, after);
        return after;
    }

    @Transactional
    @Recorded
    @ContentWrite
    public ArticleView patch(long id, Patch<ArticleInput> patch, Precondition precondition) {
        lineup.lockIssueOf(id);
        ArticleView view = queries.get(id);
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
        ArticleView after = write(id, merged);
        revisions.record(ResourceKind.ARTICLE, id, view, after);
        return after;
    }

    @Transactional
    @Recorded
    @ContentWrite
    public void delete(long id, Precondition precondition) {
        IssueKeys issue = lineup.lockIssueOf(id);
        ArticleView before = queries.get(id);
        preconditions.require(precondition, () -> before);
        Article article = find(id);
        changes.changed(ResourceKind.ARTICLE, id);
        if (article.issuePublished) {
            countedBy(article.outlet.id, topicIds(article));
        }
        lineup.remove(issue, article);
        revisions.record(ResourceKind.ARTICLE, id, before, null);
    }

    /** Stores the input over the article, moving it when its issue or position changes; its issue is locked. */
    private ArticleView write(long id, ArticleInput input) {
        Article article = find(id);
        boolean wasPublic = article.issuePublished;
        long outletBefore = article.outlet.id;
        Set<Long> topicsBefore = topicIds(article);
        IssueKeys current = lineup.keys(article.issueId);
        long targetId = input.issueId() == null ? current.id() : input.issueId();
        if (targetId == current.id()) {
            article.placeIn(current);
            fields.fill(article, fields.resolve(input));
            if (input.position() != null && input.position() != article.position) {
                lineup.reorder(current, article, input.position());
            }
        } else {
            // The article's own issue is locked already; two opposite moves at the same moment can deadlock, which
            // the database breaks by failing one of them (a 409 the client may retry).
            long first = Math.min(current.id(), targetId);
            long second = Math.max(current.id(), targetId);
            IssueKeys firstLocked = lineup.lock(first, first == targetId);
            IssueKeys secondLocked = lineup.lock(second, second == targetId);
            IssueKeys target = first == targetId ? firstLocked : secondLocked;
            fields.fill(article, fields.resolve(input));
            lineup.transfer(article, current, target, input.position());
        }
        lineup.touch(article.issueId, id);
        changes.changed(ResourceKind.ARTICLE, id);
        countsMoved(wasPublic, outletBefore, topicsBefore, article);
        Article.flush();
        // The flushed entity is the stored state; its quotes and topics are loaded already (fill compared them).
        return ArticleView.of(article, article.quotes.stream().map(QuoteBody::of).toList());
    }

    /**
     * The outlets and topics whose public article counts the write moved: all it had and has when it appeared to or
     * left readers, else the outlet left and joined and the topics removed and added.
     */
    private void countsMoved(boolean wasPublic, long outletBefore, Set<Long> topicsBefore, Article article) {
        Set<Long> topicsAfter = topicIds(article);
        Set<Long> topics = new HashSet<>(topicsBefore);
        topics.addAll(topicsAfter);
        if (wasPublic == article.issuePublished) {
            if (!wasPublic) {
                return;
            }
            Set<Long> kept = new HashSet<>(topicsBefore);
            kept.retainAll(topicsAfter);
            topics.removeAll(kept);
        }
        if (wasPublic != article.issuePublished || outletBefore != article.outlet.id) {
            changes.changed(ResourceKind.OUTLET, List.of(outletBefore, article.outlet.id));
        }
        changes.changed(ResourceKind.TOPIC, topics);
    }

    /** These outlet and topics count the article among their public articles, or did: their counts change. */
    private void countedBy(long outletId, Set<Long> topicIds) {
        changes.changed(ResourceKind.OUTLET, outletId);
        changes.changed(ResourceKind.TOPIC, topicIds);
    }

    private static Set<Long> topicIds(Article article) {
        Set<Long> ids = new HashSet<>();
        article.topics.forEach(topic -> ids.add(topic.id));
        return ids;
    }

    private static Article find(long id) {
        return Article.<Article>findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("article", id));
    }
}
