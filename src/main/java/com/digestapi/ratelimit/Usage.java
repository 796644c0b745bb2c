package com.digestapi.ratelimit;

/** What one request left of one client's quota: the numbers the RateLimit headers and a 429's Retry-After carry. */
public record Usage(RatePolicy policy, boolean allowed, long remaining, long nanosToWait) {

    /** This usage as an item of the RateLimit field. */
    String field() {
        return policy.quotedName() + ";r=" + remaining + ";t=" + secondsToFull();
    }

    /** Whole seconds until the quota is full again (draft-ietf-httpapi-ratelimit-headers' {@code t}). */
    long secondsToFull() {
        long missing = policy.quota() - remaining;
        return missing <= 0 ? 0 : ceilDiv(missing * policy.windowSeconds(), policy.quota());
    }

    /** Whole seconds until one more request is allowed; at least 1 when none is. */
    public long retryAfterSeconds() {
        return allowed ? 0 : Math.max(1, ceilDiv(nanosToWait, 1_000_000_000L));
    }

    private static long ceilDiv(long a, long b) {
        return -Math.floorDiv(-a, b);
    }
}
