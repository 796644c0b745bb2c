package com.digestapi.issue;

import com.digestapi.activity.Recorded;
import com.digestapi.article.ArticleRevisions;
import com.digestapi.article.ArticleView;
import com.digestapi.caching.ContentWrite;
import com.digestapi.caching.Precondition;
import com.digestapi.caching.Preconditions;
import com.digestapi.changelog.ResourceKind;
import com.digestapi.listing.Page;
import com.digestapi.listing.PageRequest;
import com.digestapi.persistence.SlugHistory;
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
import java.time.ZoneOffset;
import java.util.List;
import org.hibernate.Session;

/**
 * An issue's revisions, and its restore from one: GET /issues/{id}/revisions, POST …/revisions/{n}/restore.
 *
 * <p>Restoring an issue that exists puts back its own fields (what PUT takes), under If-Match; its articles stay as
 * they are (each has revisions of its own). Restoring a deleted one, within {@code digest.revisions.restore-deleted-for},
 * brings it back with its id and the fields of that revision, and with the articles that were deleted with it, with
 * their ids and positions, as the deletion saw them. Both are content writes like a create, and the restore is itself
 * a revision (of the issue, and of each article that came back).
 */
@ApplicationScoped
public class IssueRevisions {

    private final Revisions revisions;
    private final IssueService issues;
    private final IssueRowLocks rowLocks;
    private final IssueHistory history;
    private final ArticleRevisions articles;
    private final Preconditions preconditions;
    private final ObjectReader reader;

    IssueRevisions(Revisions revisions, IssueService issues, IssueRowLocks rowLocks, IssueHistory history,
                   ArticleRevisions articles, Preconditions preconditions, ObjectMapper mapper) {
        this.revisions = revisions;
        this.issues = issues;
        this.rowLocks = rowLocks;
        this.history = history;
        this.articles = articles;
        this.preconditions = preconditions;
        // Stored data keeps the fields of its day: one the view no longer has is skipped, not refused.
        this.reader = mapper.readerFor(IssueDetail.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** A page of the issue's revisions; a 404 when the issue neither exists nor has any left. */
    public Page<IssueRevision> list(long id, PageRequest request) {
        Page<Revisions.Stored> page = revisions.list(ResourceKind.ISSUE, id, request);
        if (page.totalItems() == 0 && !exists(id)) {
            throw ProblemException.notFound("issue", id);
        }
        return page.map(IssueRevision::of);
    }

    public IssueRevision get(long id, long number) {
        return IssueRevision.of(revisions.require(ResourceKind.ISSUE, id, number));
    }

    /** Brings the issue back to its state before revision {@code number}: see the class comment. */
    @Transactional
    @Recorded
    @ContentWrite
    public IssueDetail restore(long id, long number, Precondition precondition) {
        return exists(id) ? restoreExisting(id, number, precondition) : restoreDeleted(id, number, precondition);
    }

    /** The same path as PUT, with the revision's fields; the revision it records is a restore. */
    private IssueDetail restoreExisting(long id, long number, Precondition precondition) {
        rowLocks.lock(id);
        Revisions.Stored revision = revisions.require(ResourceKind.ISSUE, id, number);
        preconditions.require(precondition, () -> issues.get(id));
        IssueDetail earlier = dataOf(id, revision);
        revisions.restoring(ResourceKind.ISSUE, id, number);
        return issues.replace(id, earlier.toInput(), Precondition.NONE);
    }

    /**
     * The same id with the revision's fields, through the write path of a create and a publication: its row comes back
     * as a draft, then takes the revision's fields (a published one is published, as by a PATCH of status, so its
     * articles appear to readers with it); then its articles come back.
     */
    private IssueDetail restoreDeleted(long id, long number, Precondition precondition) {
        Revisions.Stored deletion = revisions.deletion(ResourceKind.ISSUE, id);
        Revisions.Stored revision = revisions.require(ResourceKind.ISSUE, id, number);
        preconditions.requireAbsent(precondition, "issue " + id);
        IssueDetail earlier = dataOf(id, revision);
        List<ArticleView> deletedWith = deletion.data() == null ? List.of()
                : dataOf(id, deletion).articles();
        SlugHistory.claim(Issue.class, null, null, earlier.slug());
        insertDraft(id, earlier);
        Issue issue = Issue.<Issue>findByIdOptional(id).orElseThrow();
        issues.apply(issue, earlier.toInput());
        Issue.flush();
        articles.restoreWithIssue(issue.keys(), deletedWith);
        // Stored as it is answered: the flush stamps the issue's updatedAt.
        Issue.flush();
        IssueDetail restored = issues.get(id);
        revisions.restoring(ResourceKind.ISSUE, id, number);
        history.record(null, restored);
        return restored;
    }

    /** The issue's row, with its id and createdAt, as a draft: an entity with a generated id cannot be persisted with one. */
    private static void insertDraft(long id, IssueDetail earlier) {
        Issue.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("insert into issue (id, slug, title,"
                    + " published_on, intro, status, created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
                insert.setLong(1, id);
                insert.setString(2, earlier.slug());
                insert.setString(3, earlier.title());
                insert.setObject(4, earlier.publishedOn());
                insert.setString(5, earlier.intro());
                insert.setString(6, IssueStatus.DRAFT.name());
                insert.setObject(7, earlier.createdAt().atOffset(ZoneOffset.UTC));
                insert.setObject(8, TrackedEntity.now().atOffset(ZoneOffset.UTC));
                insert.executeUpdate();
            }
        });
    }

    private IssueDetail dataOf(long id, Revisions.Stored revision) {
        if (revision.data() == null) {
            throw ProblemException.conflict("revision " + revision.number() + " of issue " + id + " ("
                    + revision.action() + ") has no earlier state: the issue did not exist before it; restore a later"
                    + " revision");
        }
        try {
            return reader.readValue(revision.data());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("revision " + revision.number() + " of issue " + id + " is unreadable", e);
        }
    }

    private static boolean exists(long id) {
        return Issue.count("id", id) > 0;
    }
}
