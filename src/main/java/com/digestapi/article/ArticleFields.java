package com.digestapi.article;

import com.digestapi.outlet.Outlet;
import com.digestapi.outlet.OutletService;
import com.digestapi.persistence.SlugHistory;
import com.digestapi.persistence.Slugs;
import com.digestapi.problem.Problem.FieldError;
import com.digestapi.problem.ProblemException;
import com.digestapi.topic.Topic;
import com.digestapi.topic.TopicService;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns what a client sent into an article's stored fields: outlet and topics resolved, slug, text, search text. */
@ApplicationScoped
public class ArticleFields {

    private final OutletService outlets;
    private final TopicService topics;

    ArticleFields(OutletService outlets, TopicService topics) {
        this.outlets = outlets;
        this.topics = topics;
    }

    /** The input with its outlet and topic ids resolved; a 400 naming every id that refers to nothing. */
    ArticleContent resolve(ArticleInput input) {
        List<FieldError> errors = new ArrayList<>();
        Outlet outlet = outlets.forArticle(input.outletId()).orElse(null);
        if (outlet == null) {
            errors.add(new FieldError("outletId", "refers to no outlet (" + input.outletId() + ")"));
        }
        // Errors name the index the client sent, so repeated ids are removed only for the query.
        List<Long> topicIds = input.topicIds() == null ? List.of() : input.topicIds();
        Map<Long, Topic> found = topics.forArticle(topicIds.stream().distinct().toList());
        for (int i = 0; i < topicIds.size(); i++) {
            if (!found.containsKey(topicIds.get(i))) {
                errors.add(new FieldError("topicIds[" + i + "]", "refers to no topic (" + topicIds.get(i) + ")"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new ArticleContent(input.slug(), input.headline(), outlet, input.publishedOn(), input.author(),
                input.originalUrl(), input.summary(), input.quotes(), found.values());
    }

    /**
     * A 409 naming every outlet and topic that these earlier states of articles refer to and that no longer exists: a
     * restore brings back what was, and recreates nothing silently (a recreated outlet or topic would be another one).
     */
    void requireStillExisting(List<ArticleView> articles) {
        Map<Long, ArticleView.Ref> outletRefs = new LinkedHashMap<>();
        Map<Long, ArticleView.Ref> topicRefs = new LinkedHashMap<>();
        for (ArticleView article : articles) {
            outletRefs.putIfAbsent(article.outlet().id(), article.outlet());
            article.topics().forEach(topic -> topicRefs.putIfAbsent(topic.id(), topic));
        }
        List<String> missing = new ArrayList<>();
        outletRefs.values().stream().filter(outlet -> outlets.forArticle(outlet.id()).isEmpty())
                .forEach(outlet -> missing.add("outlet " + outlet.id() + " (" + outlet.name() + ")"));
        Map<Long, Topic> found = topics.forArticle(topicRefs.keySet());
        topicRefs.values().stream().filter(topic -> !found.containsKey(topic.id()))
                .forEach(topic -> missing.add("topic " + topic.id() + " (" + topic.name() + ")"));
        if (!missing.isEmpty()) {
            throw ProblemException.conflict("the revision names " + String.join(", ", missing) + ", deleted since; a"
                    + " restore recreates nothing, so nothing was restored: restore a revision that names what exists,"
                    + " or edit the article instead");
        }
    }

    /**
     * A 409 when another article carries the slug of one of these, which are to come back, or carried it before a
     * rename (it is kept as a redirect to that one): two statements for any number of articles.
     */
    static void requireFreeSlugs(List<ArticleView> articles) {
        List<String> slugs = articles.stream().map(ArticleView::slug).toList();
        Set<String> taken = new LinkedHashSet<>(Article.getEntityManager()
                .createQuery("select a.slug from Article a where a.slug in :slugs", String.class)
                .setParameter("slugs", slugs).getResultList());
        taken.addAll(SlugHistory.owners(Article.class, slugs).keySet());
        if (!taken.isEmpty()) {
            throw ProblemException.conflict("slug " + String.join(", ", taken) + " is now taken by another article, or"
                    + " kept as a redirect to one; change that article's slug first");
        }
    }

    /** Stores the content over the article's own fields; collections change only when their content does. */
    void fill(Article article, ArticleContent content) {
        String slug = content.slug() != null ? content.slug()
                : article.slug != null ? article.slug : Slugs.unique(Article.class, Slugs.slugify(content.headline(), "article"));
        // Costs nothing when the article keeps its slug, as most writes do; a slug it leaves stays a redirect to it.
        SlugHistory.claim(Article.class, article.id, article.slug, slug);
        article.slug = slug;
        article.headline = content.headline().strip();
        article.outlet = content.outlet();
        article.publishedOn = content.publishedOn();
        article.author = blankToNull(content.author());
        article.originalUrl = content.originalUrl();
        article.summary = content.summary().strip();
        List<Quote> quotes = content.quotes() == null ? List.of() : content.quotes().stream().map(QuoteBody::toQuote).toList();
        if (!quotes.stream().map(q -> q.text + "\u0000" + q.attribution).toList()
                .equals(article.quotes.stream().map(q -> q.text + "\u0000" + q.attribution).toList())) {
            article.quotes.clear();
            article.quotes.addAll(quotes);
        }
        if (!new LinkedHashSet<>(content.topics()).equals(article.topics)) {
            article.topics.clear();
            article.topics.addAll(content.topics());
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
