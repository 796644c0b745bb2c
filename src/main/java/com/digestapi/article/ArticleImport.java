package com.digestapi.article;

import com.digestapi.search.SearchChanges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;

/** Reconciles an issue's articles with an imported document's, keeping the ids of the articles that match. */
@ApplicationScoped
public class ArticleImport {

    private final ArticleFields fields;
    private final IssueLineup lineup;
    private final SearchChanges searchChanges;

    ArticleImport(ArticleFields fields, IssueLineup lineup, SearchChanges searchChanges) {
        this.fields = fields;
        this.lineup = lineup;
        this.searchChanges = searchChanges;
    }

    /**
     * Makes an issue hold exactly these articles in this order: existing ones are matched by slug, else by headline
     * (case-insensitive), and updated in place so their ids stay; the rest are created; unmatched ones are deleted.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void replaceContents(long issueId, List<ArticleContent> contents) {
        IssueKeys issue = lineup.lock(issueId, false);
        List<Article> existing = IssueLineup.articlesOf(issueId);
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
        searchChanges.articles(existing.stream().map(a -> a.id).toList());
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
    }
}
