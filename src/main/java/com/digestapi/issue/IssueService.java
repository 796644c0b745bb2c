package com.digestapi.issue;

import com.digestapi.activity.ActivityLog;
import com.digestapi.activity.Recorded;
import com.digestapi.article.ArticleFilter;
import com.digestapi.article.ArticleQueries;
import com.digestapi.article.ArticleView;
import com.digestapi.article.IssueLineup;
import com.digestapi.caching.ContentWrite;
import com.digestapi.caching.Precondition;
import com.digestapi.caching.Preconditions;
import com.digestapi.changelog.ContentChanges;
import com.digestapi.changelog.ResourceKind;
import com.digestapi.listing.ListQuery;
import com.digestapi.listing.Page;
import com.digestapi.listing.PageRequest;
import com.digestapi.listing.SortFields;
import com.digestapi.persistence.SlugHistory;
import com.digestapi.persistence.Slugs;
import com.digestapi.persistence.TrackedEntity;
import com.digestapi.problem.ProblemException;
import com.digestapi.security.Viewer;
import com.digestapi.web.Patch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** Reads and writes issues; owns their transactions. Each write records its revisions ({@link IssueHistory}). */
@ApplicationScoped
public class IssueService {

    public static final SortFields SORT = SortFields.of("i", "-publishedOn",
            "id", "slug", "title", "publishedOn", "createdAt", "updatedAt");
    /** The latest publishAt: dates stay within years 1..9999 (web.PortableValues). */
    static final Instant LATEST_PUBLISH_AT = Instant.parse("9999-12-31T23:59:59.999999Z");
    private static final String WITH_ARTICLE_COUNT = "select i, (select count(a) from Article a where a.issueId = i.id)";

    private final ArticleQueries articles;
    private final IssueLineup lineup;
    private final Viewer viewer;
    private final Preconditions preconditions;
    private final IssueRowLocks rowLocks;
    private final ContentChanges changes;
    private final IssueHistory history;
    private final ActivityLog activity;

    IssueService(ArticleQueries articles, IssueLineup lineup, Viewer viewer, Preconditions preconditions,
                 IssueRowLocks rowLocks, ContentChanges changes, IssueHistory history, ActivityLog activity) {
        this.articles = articles;
        this.lineup = lineup;
        this.viewer = viewer;
        this.preconditions = preconditions;
        this.rowLocks = rowLocks;
        this.changes = changes;
        this.history = history;
        this.activity = activity;
    }

    public Page<IssueView> list(IssueFilter filter, PageRequest request) {
        return ListQuery.of("Issue", "i").ofContent().select(WITH_ARTICLE_COUNT)
                .where("(lower(i.title) like :q" + ListQuery.ESCAPE + " or lower(i.intro) like :q" + ListQuery.ESCAPE + ")",
                        "q", ListQuery.containing(filter.q()))
                .where("i.status = :status", "status", filter.status())
                .where("i.status = :visible", "visible", viewer.seesDrafts() ? null : IssueStatus.PUBLISHED)
                .where("i.publishedOn >= :from", "from", filter.from())
                .where("i.publishedOn <= :to", "to", filter.to())
                .where("i.updatedAt >= :updatedSince", "updatedSince", filter.updatedSince())
                .page(request, Object[].class)
                .map(row -> IssueView.of((Issue) row[0], (Long) row[1]));
    }

    /** The published issues among these ids as readers see them, whoever asks: in id order, in one statement. */
    public List<IssueView> publicViews(Collection<Long> ids) {
        return ids.isEmpty() ? List.of() : published("i.id in :ids", "ids", ids, Integer.MAX_VALUE);
    }

    /** At most {@code limit} published issues with ids above this one, in id order, as readers see them. */
    public List<IssueView> publicViewsAfter(long afterId, int limit) {
        return published("i.id > :after", "after", afterId, limit);
    }

    private List<IssueView> published(String condition, String name, Object value, int limit) {
        return Issue.getEntityManager()
                .createQuery(WITH_ARTICLE_COUNT + " from Issue i where i.status = :published and " + condition
                        + " order by i.id", Object[].class)
                .setParameter("published", IssueStatus.PUBLISHED)
                .setParameter(name, value)
                .setMaxResults(limit)
                .getResultStream()
                .map(row -> IssueView.of((Issue) row[0], (Long) row[1]))
                .toList();
    }

    /** The issue with its articles in position order, in three statements. */
    public IssueDetail get(long id) {
        Issue issue = find(id);
        return IssueDetail.of(issue, articles.inIssue(id));
    }

    /**
     * The issue this slug names, now or before a rename, if this viewer may see it: a draft is as absent to readers as
     * a missing issue, under any of its slugs. One statement.
     */
    public Optional<SlugHistory.Match> bySlug(String slug) {
        return SlugHistory.find(Issue.class, slug,
                viewer.seesDrafts() ? null : "e.status = " + IssueStatus.class.getName() + "." + IssueStatus.PUBLISHED);
    }

    /** GET /issues/{id}/articles: a page of the issue's articles, if the viewer may see the issue. */
    public Page<ArticleView> articlesOf(long issueId, ArticleFilter filter, PageRequest request) {
        find(issueId);
        return articles.list(filter, request);
    }

    @Transactional
    @Recorded
    @ContentWrite
    public IssueDetail create(IssueInput input) {
        Issue issue = new Issue();
        apply(issue, input);
        issue.persistAndFlush();
        changes.changed(ResourceKind.ISSUE, issue.id);
        IssueDetail created = IssueDetail.of(issue, List.of());
        history.record(null, created);
        return created;
    }

    @Transactional
    @Recorded
    @ContentWrite
    public IssueDetail replace(long id, IssueInput input, Precondition precondition) {
        IssueDetail before = lockedBefore(id);
        preconditions.require(precondition, () -> before);
        return write(find(id), input, before);
    }

    @Transactional
    @Recorded
    @ContentWrite
    public IssueDetail patch(long id, Patch<IssueInput> patch, Precondition precondition) {
        IssueDetail current = lockedBefore(id);
        preconditions.require(precondition, () -> current);
        IssueInput merged = patch.applyTo(current.toInput());
        if (merged.status() != IssueStatus.SCHEDULED && !patch.names("publishAt")) {
            // Out of SCHEDULED (published now, or back to a draft): the instant it waited for goes with it.
            merged = merged.withPublishAt(null);
        }
        return write(find(id), merged, current);
    }

    /**
     * Locks the issue and reads the editor's view of it before a write, leaving nothing of it in the persistence
     * context: a change of status or date then updates its articles' copies in bulk, which entities loaded here would
     * not see (the answer would show their old updatedAt). The row lock belongs to the transaction.
     */
    IssueDetail lockedBefore(long id) {
        lock(id);
        IssueDetail view = get(id);
        Issue.getEntityManager().clear();
        return view;
    }

    private IssueDetail write(Issue issue, IssueInput input, IssueDetail before) {
        apply(issue, input);
        Issue.flush();
        IssueDetail after = get(issue.id);
        history.record(before, after);
        if (before.status() != after.status()) {
            // Who published or withdrew an issue is what the activity log is most often asked.
            if (after.status() == IssueStatus.PUBLISHED) {
                activity.actionIs("issue.publish");
            } else if (before.status() == IssueStatus.PUBLISHED) {
                activity.actionIs("issue.unpublish");
            }
        }
        return after;
    }

    /** Deletes the issue; the database deletes its articles with it. */
    @Transactional
    @Recorded
    @ContentWrite
    public void delete(long id, Precondition precondition) {
        lock(id);
        IssueDetail before = get(id);
        preconditions.require(precondition, () -> before);
        // The check loaded the articles, which the database deletes with the issue: forget them first. The row lock
        // belongs to the transaction, so the issue read again is still the one the check saw.
        Issue.getEntityManager().clear();
        lineup.issueDeleting(id);
        Issue issue = find(id);
        SlugHistory.forget(Issue.class, List.of(id));
        changes.changed(ResourceKind.ISSUE, id);
        if (issue.status == IssueStatus.PUBLISHED) {
            // Its articles leave the public counts of their outlets and topics.
            changes.changedNow(ContentChanges.Group.OUTLETS_IN_ISSUE, id);
            changes.changedNow(ContentChanges.Group.TOPICS_IN_ISSUE, id);
        }
        issue.delete();
        history.record(before, null);
    }

    /**
     * Locks the issue's row until the transaction ends, before its If-Match is checked: a concurrent writer of the
     * issue or of its articles (which lock the same row) then waits, so the write applies to the state it checked.
     */
    private Issue lock(long id) {
        rowLocks.lock(id);
        return find(id);
    }

    /** The issue, if this viewer may see it: a draft is as absent as a missing issue to readers. */
    Issue find(long id) {
        return Issue.<Issue>findByIdOptional(id)
                .filter(issue -> issue.status == IssueStatus.PUBLISHED || viewer.seesDrafts())
                .orElseThrow(() -> ProblemException.notFound("issue", id));
    }

    /**
     * The publishAt the issue will have: required with SCHEDULED and refused with any other status; when it is set or
     * changed it must lie ahead. An unchanged one may have passed (the scheduler is about to publish the issue), so that
     * an edit of a due issue's other fields is not refused for a time the editor did not touch.
     */
    private static Instant publishAt(Issue issue, IssueStatus status, Instant requested) {
        if (status != IssueStatus.SCHEDULED) {
            if (requested != null) {
                throw ProblemException.invalid("publishAt", "is only for status SCHEDULED; leave it out (or null) with"
                        + " status " + status);
            }
            return null;
        }
        if (requested == null) {
            throw ProblemException.invalid("publishAt", "is required with status SCHEDULED: when to publish the issue");
        }
        Instant at = requested.truncatedTo(ChronoUnit.MICROS);
        if (!at.equals(issue.publishAt)) {
            Instant now = TrackedEntity.now();
            if (!at.isAfter(now)) {
                throw ProblemException.invalid("publishAt", "must be in the future (it is " + now + " now); to publish"
                        + " at once, set status PUBLISHED");
            }
            if (at.isAfter(LATEST_PUBLISH_AT)) {
                throw ProblemException.invalid("publishAt", "must be at most " + LATEST_PUBLISH_AT);
            }
        }
        return at;
    }

    /** The slug an issue gets when none is given: title and date, since weekly issues often share a title. */
    static String slugFor(String title, java.time.LocalDate publishedOn) {
        return Slugs.slugify(title + " " + publishedOn, "issue");
    }

    void apply(Issue issue, IssueInput input) {
        String slug = input.slug() != null ? input.slug()
                : issue.slug != null ? issue.slug : Slugs.unique(Issue.class, slugFor(input.title(), input.publishedOn()));
        SlugHistory.claim(Issue.class, issue.id, issue.slug, slug);
        IssueStatus status = input.status() == null ? IssueStatus.DRAFT : input.status();
        Instant publishAt = publishAt(issue, status, input.publishAt());
        // Readers see PUBLISHED issues only: DRAFT and SCHEDULED look the same to them (and to the articles' copies).
        boolean statusChange = issue.id != null
                && (status == IssueStatus.PUBLISHED) != (issue.status == IssueStatus.PUBLISHED);
        boolean listKeysChange = statusChange || issue.id != null && !input.publishedOn().equals(issue.publishedOn);
        issue.slug = slug;
        issue.title = input.title().strip();
        issue.publishedOn = input.publishedOn();
        issue.intro = input.intro() == null || input.intro().isBlank() ? null : input.intro().strip();
        issue.status = status;
        issue.publishAt = publishAt;
        if (listKeysChange) {
            // Its articles carry copies of status and date for lists and feeds; they change in the same transaction.
            lineup.issueChanged(issue.keys());
        }
        if (issue.id != null) {
            changes.changed(ResourceKind.ISSUE, issue.id);
        }
        if (statusChange) {
            // Its articles appear to readers or leave them, and so do they in their outlets' and topics' counts.
            changes.changedAtEnd(ContentChanges.Group.ARTICLES_IN_ISSUE, issue.id);
            changes.changedNowAndAtEnd(ContentChanges.Group.OUTLETS_IN_ISSUE, issue.id);
            changes.changedNowAndAtEnd(ContentChanges.Group.TOPICS_IN_ISSUE, issue.id);
        }
    }
}
