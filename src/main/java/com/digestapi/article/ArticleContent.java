package com.digestapi.article;

import com.digestapi.outlet.Outlet;
import com.digestapi.topic.Topic;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/** An article's own fields with its outlet and topics already resolved to entities: what a write stores. */
public record ArticleContent(String slug, String headline, Outlet outlet, LocalDate publishedOn, String author,
                             String originalUrl, String summary, List<QuoteBody> quotes, Collection<Topic> topics) {
}
