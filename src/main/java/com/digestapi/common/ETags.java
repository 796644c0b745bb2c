package com.digestapi.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The one ETag rule: a strong tag is a hash of the exact JSON (or feed) representation. GETs send it and answer 304
 * to a matching If-None-Match; writes compare If-Match with the tag of the current representation and answer 412.
 */
@ApplicationScoped
public class ETags {

    private final ObjectMapper mapper;

    ETags(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public EntityTag of(Object representation) {
        try {
            return tagOf(mapper.writeValueAsBytes(representation));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("representation could not be serialised", e);
        }
    }

    /**
     * 412 unless the If-Match header (absent: no condition) names the current representation, or is "*". The
     * representation is only built when there is a condition to check.
     */
    public void requireMatch(String ifMatch, Supplier<?> current) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return;
        }
        EntityTag tag = of(current.get());
        if (!matches(ifMatch, tag, false)) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "If-Match does not match the current ETag "
                    + tag + ": the resource changed since you read it; read it again");
        }
    }

    /** Tags every successful JSON GET and turns it into a 304 when the client already holds that representation. */
    @ServerResponseFilter
    public void tag(ContainerRequestContext request, ContainerResponseContext response) {
        String method = request.getMethod();
        if (!(method.equals("GET") || method.equals("HEAD")) || response.getStatus() != 200 || !response.hasEntity()
                || response.getHeaders().containsKey(HttpHeaders.ETAG) || response.getEntity() instanceof byte[]
                || response.getEntity() instanceof String) {
            return;
        }
        EntityTag tag = of(response.getEntity());
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && matches(ifNoneMatch, tag, true)) {
            response.setEntity(null);
            response.setStatus(304);
        }
    }

    /** 200 with the bytes, or 304 when If-None-Match / If-Modified-Since show the client already has them (feeds). */
    public static Response conditional(Request request, String body, String mediaType, Instant lastModified) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        EntityTag tag = tagOf(bytes);
        Date modified = Date.from(lastModified.truncatedTo(ChronoUnit.SECONDS));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(modified, tag);
        if (notModified != null) {
            return notModified.tag(tag).lastModified(modified).build();
        }
        return Response.ok(bytes, mediaType + ";charset=UTF-8").tag(tag).lastModified(modified).build();
    }

    static EntityTag tagOf(byte[] representation) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(representation);
            return new EntityTag(Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 27));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 9110 comparison: weak for If-None-Match, strong for If-Match; "*" matches any current representation. */
    static boolean matches(String header, EntityTag tag, boolean weak) {
        for (String candidate : header.split(",")) {
            String value = candidate.trim();
            if (value.equals("*")) {
                return true;
            }
            boolean isWeak = value.startsWith("W/");
            if (isWeak && !weak) {
                continue;
            }
            String opaque = isWeak ? value.substring(2) : value;
            if (opaque.equals("\"" + tag.getValue() + "\"")) {
                return true;
            }
        }
        return false;
    }
}
