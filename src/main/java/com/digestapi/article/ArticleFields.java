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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

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
