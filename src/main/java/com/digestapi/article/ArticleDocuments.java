package com.digestapi.article;

import com.digestapi.search.DocumentSource;
import com.digestapi.search.SearchDocument;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Articles as the search index holds them, read for its writer thread, drafts included (the index filters them). */
@ApplicationScoped
public class ArticleDocuments implements DocumentSource {

    @Override
    @Transactional
    public List<SearchDocument> documents(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        List<Article> articles = Article.getEntityManager()
                .createQuery(ArticleQueries.FETCH + " where a.id in :ids", Article.class)
                .setParameter("ids", ids).getResultList();
        Map<Long, List<QuoteBody>> quotes = ArticleQueries.quotes(ids);
        return articles.stream().map(a -> document(a, quotes.getOrDefault(a.id, List.of()))).toList();
    }

    @Override
    @Transactional
    public List<Long> idsAfter(long afterId, int limit) {
        return Article.getEntityManager()
                .createQuery("select a.id from Article a where a.id > :after order by a.id", Long.class)
                .setParameter("after", afterId).setMaxResults(limit).getResultList();
    }

    @Override
    @Transactional
    public long count() {
        return Article.count();
    }

    private static SearchDocument document(Article a, List<QuoteBody> quotes) {
        List<ArticleView.Ref> topics = a.topics.stream().map(ArticleView.Ref::of)
                .sorted(Comparator.comparing(ArticleView.Ref::slug)).toList();
        return new SearchDocument(a.id, a.slug, a.headline, a.summary, quotes.stream().map(QuoteBody::text).toList(),
                a.author, a.outlet.slug, a.outlet.name, topics.stream().map(ArticleView.Ref::slug).toList(),
                topics.stream().map(ArticleView.Ref::name).toList(), a.issueId, a.position, a.issuePublished,
                a.publishedOn, a.createdAt, a.updatedAt);
    }
}
