package com.digestapi.article;

import com.digestapi.changelog.ContentChanges;
import com.digestapi.changelog.ResourceKind;
import com.digestapi.persistence.SlugHistory;
import com.digestapi.persistence.TrackedEntity;
import com.digestapi.problem.ProblemException;
import com.digestapi.search.SearchChanges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The articles of one issue in their order: keeps positions 1..n without gaps as articles are inserted, moved and
 * removed, under a lock of the issue's row so that concurrent writers of one issue take turns; and keeps the copies of
 * the issue's status and date that its articles carry. Runs inside the caller's transaction.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class IssueLineup {

    /** How many articles one issue holds at most, so that an issue with its articles is one bounded answer. */
    public static final int MAX_ARTICLES = 500;

    private final IssueLocks issues;
    private final SearchChanges searchChanges;
    private final ContentChanges changes;

    IssueLineup(IssueLocks issues, SearchChanges searchChanges, ContentChanges changes) {
        this.issues = issues;
        this.searchChanges = searchChanges;
        this.changes = changes;
    }

    /** Locks the issue; a missing one is a 400 on the body's issueId, or a 404 when the path names it. */
    IssueKeys lock(long issueId, boolean referencedByBody) {
        return issues.lock(issueId).orElseThrow(() -> referencedByBody
                ? ProblemException.invalid("issueId", "refers to no issue (" + issueId + ")")
                : ProblemException.notFound("issue", issueId));
    }

    /**
     * Locks the issue of an article before the article is read, so that a write reads the state the previous writer
     * committed and merges onto it, instead of failing (or losing an update) on a stale copy.
     */
    IssueKeys lockIssueOf(long articleId) {
        Long issueId = Article.getEntityManager().createQuery("select a.issueId from Article a where a.id = :id", Long.class)
                .setParameter("id", articleId).getResultStream().findFirst()
                .orElseThrow(() -> ProblemException.notFound("article", articleId));
        return lock(issueId, false);
    }

    /** Locks the issue when it exists (a restore checks whether the one it needs is still there). */
    Optional<IssueKeys> lockIfPresent(long issueId) {
        return issues.lock(issueId);
    }

    IssueKeys keys(long issueId) {
        return issues.keys(issueId);
    }

    /** Puts a new article at the requested position of its locked issue (the end when none), and persists it. */
    void insert(IssueKeys issue, Article article, Integer requested) {
        if (requested == null) {
            // Positions are 1..n under the issue's lock: appending moves no sibling, so none is loaded (and flushed).
            long count = Article.countInIssue(issue.id());
            requireRoom(issue.id(), count);
            article.position = (int) count + 1;
            article.persist();
            touch(issue.id(), article.id);
            return;
        }
        List<Article> siblings = articlesOf(issue.id());
        requireRoom(issue.id(), siblings);
        int position = positionWithin(requested, siblings.size() + 1, siblings.size() + 1);
        siblings.add(position - 1, article);
        renumber(siblings);
        article.persist();
        touch(issue.id(), article.id);
    }

    /** Moves an article to another position of its own issue. */
    void reorder(IssueKeys issue, Article article, int requested) {
        List<Article> siblings = articlesOf(issue.id());
        int position = positionWithin(requested, siblings.size(), article.position);
        siblings.remove(article);
        siblings.add(position - 1, article);
        renumber(siblings);
    }

    /** Moves an article out of its issue into another, at the requested position (the end when none). */
    void transfer(Article article, IssueKeys from, IssueKeys to, Integer requested) {
        List<Article> joined = articlesOf(to.id());
        requireRoom(to.id(), joined);
        List<Article> left = articlesOf(from.id());
        left.remove(article);
        renumber(left);
        touch(from.id(), article.id);
        int position = positionWithin(requested, joined.size() + 1, joined.size() + 1);
        article.placeIn(to);
        joined.add(position - 1, article);
        renumber(joined);
    }

    /** Deletes an article; the ones after it move up. */
    void remove(IssueKeys issue, Article article) {
        List<Article> siblings = articlesOf(issue.id());
        siblings.remove(article);
        searchChanges.articles(List.of(article.id));
        SlugHistory.forget(Article.class, List.of(article.id));
        article.delete();
        renumber(siblings);
        touch(issue.id(), article.id);
    }

    /**
     * The issue changed through any of its articles (an import, a restore): its updatedAt moves, and all its articles'
     * search documents are redone.
     */
    void touch(long issueId) {
        issues.touch(issueId);
        searchChanges.articlesOf(SearchChanges.Group.ISSUE, issueId);
        changes.changed(ResourceKind.ISSUE, issueId);
    }

    /**
     * The issue changed through one article: its updatedAt moves, and that article's search document is redone. The
     * siblings' documents change only when their position does, and {@link #renumber} names those; redoing the whole
     * issue made every article write index (and copy list keys for) all fifty or so of its siblings.
     */
    void touch(long issueId, long articleId) {
        issues.touch(issueId);
        searchChanges.articles(List.of(articleId));
        changes.changed(ResourceKind.ISSUE, issueId);
    }

    /**
     * After an issue's status or date changed: the copies its articles carry for lists and feeds, in one statement.
     * Articles that appear to (or vanish from) readers get a new updatedAt, so partners syncing with updatedSince pick up
     * a newly published issue; their version stays, as their representation (and ETag) is unchanged.
     */
    public void issueChanged(IssueKeys issue) {
        Article.getEntityManager()
                .createQuery("update Article a set a.issuePublished = :published, a.issuePublishedOn = :publishedOn,"
                        + " a.updatedAt = case when a.issuePublished <> :published then :now else a.updatedAt end"
                        + " where a.issueId = :issue")
                .setParameter("published", issue.published())
                .setParameter("now", TrackedEntity.now())
                .setParameter("publishedOn", issue.publishedOn())
                .setParameter("issue", issue.id())
                .executeUpdate();
        searchChanges.articlesOf(SearchChanges.Group.ISSUE, issue.id());
    }

    /**
     * Before an issue is deleted, with its articles (by the database): they leave the search index and readers, and
     * their old slugs are free again.
     */
    public void issueDeleting(long issueId) {
        searchChanges.articlesNowIn(SearchChanges.Group.ISSUE, issueId);
        changes.changedNow(ContentChanges.Group.ARTICLES_IN_ISSUE, issueId);
        SlugHistory.forget(Article.class, Article.getEntityManager()
                .createQuery("select a.id from Article a where a.issueId = :issue", Long.class)
                .setParameter("issue", issueId).getResultList());
    }

    static List<Article> articlesOf(long issueId) {
        return new ArrayList<>(Article.<Article>list("issueId = ?1 order by position", issueId));
    }

    /** Positions 1..n in this order; the articles whose position moved changed for readers and in search too. */
    private void renumber(List<Article> ordered) {
        List<Long> moved = new ArrayList<>();
        for (int i = 0; i < ordered.size(); i++) {
            Article article = ordered.get(i);
            if (article.position != i + 1) {
                article.position = i + 1;
                if (article.id != null) {
                    moved.add(article.id);
                }
            }
        }
        changes.changed(ResourceKind.ARTICLE, moved);
        searchChanges.articles(moved);
    }

    private static void requireRoom(long issueId, List<Article> articles) {
        requireRoom(issueId, articles.size());
    }

    /** A 409 when the issue holds as many articles as an issue may. */
    static void requireRoom(long issueId, long articles) {
        if (articles >= MAX_ARTICLES) {
            throw ProblemException.conflict("issue " + issueId + " holds " + MAX_ARTICLES + " articles, the most an issue"
                    + " may hold; remove or move one first");
        }
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
}
