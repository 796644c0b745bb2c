package com.digestapi.common;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Lets browsers and CDNs keep public reads for a short, configurable time; nothing else is cached. */
public class CachingHeaders {

    private final long maxAge;

    CachingHeaders(@ConfigProperty(name = "digest.http.cache-max-age", defaultValue = "30") long maxAge) {
        this.maxAge = maxAge;
    }

    @ServerResponseFilter
    public void cacheControl(ContainerRequestContext request, ContainerResponseContext response) {
        if (response.getHeaders().containsKey(HttpHeaders.CACHE_CONTROL)
                || !request.getUriInfo().getPath().startsWith("/api/")) {
            return;
        }
        String method = request.getMethod();
        boolean read = method.equals("GET") || method.equals("HEAD");
        int status = response.getStatus();
        String policy = read && (status == 200 || status == 304) ? "public, max-age=" + maxAge : "no-store";
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, policy);
    }
}
