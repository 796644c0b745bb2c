package com.digestapi.ratelimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;

/**
 * One named quota per window (greedy refill: a token comes back every window/quota) with one Bucket4j bucket per
 * client, in a map bounded by size: a client not seen for a window has a full bucket anyway, and past the bound the
 * least recently seen are forgotten first.
 */
public final class RatePolicy {

    private final String name;
    private final long quota;
    private final Duration window;
    private final Cache<String, Bucket> buckets;
    private final String description;
    private final String quotedName;

    RatePolicy(String name, long quota, Duration window, long maxClients) {
        this.name = name;
        this.quota = quota;
        this.window = window;
        this.buckets = Caffeine.newBuilder().maximumSize(maxClients).expireAfterAccess(window).build();
        this.quotedName = "\"" + name + "\"";
        this.description = quotedName + ";q=" + quota + ";w=" + window.toSeconds();
    }

    /** Takes one request from the client's quota, if any is left. */
    public Usage consume(String client) {
        return usage(bucket(client).tryConsumeAndReturnRemaining(1));
    }

    /** What is left to the client, taking nothing. */
    public Usage peek(String client) {
        Bucket bucket = buckets.getIfPresent(client);
        return bucket == null ? new Usage(this, true, quota, 0) : usage(bucket.estimateAbilityToConsume(1), bucket);
    }

    /** Counts a request against the client whether or not any quota is left (a failure already spent). */
    public void charge(String client) {
        bucket(client).consumeIgnoringRateLimits(1);
    }

    public String name() {
        return name;
    }

    /** This policy as an item of the RateLimit-Policy field: the same on every response, so written once. */
    String description() {
        return description;
    }

    String quotedName() {
        return quotedName;
    }

    long quota() {
        return quota;
    }

    long windowSeconds() {
        return window.toSeconds();
    }

    private Bucket bucket(String client) {
        return buckets.get(client, key -> Bucket.builder()
                .addLimit(limit -> limit.capacity(quota).refillGreedy(quota, window)).build());
    }

    private Usage usage(ConsumptionProbe probe) {
        return new Usage(this, probe.isConsumed(), Math.max(0, probe.getRemainingTokens()),
                probe.isConsumed() ? 0 : probe.getNanosToWaitForRefill());
    }

    private Usage usage(io.github.bucket4j.EstimationProbe probe, Bucket bucket) {
        return new Usage(this, probe.canBeConsumed(), Math.max(0, bucket.getAvailableTokens()),
                probe.canBeConsumed() ? 0 : probe.getNanosToWaitForRefill());
    }
}
