package com.digestapi.outlet;

import java.time.Instant;

/** What an outlet list is filtered by (absent values do not filter). */
public record OutletFilter(String q, String country, String language, Instant updatedSince) {
}
