package com.digestapi.ratelimit;

import com.digestapi.problem.Problems;
import com.digestapi.web.ApiPaths;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Spends each API request from its client's quotas before anything else runs (the read cache included), answers 429
 * when one is exhausted, and states the quotas on every answer. A request with credentials is signed in here, so
 * wrong or malformed credentials are refused before any other work, on reads too.
 */
public class RateLimitFilter {

    private static final String USAGES = RateLimitFilter.class.getName() + ".usages";
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
        if (!applies(request) || request.getHeaderString(HttpHeaders.AUTHORIZATION) != null) {
            return null;
        }
        return decide(request, spendAnonymous(http));
    }

    /** Requests with credentials: signed in here (which may read the database), then charged to their client. */
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION + 1, nonBlocking = true)
    public Uni<Response> withCredentials(ContainerRequestContext request, HttpServerRequest http) {
        if (!applies(request) || request.getHeaderString(HttpHeaders.AUTHORIZATION) == null) {
            return null;
        }
        return identities.getDeferredIdentity().map(identity -> decide(request, identity.isAnonymous()
                ? spendAnonymous(http) : spendAuthenticated(request, identity)));
    }

    /** The API only: the problem pages are static text that needs no sign-in (nor a database connection). */
    private boolean applies(ContainerRequestContext request) {
        return limits.enabled() && request.getUriInfo().getPath().startsWith(ApiPaths.ROOT);
    }

    /** Any order: the headers are this filter's alone. */
    @ServerResponseFilter(priority = Priorities.HEADER_DECORATOR)
    public void state(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(USAGES) instanceof List<?> usages) {
            @SuppressWarnings("unchecked")
            List<Usage> spent = (List<Usage>) usages;
            RateLimits.headers(spent).forEach(response.getHeaders()::putSingle);
        }
    }

    private List<Usage> spendAnonymous(HttpServerRequest http) {
        return List.of(limits.anonymous().consume("address " + RateLimits.clientAddress(http)));
    }

    private List<Usage> spendAuthenticated(ContainerRequestContext request, SecurityIdentity identity) {
        String client = identity.getAttribute(RateLimits.CLIENT);
        if (client == null) {
            client = "account " + identity.getPrincipal().getName();
        }
        Usage all = limits.authenticated().consume(client);
        if (SAFE.contains(request.getMethod())) {
            return List.of(all);
        }
        return List.of(all, limits.writes().consume(client));
    }

    private Response decide(ContainerRequestContext request, List<Usage> usages) {
        request.setProperty(USAGES, usages);
        List<Usage> exhausted = usages.stream().filter(usage -> !usage.allowed()).toList();
        if (exhausted.isEmpty()) {
            return null;
        }
        RatePolicy first = exhausted.get(0).policy();
        var problem = RateLimits.tooMany(usages, "the " + first.name() + " quota of " + first.quota()
                + " requests a minute is spent");
        return Problems.response(problem.type, problem.getMessage(), problem.errors, problem.headers,
                request.getUriInfo());
    }
}
