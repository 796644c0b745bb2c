package com.digestapi.caching;

import com.digestapi.config.DigestConfig;
import com.digestapi.web.ApiPaths;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.spi.ServerRequestContext;

/**
 * Keeps the exact bytes of anonymous successful reads under /api/v1, stored while the content version (epoch and
 * counter) they were rendered at was current, and answers repeated reads from memory on the event loop (200, or 304 to
 * a matching validator) without touching the database or serialising again. When the version moves (see
 * {@link ContentVersion.Moved}), entries that show a resource the change log names as changed go, and so does every
 * entry that shows no particular resources (lists, feeds, searches, sync pages) if anything changed at all; the
 * representation of an unchanged topic, outlet, article or issue stays. When the log cannot tell what changed,
 * everything goes. The memory held is bounded by {@code digest.read-cache.max-size}.
 *
 * <p>Misses of one key coalesce: the first goes to the database, and identical ones that arrive before its bytes are
 * stored wait for them (a herd after a write, or on a cold start, runs each query once, not once per reader). The
 * waiting request is suspended, not a blocked thread: the filter returns a Uni that the first one's bytes complete,
 * and RESTEasy resumes the request on its own event loop. It waits at most the statement timeout and the pool's
 * acquisition wait; when the first one gives nothing to store (an error, a feed's 304 answered without rendering, a
 * write that moved the version) or takes longer, each waiting request goes to the database itself.
 */
@ApplicationScoped
public class ReadCache {

    private static final String SLOT = ReadCache.class.getName() + ".slot";
    private static final String SERVED = ReadCache.class.getName() + ".served";
    private static final String FOLLOWING = ReadCache.class.getName() + ".following";
    // After the rate limits (Priorities.AUTHENTICATION), which spend a request's quota first.
    private static final int ANSWER_PRIORITY = Priorities.USER;
    /** Headers that belong to the exchange, not to the representation (set again on every response). */
    private static final Set<String> NOT_STORED = Set.of("cache-control", "vary", "content-type", "content-length",
            "set-cookie", "date");
    /** How long identical misses wait for the first one when queries have no time limit. */
    private static final Duration NO_TIMEOUT_WAIT = Duration.ofSeconds(30);

    /**
     * A stored 200: its bytes, the representation headers (ETag, Last-Modified, X-Total-Count, Link) and the resources
     * it shows (empty: it may show any).
     */
    record Representation(byte[] body, MediaType type, EntityTag tag, Date lastModified,
                          List<Map.Entry<String, String>> headers, Set<String> shows) {

        boolean showsAnyOf(Set<String> changed) {
            return shows.isEmpty() || !Collections.disjoint(shows, changed);
        }

        int weight() {
            int weight = body.length + 256;
            for (Map.Entry<String, String> header : headers) {
                weight += header.getKey().length() + header.getValue().length();
            }
            return weight;
        }
    }

    /** A miss whose identical request is being rendered: the one to wait for. */
    private record Following(ContentVersion.Stamp stamp, String key, CompletableFuture<Representation> running) {
    }

    /**
     * Where a miss stores what it renders: its version and key, and the flight that identical misses wait on when this
     * request is the first of them (null for a request that goes to the database after waiting in vain).
     */
    private record Slot(ContentVersion.Stamp stamp, String key, CompletableFuture<Representation> flight) {

        String flightKey() {
            return ReadCache.flightKey(stamp, key);
        }
    }

    /** Identical misses share a flight only at one version: a flight from before a write gives nothing to store. */
    private static String flightKey(ContentVersion.Stamp stamp, String key) {
        return stamp.epoch() + ":" + stamp.version() + " " + key;
    }

    private final ContentVersion contentVersion;
    private final boolean enabled;
    private final Cache<String, Representation> entries;
    /** The misses being rendered, by key: the first of identical misses renders, the others wait for its bytes. */
    private final ConcurrentHashMap<String, CompletableFuture<Representation>> inFlight = new ConcurrentHashMap<>();
    private final Duration herdWait;
    private final AtomicInteger waiting = new AtomicInteger();
    private final Counter coalesced;

    ReadCache(ContentVersion contentVersion, MeterRegistry registry, DigestConfig config) {
        this.contentVersion = contentVersion;
        this.enabled = config.readCache().enabled();
        int statementTimeout = config.read().statementTimeout();
        // A query runs at most the statement timeout, after waiting at most the pool's 2 s for a connection.
        this.herdWait = statementTimeout > 0 ? Duration.ofSeconds(statementTimeout + 2L) : NO_TIMEOUT_WAIT;
        this.coalesced = Counter.builder("digest.read-cache.coalesced")
                .description("Anonymous reads answered with the bytes of an identical read that was rendering when"
                        + " they arrived")
                .register(registry);
        this.entries = Caffeine.newBuilder()
                .maximumWeight(config.readCache().maxSize().asLongValue())
                .weigher((String key, Representation value) -> key.length() + value.weight())
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(registry, entries, "digest.read-cache");
    }

    // A Response, not a Uni: a Uni, even an immediate one, would suspend and resume every hit.
    @ServerRequestFilter(priority = ANSWER_PRIORITY, nonBlocking = true)
    public Response answerFromMemory(ContainerRequestContext request, ServerRequestContext exchange) {
        if (!enabled || !cacheable(request)) {
            return null;
        }
        Optional<ContentVersion.Stamp> current = contentVersion.current();
        if (current.isEmpty()) {
            return null;
        }
        ContentVersion.Stamp stamp = current.get();
        // Accept is part of the key: the same URL may be a 200 for one client and a 406 for another.
        String key = request.getUriInfo().getRequestUri() + " " + request.getHeaderString(HttpHeaders.ACCEPT);
        Representation stored = entries.getIfPresent(key);
        if (stored != null) {
            return answer(request, stored);
        }
        CompletableFuture<Representation> flight = new CompletableFuture<>();
        String flightKey = flightKey(stamp, key);
        CompletableFuture<Representation> running = inFlight.putIfAbsent(flightKey, flight);
        if (running != null) {
            request.setProperty(FOLLOWING, new Following(stamp, key, running));
            return null;
        }
        // The first miss of this key renders it, and ends its flight when it stores, or else when its request ends.
        exchange.registerCompletionCallback(failure -> release(flightKey, flight, null));
        request.setProperty(SLOT, new Slot(stamp, key, flight));
        return null;
    }

    /** An identical miss being rendered already: this request waits for its bytes, without a thread. */
    @ServerRequestFilter(priority = ANSWER_PRIORITY + 1, nonBlocking = true)
    public Uni<Response> waitForIdentical(ContainerRequestContext request) {
        if (!(request.getProperty(FOLLOWING) instanceof Following following)) {
            return null;
        }
        return follow(request, following.stamp(), following.key(), following.running());
    }

    /**
     * Suspends an identical miss until the running one's bytes are stored (then it is answered from them) or it gives
     * none or takes too long (then it goes to the database itself). No thread waits.
     */
    private Uni<Response> follow(ContainerRequestContext request, ContentVersion.Stamp stamp, String key,
                                 CompletableFuture<Representation> running) {
        waiting.incrementAndGet();
        return Uni.createFrom().completionStage(running)
                .ifNoItem().after(herdWait).recoverWithItem(() -> null)
                .onTermination().invoke(waiting::decrementAndGet)
                .map(representation -> {
                    if (representation == null) {
                        // Nothing to share: this one goes to the database itself, and stores what it gets.
                        request.setProperty(SLOT, new Slot(stamp, key, null));
                        return null;
                    }
                    coalesced.increment();
                    return answer(request, representation);
                });
    }

    /** The stored representation as this request's answer: the bytes and headers, or 304 to a matching validator. */
    private static Response answer(ContainerRequestContext request, Representation stored) {
        request.setProperty(SERVED, Boolean.TRUE);
        if (ETags.notModified(request.getHeaders(), stored.tag(), stored.lastModified())) {
            return Response.notModified(stored.tag()).lastModified(stored.lastModified()).build();
        }
        Response.ResponseBuilder answer = Response.ok(stored.body(), stored.type());
        stored.headers().forEach(header -> answer.header(header.getKey(), header.getValue()));
        return answer.build();
    }

    /** Ends a flight: those waiting get the representation, or null (they go to the database themselves). */
    private void release(String key, CompletableFuture<Representation> flight, Representation representation) {
        inFlight.remove(key, flight);
        flight.complete(representation);
    }

    /** How many requests wait for an identical one's bytes now (for tests). */
    int waiting() {
        return waiting.get();
    }

    /** Whether this response came from memory (it is complete: nothing is to be tagged or stored). */
    boolean served(ContainerRequestContext request) {
        return request.getProperty(SERVED) != null;
    }

    /**
     * Keeps a 200 whose bytes and tag are final, when its request was a cacheable miss at a current version, and hands
     * them to the identical requests waiting for it.
     */
    void store(ContainerRequestContext request, ContainerResponseContext response, Object entity, byte[] body,
               EntityTag tag) {
        if (!(request.getProperty(SLOT) instanceof Slot slot)) {
            return;
        }
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        response.getStringHeaders().forEach((name, values) -> {
            if (!NOT_STORED.contains(name.toLowerCase(Locale.ROOT))) {
                values.forEach(value -> headers.add(Map.entry(name, value)));
            }
        });
        Object lastModified = response.getHeaders().getFirst(HttpHeaders.LAST_MODIFIED);
        Representation representation = new Representation(body, response.getMediaType(), tag,
                lastModified instanceof Date date ? date : null, List.copyOf(headers),
                entity instanceof RepresentedResources shown ? Set.copyOf(shown.representedResources()) : Set.of());
        boolean kept = contentVersion.whileCurrent(slot.stamp(), () -> entries.put(slot.key(), representation));
        if (slot.flight() != null) {
            release(slot.flightKey(), slot.flight(), kept ? representation : null);
        }
    }

    /** Drops what the move may have changed; see the class comment. */
    void forget(@Observes ContentVersion.Moved moved) {
        if (moved.everything()) {
            entries.invalidateAll();
        } else if (!moved.changed().isEmpty()) {
            entries.asMap().values().removeIf(representation -> representation.showsAnyOf(moved.changed()));
        }
    }

    private static boolean cacheable(ContainerRequestContext request) {
        String method = request.getMethod();
        String path = request.getUriInfo().getPath();
        return (method.equals("GET") || method.equals("HEAD"))
                && request.getHeaderString(HttpHeaders.AUTHORIZATION) == null
                && path.startsWith(ApiPaths.V1 + "/") && !path.startsWith(ApiPaths.V1 + "/accounts");
    }
}
