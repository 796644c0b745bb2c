package com.digestapi.issue;

import com.digestapi.article.ArticleView;
import com.digestapi.changelog.ResourceKind;
import com.digestapi.revision.Revisions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Records the revisions of a write of an issue, in its transaction: the issue's own, and one for each of its articles
 * the write created, changed or deleted (an import; a delete, whose articles go with the issue; a restore, whose
 * articles come back with it). All in one call of {@link Revisions#record}, so in a bounded number of statements.
 */
@ApplicationScoped
public class IssueHistory {

    private final Revisions revisions;

    IssueHistory(Revisions revisions) {
        this.revisions = revisions;
    }

    /** @param before the editor's view before the write, null for a create; after: null for a delete */
    void record(IssueDetail before, IssueDetail after) {
        long id = before != null ? before.id() : after.id();
        List<Revisions.Change> changes = new ArrayList<>();
        changes.add(new Revisions.Change(ResourceKind.ISSUE, id, before, after));
        Map<Long, ArticleView> was = byId(before);
        Map<Long, ArticleView> is = byId(after);
        Set<Long> articles = new LinkedHashSet<>(was.keySet());
        articles.addAll(is.keySet());
        for (Long article : articles) {
            if (!Objects.equals(was.get(article), is.get(article))) {
                changes.add(new Revisions.Change(ResourceKind.ARTICLE, article, was.get(article), is.get(article)));
            }
        }
        revisions.record(changes);
    }

    private static Map<Long, ArticleView> byId(IssueDetail issue) {
        Map<Long, ArticleView> articles = new LinkedHashMap<>();
        if (issue != null) {
            issue.articles().forEach(article -> articles.put(article.id(), article));
        }
        return articles;
    }
}
