package com.digestapi.caching;

import com.digestapi.problem.ProblemException;
import com.digestapi.problem.ProblemType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.function.Supplier;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * The one ETag rule: a strong tag is a hash of the exact bytes sent (JSON or feed). GETs send it and answer 304 to a
 * matching If-None-Match; writes compare If-Match with the tag of the current representation and answer 412.
 */
@ApplicationScoped
public class ETags {

    private final ObjectMapper mapper;
    private final ReadCache readCache;

    ETags(ObjectMapper mapper, ReadCache readCache) {
        this.mapper = mapper;
        this.readCache = readCache;
    }

    public EntityTag of(Object representation) {
        return tagOf(bytesOf(representation));
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

    /**
     * Serialises every successful JSON GET once, tags the bytes, hands them to the read cache and turns the answer
     * into a 304 when the client already holds that representation. Feeds arrive as tagged bytes already.
     */
    @ServerResponseFilter
    public void tag(ContainerRequestContext request, ContainerResponseContext response) {
        String method = request.getMethod();
        if (!(method.equals("GET") || method.equals("HEAD")) || response.getStatus() != 200 || !response.hasEntity()
                || response.getEntity() instanceof String || readCache.served(request)) {
            return;
        }
        byte[] body;
        if (response.getEntity() instanceof byte[] bytes) {
            body = bytes;
        } else {
            body = bytesOf(response.getEntity());
            response.setEntity(body, response.getEntityAnnotations(), response.getMediaType());
        }
        Object existing = response.getHeaders().getFirst(HttpHeaders.ETAG);
        EntityTag tag = existing instanceof EntityTag given ? given : tagOf(body);
        response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
        readCache.store(request, response, body, tag);
        if (notModified(request.getHeaders(), tag, null)) {
            response.setEntity(null);
            response.setStatus(304);
        }
    }

    /** 200 with the bytes, or 304 when If-None-Match / If-Modified-Since show the client already has them (feeds). */
    public static Response conditional(HttpHeaders headers, String body, String mediaType, Instant lastModified) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        EntityTag tag = tagOf(bytes);
        Date modified = Date.from(lastModified.truncatedTo(ChronoUnit.SECONDS));
        if (notModified(headers.getRequestHeaders(), tag, modified)) {
            return Response.notModified(tag).lastModified(modified).build();
        }
        return Response.ok(bytes, mediaType + ";charset=UTF-8").tag(tag).lastModified(modified).build();
    }

    /**
     * RFC 9110 13.2.2 for GET: If-None-Match decides when present (weak comparison); otherwise If-Modified-Since,
     * when the representation has a date. An unparsable date is ignored.
     */
    static boolean notModified(MultivaluedMap<String, String> headers, EntityTag tag, Date lastModified) {
        String ifNoneMatch = headers.getFirst(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null) {
            return matches(ifNoneMatch, tag, true);
        }
        String ifModifiedSince = headers.getFirst(HttpHeaders.IF_MODIFIED_SINCE);
        if (ifModifiedSince == null || lastModified == null) {
            return false;
        }
        try {
            Instant since = ZonedDateTime.parse(ifModifiedSince.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            return !lastModified.toInstant().isAfter(since);
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private byte[] bytesOf(Object representation) {
        try {
            return mapper.writeValueAsBytes(representation);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("representation could not be serialised", e);
        }
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
