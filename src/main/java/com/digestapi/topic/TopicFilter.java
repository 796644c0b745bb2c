package com.digestapi.topic;

import java.time.Instant;

/** What a topic list is filtered by (absent values do not filter). */
public record TopicFilter(String q, Instant updatedSince) {
}
