package com.digestapi.caching;

import com.digestapi.config.DigestConfig;
import com.digestapi.web.ApiPaths;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Lets browsers and CDNs keep anonymous reads for a short, configurable time. What an editor reads may include drafts,
 * so it is never stored; reads vary with the Authorization header for that reason. Writes are never stored.
 */
public class CachingHeaders {

    private final long maxAge;

    CachingHeaders(DigestConfig config) {
        this.maxAge = config.http().cacheMaxAge();
    }

    /** After {@link RepresentationTagging}, which may turn a 200 into a 304 (both are public). */
    @ServerResponseFilter(priority = RepresentationTagging.PRIORITY - 100)
    public void cacheControl(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)
                || !request.getUriInfo().getPath().startsWith(ApiPaths.ROOT + "/")) {
            return;
        }
        String method = request.getMethod();
        boolean read = method.equals("GET") || method.equals("HEAD");
        boolean anonymous = request.getHeaderString(HttpHeaders.AUTHORIZATION) == null;
        int status = response.getStatus();
        // A 301 (a slug from before a rename) too: without a max-age, browsers would keep it for good, and the slug may
        // come back (its resource takes it back, or is deleted and the slug goes to another).
        String policy = read && anonymous && (status == 200 || status == 304 || status == 301) ? "public, max-age=" + maxAge
                : read && !anonymous ? "private, no-store" : "no-store";
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, policy);
        if (read) {
            response.getHeaders().add(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION);
        }
    }
}
