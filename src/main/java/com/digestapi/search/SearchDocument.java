package com.digestapi.search;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the index holds of one article: the text it searches, and the values lists filter, sort and facet by. */
public record SearchDocument(long id, String slug, String headline, String summary, List<String> quotes,
                             String author, String outletSlug, String outletName, List<String> topicSlugs,
                             List<String> topicNames, long issueId, int position, boolean published,
                             LocalDate publishedOn, Instant createdAt, Instant updatedAt) {
}
