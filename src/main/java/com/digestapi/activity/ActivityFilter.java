package com.digestapi.activity;

import java.time.Instant;

/** What GET /activity is filtered by (absent values do not filter). */
public record ActivityFilter(String actor, String targetType, String action, String requestId, Instant from,
                             Instant to) {
}
