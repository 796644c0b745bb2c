/** Shared: per-client request quotas (Bucket4j buckets in bounded maps) and the RateLimit headers that state them. */
package com.digestapi.ratelimit;
