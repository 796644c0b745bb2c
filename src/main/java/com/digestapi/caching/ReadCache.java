package com.digestapi.caching;

import com.digestapi.config.DigestConfig;
import com.digestapi.web.ApiPaths;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Keeps the exact bytes of anonymous successful reads under /api/v1, keyed by the content version (epoch and counter)
 * they were rendered at, and answers repeated reads from memory on the event loop (200, or 304 to a matching validator)
 * without touching the database or serialising again. Every content write moves the version (see
 * {@link ContentVersion}), which makes all entries unreachable; the memory held is bounded by
 * {@code digest.read-cache.max-size}.
 */
@ApplicationScoped
public class ReadCache {

    private static final String SLOT = ReadCache.class.getName() + ".slot";
    private static final String SERVED = ReadCache.class.getName() + ".served";
    /** Headers that belong to the exchange, not to the representation (set again on every response). */
    private static final Set<String> NOT_STORED = Set.of("cache-control", "vary", "content-type", "content-length",
            "set-cookie", "date");

    /** A stored 200: its bytes and the representation headers (ETag, Last-Modified, X-Total-Count, Link). */
    record Representation(byte[] body, MediaType type, EntityTag tag, Date lastModified,
                          List<Map.Entry<String, String>> headers) {

        int weight() {
            int weight = body.length + 256;
            for (Map.Entry<String, String> header : headers) {
                weight += header.getKey().length() + header.getValue().length();
            }
            return weight;
        }
    }

    private record Slot(ContentVersion.Stamp stamp, String key) {
    }

    private final ContentVersion contentVersion;
    private final boolean enabled;
    private final Cache<String, Representation> entries;
    private volatile ContentVersion.Stamp stampHeld;

    ReadCache(ContentVersion contentVersion, MeterRegistry registry, DigestConfig config) {
        this.contentVersion = contentVersion;
        this.enabled = config.readCache().enabled();
        this.entries = Caffeine.newBuilder()
                .maximumWeight(config.readCache().maxSize().asLongValue())
                .weigher((String key, Representation value) -> key.length() + value.weight())
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(registry, entries, "digest.read-cache");
    }

    @ServerRequestFilter(nonBlocking = true)
    public Response answerFromMemory(ContainerRequestContext request) {
        if (!enabled || !cacheable(request)) {
            return null;
        }
        Optional<ContentVersion.Stamp> current = contentVersion.current();
        if (current.isEmpty()) {
            return null;
        }
        ContentVersion.Stamp stamp = current.get();
        forgetUnless(stamp);
        // Accept is part of the key: the same URL may be a 200 for one client and a 406 for another.
        String key = stamp.epoch() + ":" + stamp.version() + " " + request.getUriInfo().getRequestUri() + " "
                + request.getHeaderString(HttpHeaders.ACCEPT);
        Representation stored = entries.getIfPresent(key);
        if (stored == null) {
            request.setProperty(SLOT, new Slot(stamp, key));
            return null;
        }
        request.setProperty(SERVED, Boolean.TRUE);
        if (ETags.notModified(request.getHeaders(), stored.tag(), stored.lastModified())) {
            return Response.notModified(stored.tag()).lastModified(stored.lastModified()).build();
        }
        Response.ResponseBuilder answer = Response.ok(stored.body(), stored.type());
        stored.headers().forEach(header -> answer.header(header.getKey(), header.getValue()));
        return answer.build();
    }

    /** Whether this response came from memory (it is complete: nothing is to be tagged or stored). */
    boolean served(ContainerRequestContext request) {
        return request.getProperty(SERVED) != null;
    }

    /** Keeps a 200 whose bytes and tag are final, when its request was a cacheable miss at a current version. */
    void store(ContainerRequestContext request, ContainerResponseContext response, byte[] body, EntityTag tag) {
        if (!(request.getProperty(SLOT) instanceof Slot slot)
                || !contentVersion.current().map(slot.stamp()::equals).orElse(false)) {
            return;
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        response.getStringHeaders().forEach((name, values) -> {
            if (!NOT_STORED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> headers.add(Map.entry(name, value)));
            }
        });
        Object lastModified = response.getHeaders().getFirst(HttpHeaders.LAST_MODIFIED);
        entries.put(slot.key(), new Representation(body, response.getMediaType(), tag,
                lastModified instanceof Date date ? date : null, List.copyOf(headers)));
    }

    private static boolean cacheable(ContainerRequestContext request) {
        String method = request.getMethod();
        String path = request.getUriInfo().getPath();
        return (method.equals("GET") || method.equals("HEAD"))
                && request.getHeaderString(HttpHeaders.AUTHORIZATION) == null
                && path.startsWith(ApiPaths.V1 + "/") && !path.startsWith(ApiPaths.V1 + "/accounts");
    }

    /**
     * Drops every entry, once, when the confirmed version is another than the one held: newer after a write, but older
     * too (a restore, a failover to a replica that was behind), since what was rendered at a version that went away
     * must not come back when the counter reaches the same number again.
     */
    private void forgetUnless(ContentVersion.Stamp stamp) {
        if (!stamp.equals(stampHeld)) {
            synchronized (this) {
                if (!stamp.equals(stampHeld)) {
                    entries.invalidateAll();
                    stampHeld = stamp;
                }
            }
        }
    }
}
