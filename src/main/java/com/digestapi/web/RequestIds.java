package com.digestapi.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * The request id of every API request, before anything else runs: the client's {@code X-Request-Id} when it is sane
 * (1 to 64 letters, digits and {@code . _ : - @ / + =}), else a random UUID. The request carries it on (the activity
 * log reads it from there) and the response echoes it, whoever answers (an error, the read cache, a problem from the
 * edge).
 */
@ApplicationScoped
public class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final int MAX_LENGTH = 64;
    public static final String PATTERN = "^[A-Za-z0-9._:@/+=-]{1," + MAX_LENGTH + "}$";
    private static final Pattern SANE = Pattern.compile(PATTERN);

    void installRoute(@Observes Router router) {
        router.route(ApiPaths.ROOT + "/*").order(Integer.MIN_VALUE).handler(this::handle);
    }

    void handle(RoutingContext context) {
        String given = context.request().getHeader(HEADER);
        String id = given != null && SANE.matcher(given).matches() ? given : generated();
        context.request().headers().set(HEADER, id);
        context.response().headers().set(HEADER, id);
        context.next();
    }

    /**
     * A random (version 4) UUID from the thread's own generator: an id to find a request by, not a secret, so it needs
     * none of UUID.randomUUID's SecureRandom, whose shared lock every API request would otherwise pass through.
     */
    static String generated() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }
}
