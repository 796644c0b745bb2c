package com.digestapi.web;

import com.digestapi.config.DigestConfig;
import com.digestapi.problem.ProblemType;
import com.digestapi.problem.Problems;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * CORS in two tiers: any origin may read (GET, HEAD), only the configured origins may write from a browser. A write
 * from any other origin is refused with 403 before it reaches the API, so a page elsewhere cannot act for an editor.
 * Kept by hand: quarkus.http.cors has one list of origins for every method, so it cannot let any origin read while only
 * some may write (an unlisted origin's GET is refused too), and it refuses with a bare 403 with an empty body where
 * the API answers problem+json.
 */
@ApplicationScoped
public class Cors {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    private static final String ALLOWED_HEADERS = "Authorization, Content-Type, Accept, If-Match, If-None-Match,"
            + " If-Modified-Since, X-Request-Id";
    private static final String EXPOSED_HEADERS = "ETag, Last-Modified, Link, Location, X-Total-Count, Retry-After,"
            + " RateLimit, RateLimit-Policy, X-Request-Id";

    private final List<String> readOrigins;
    private final List<String> writeOrigins;
    private final ObjectMapper mapper;

    Cors(ObjectMapper mapper, DigestConfig config) {
        this.mapper = mapper;
        this.readOrigins = config.cors().readOrigins();
        this.writeOrigins = config.cors().writeOrigins();
    }

    void installRoute(@Observes Router router) {
        router.route(ApiPaths.ROOT + "/*").order(Integer.MIN_VALUE + 2).handler(this::handle);
        // The type URL of a problem the API sent, for a browser to show what it means.
        router.route("/problems/*").order(Integer.MIN_VALUE + 2).handler(this::handle);
    }

    void handle(RoutingContext context) {
        // Every answer, even to a request without Origin (which gets no Access-Control-* headers): a shared cache must
        // not hand that answer to a browser on another origin.
        context.response().headers().add("Vary", "Origin");
        String origin = context.request().getHeader("Origin");
        // Browsers send Origin on same-origin writes too (the Swagger UI served here at /q/swagger-ui): those are no
        // cross-origin requests, and the write-origins list is not theirs to pass.
        if (origin == null || sameOrigin(context, origin)) {
            context.next();
            return;
        }
        String requested = context.request().getHeader("Access-Control-Request-Method");
        boolean preflight = context.request().method() == HttpMethod.OPTIONS && requested != null;
        String method = preflight ? requested.trim().toUpperCase(Locale.ROOT) : context.request().method().name();
        boolean read = READS.contains(method);
        boolean allowed = allows(read ? readOrigins : writeOrigins, origin);
        var response = context.response();
        if (!allowed) {
            if (preflight || !read) {
                Problems.end(context, ProblemType.FORBIDDEN, "origin " + origin + " may not send " + method
                        + " requests; see digest.cors.write-origins", mapper);
                return;
            }
            context.next();
            return;
        }
        response.putHeader("Access-Control-Allow-Origin", readOrigins.contains("*") && read ? "*" : origin);
        if (preflight) {
            response.setStatusCode(204)
                    .putHeader("Access-Control-Allow-Methods", read ? "GET, HEAD, OPTIONS"
                            : "GET, HEAD, OPTIONS, POST, PUT, PATCH, DELETE")
                    .putHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS)
                    .putHeader("Access-Control-Max-Age", "600")
                    .end();
            return;
        }
        response.putHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
        context.next();
    }

    /** The request's own origin, as the client addressed it (through a trusted proxy: as the proxy says it was). */
    private static boolean sameOrigin(RoutingContext context, String origin) {
        URI uri = URI.create(context.request().absoluteURI());
        return (uri.getScheme() + "://" + uri.getRawAuthority()).equalsIgnoreCase(origin);
    }

    private static boolean allows(List<String> origins, String origin) {
        return origins.contains("*") || origins.contains(origin);
    }
}
