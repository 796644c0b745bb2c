package com.digestapi.caching;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.arc.Unremovable;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The totals of list filters at the current content version: every page, size and sort of one filter (a topic's
 * pages, a partner walking a sync) shares one total, so the database counts a filter once per version instead of once
 * per request. A total counted at a version serves only that version (and epoch), so it is as fresh as the read cache:
 * this instance's writes at once, other instances' within {@code digest.read-cache.max-staleness}. While the version
 * is unconfirmed every request counts.
 */
// Looked up by listing.ListQuery, which is no bean: without this, ArC would remove it as unused.
@Unremovable
@ApplicationScoped
public class ListTotals {

    /** A total and whether it is exact (else the bound the count reached). */
    public record Total(long value, boolean exact) {
    }

    private record Key(ContentVersion.Stamp stamp, String filter) {
    }

    /** Entries are a few hundred bytes: 10,000 filters hold a few MB. */
    private static final int MAX_FILTERS = 10_000;

    private final ContentVersion version;
    private final Cache<Key, Total> totals = Caffeine.newBuilder().maximumSize(MAX_FILTERS).build();

    ListTotals(ContentVersion version) {
        this.version = version;
    }

    /**
     * The total of this filter (its count statement and parameter values, as one string) at the current version,
     * counted now if no request counted it at this version.
     */
    public Total of(String filter, Supplier<Total> count) {
        Optional<ContentVersion.Stamp> stamp = version.current();
        if (stamp.isEmpty()) {
            return count.get();
        }
        Key key = new Key(stamp.get(), filter);
        Total known = totals.getIfPresent(key);
        if (known != null) {
            return known;
        }
        // Counted after the stamp was read: the total is of this version or a newer one, never of an older one.
        Total counted = count.get();
        totals.put(key, counted);
        return counted;
    }
}
