package com.digestapi.ratelimit;

import com.digestapi.problem.Problems;
import com.digestapi.web.ApiPaths;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Spends each API request from its client's quotas before anything else runs (the read cache included), answers 429
 * when one is exhausted, and states the quotas on every answer. A request with credentials is signed in here, so
 * wrong or malformed credentials are refused before any other work, on reads too.
 */
public class RateLimitFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final RateLimits limits;
    private final CurrentIdentityAssociation identities;

    RateLimitFilter(RateLimits limits, CurrentIdentityAssociation identities) {
        this.limits = limits;
        this.identities = identities;
    }

    /** Requests without credentials, decided at once: a Uni, even an immediate one, would suspend and resume each. */
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION, nonBlocking = true)
    public Response withoutCredentials(ContainerRequestContext request, HttpServerRequest http) {
        if (!applies(http) || http.getHeader(HttpHeaders.AUTHORIZATION) != null) {
            return null;
        }
        return decide(request, http, limits.anonymous().consume(RateLimits.clientAddress(http)), null);
    }

    /** Requests with credentials: signed in here (which may read the database), then charged to their client. */
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION + 1, nonBlocking = true)
    public Uni<Response> withCredentials(ContainerRequestContext request, HttpServerRequest http) {
        if (!applies(http) || http.getHeader(HttpHeaders.AUTHORIZATION) == null) {
            return null;
        }
        return identities.getDeferredIdentity().map(identity -> identity.isAnonymous()
                ? decide(request, http, limits.anonymous().consume(RateLimits.clientAddress(http)), null)
                : spendAuthenticated(request, http, identity));
    }

    /** The API only: the problem pages are static text that needs no sign-in (nor a database connection). */
    private boolean applies(HttpServerRequest http) {
        return limits.enabled() && http.path().startsWith(ApiPaths.ROOT);
    }

    private Response spendAuthenticated(ContainerRequestContext request, HttpServerRequest http,
                                        SecurityIdentity identity) {
        String client = identity.getAttribute(RateLimits.CLIENT);
        if (client == null) {
            client = "account " + identity.getPrincipal().getName();
        }
        Usage all = limits.authenticated().consume(client);
        Usage writes = SAFE.contains(request.getMethod()) ? null : limits.writes().consume(client);
        return decide(request, http, all, writes);
    }

    /**
     * Null (go on) when every quota spent allowed the request, its RateLimit fields already on the response: set on
     * the connection's response rather than by a response filter, so that they hold for every answer, the read cache's
     * included, at no cost per response. Otherwise the 429 problem, carrying them itself.
     */
    private Response decide(ContainerRequestContext request, HttpServerRequest http, Usage first, Usage second) {
        List<Usage> usages = second == null ? List.of(first) : List.of(first, second);
        Usage exhausted = !first.allowed() ? first : second != null && !second.allowed() ? second : null;
        if (exhausted == null) {
            RateLimits.headers(usages).forEach(http.response().headers()::set);
            return null;
        }
        RatePolicy policy = exhausted.policy();
        var problem = RateLimits.tooMany(usages, "the " + policy.name() + " quota of " + policy.quota()
                + " requests a minute is spent");
        return Problems.response(problem.type, problem.getMessage(), problem.errors, problem.headers,
                request.getUriInfo());
    }
}
