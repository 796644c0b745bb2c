package com.digestapi.caching;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Serialises every successful JSON GET once, tags the bytes, hands them to the read cache and turns the answer into a
 * 304 when the client already holds that representation. Feeds arrive as tagged bytes already.
 */
public class RepresentationTagging {

    /** Response filters run from the highest priority down: this one before {@link CachingHeaders}. */
    static final int PRIORITY = Priorities.USER + 200;

    private final ObjectMapper mapper;
    private final ReadCache readCache;

    RepresentationTagging(ObjectMapper mapper, ReadCache readCache) {
        this.mapper = mapper;
        this.readCache = readCache;
    }

    @ServerResponseFilter(priority = PRIORITY)
    public void tag(ContainerRequestContext request, ContainerResponseContext response) {
        String method = request.getMethod();
        if (!(method.equals("GET") || method.equals("HEAD")) || response.getStatus() != 200 || !response.hasEntity()
                || response.getEntity() instanceof String || readCache.served(request)) {
            return;
        }
        Object entity = response.getEntity();
        byte[] body;
        if (entity instanceof byte[] bytes) {
            body = bytes;
        } else {
            body = bytesOf(entity);
            response.setEntity(body, response.getEntityAnnotations(), response.getMediaType());
        }
        Object existing = response.getHeaders().getFirst(HttpHeaders.ETAG);
        EntityTag tag = existing instanceof EntityTag given ? given : ETags.tagOf(body);
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        readCache.store(request, response, entity, body, tag);
        if (ETags.notModified(request.getHeaders(), tag, null)) {
            response.setEntity(null);
            response.setStatus(304);
        }
    }

    private byte[] bytesOf(Object representation) {
        try {
            return mapper.writeValueAsBytes(representation);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("representation could not be serialised", e);
        }
    }
}
