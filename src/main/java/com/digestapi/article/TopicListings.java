package com.digestapi.article;

import com.digestapi.search.SearchChanges;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps the copies of the list keys on article_topic (see {@link TopicListing}) equal to their article's: every write
 * reports the articles it changed to the search index's change set, and when the write ends that set comes here, after
 * the write is flushed and in its transaction. One statement per 500 changed articles.
 */
@ApplicationScoped
class TopicListings {

    private static final int CHUNK = 500;
    /**
     * Portable: H2 has no UPDATE ... FROM, PostgreSQL no MERGE before 15. Links whose copies are equal already are left
     * alone: H2 rewrites a row in every index of its table on any update, and most writes (a new summary) move no key.
     */
    private static final String REFRESH = "update article_topic set"
            + " issue_published = (select a.issue_published from article a where a.id = article_topic.article_id),"
            + " published_on = (select a.published_on from article a where a.id = article_topic.article_id)"
            + " where article_id in (:ids) and exists (select 1 from article a where a.id = article_topic.article_id"
            + " and (a.issue_published <> article_topic.issue_published"
            + " or a.published_on is distinct from article_topic.published_on))";

    void refresh(@Observes SearchChanges.ArticlesChanged changed) {
        List<Long> ids = new ArrayList<>(changed.ids());
        // Links that Hibernate has still to insert would miss their copies.
        Panache.getEntityManager().flush();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            Panache.getEntityManager().createNativeQuery(REFRESH)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + CHUNK)))
                    .executeUpdate();
        }
    }
}
