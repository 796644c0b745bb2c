package com.digestapi.article;

import com.digestapi.changelog.ContentChanges;
import com.digestapi.changelog.ResourceKind;
import com.digestapi.persistence.SlugHistory;
import com.digestapi.search.SearchChanges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Reconciles an issue's articles with an imported document's, keeping the ids of the articles that match. */
@ApplicationScoped
public class ArticleImport {

    private final ArticleFields fields;
    private final IssueLineup lineup;
    private final SearchChanges searchChanges;
    private final ContentChanges changes;

    ArticleImport(ArticleFields fields, IssueLineup lineup, SearchChanges searchChanges, ContentChanges changes) {
        this.fields = fields;
        this.lineup = lineup;
        this.searchChanges = searchChanges;
        this.changes = changes;
    }

    /**
     * Makes an issue hold exactly these articles in this order: existing ones are matched by slug (the current one, or
     * one it had before a rename), else by headline (case-insensitive), and updated in place so their ids stay; the
     * rest are created; unmatched ones are deleted.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replaceContents(long issueId, List<ArticleContent> contents) {
        IssueKeys issue = lineup.lock(issueId, false);
        if (issue.published()) {
            // Readers count the issue's articles for their outlets and topics: the ones it held, and the ones it will.
            changes.changedNowAndAtEnd(ContentChanges.Group.OUTLETS_IN_ISSUE, issueId);
            changes.changedNowAndAtEnd(ContentChanges.Group.TOPICS_IN_ISSUE, issueId);
        }
        List<Article> existing = IssueLineup.articlesOf(issueId);
        // A document exported before an article was renamed names it by its old slug.
        Set<String> current = existing.stream().map(a -> a.slug).collect(Collectors.toSet());
        Map<String, Long> renamed = SlugHistory.owners(Article.class, contents.stream().map(ArticleContent::slug)
                .filter(slug -> slug != null && !current.contains(slug)).toList());
        List<Article> ordered = new ArrayList<>();
        for (ArticleContent content : contents) {
            Article match = existing.stream()
                    .filter(a -> content.slug() != null
                            ? a.slug.equals(content.slug()) || a.id.equals(renamed.get(content.slug()))
                            : a.headline.equalsIgnoreCase(content.headline().strip()))
                    .findFirst().orElse(null);
            if (match != null) {
                existing.remove(match);
            } else {
                match = new Article();
            }
            ordered.add(match);
        }
        List<Long> deleted = existing.stream().map(a -> a.id).toList();
        searchChanges.articles(deleted);
        changes.changed(ResourceKind.ARTICLE, deleted);
        SlugHistory.forget(Article.class, deleted);
        existing.forEach(Article::delete);
        Article.flush();
        for (int i = 0; i < contents.size(); i++) {
            Article article = ordered.get(i);
            article.placeIn(issue);
            fields.fill(article, contents.get(i));
            article.position = i + 1;
            if (article.id == null) {
                article.persist();
            }
            Article.flush();
        }
        lineup.touch(issueId);
        changes.changedAtEnd(ContentChanges.Group.ARTICLES_IN_ISSUE, issueId);
    }
}
