package com.digestapi.article;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What an article list is filtered by (absent or empty values do not filter). */
public record ArticleFilter(String q, List<String> topics, List<String> outlets, Long issueId, LocalDate from,
                            LocalDate to, Instant updatedSince, boolean publishedOnly) {

    /** Articles of published issues having any of the topics and any of the outlets: what the feeds show. */
    public static ArticleFilter published(List<String> topics, List<String> outlets) {
        return new ArticleFilter(null, topics, outlets, null, null, null, null, true);
    }
}
