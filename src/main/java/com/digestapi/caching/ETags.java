package com.digestapi.caching;

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

/**
 * The one ETag rule: a strong tag is a hash of the exact bytes sent (JSON or feed), compared as RFC 9110 says. Pure
 * functions; {@link RepresentationTagging} applies them to responses and {@link Preconditions} to writes.
 */
public final class ETags {

    /** Characters of a tag, between its quotes: 162 bits of the hash in base64url. */
    public static final int TAG_LENGTH = 27;

    private ETags() {
    }

    public static EntityTag tagOf(byte[] representation) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(representation);
            return new EntityTag(Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, TAG_LENGTH));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** RFC 9110 comparison: weak for If-None-Match, strong for If-Match; "*" matches any current representation. */
    public static boolean matches(String header, EntityTag tag, boolean weak) {
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

    /**
     * RFC 9110 13.2.2 for GET: If-None-Match decides when present (weak comparison); otherwise If-Modified-Since,
     * when the representation has a date. An unparsable date is ignored.
     */
    public static boolean notModified(MultivaluedMap<String, String> headers, EntityTag tag, Date lastModified) {
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

    /** 200 with the bytes, or 304 when If-None-Match / If-Modified-Since show the client already has them (feeds). */
    public static Response conditional(HttpHeaders headers, byte[] body, String mediaType, Instant lastModified) {
        EntityTag tag = tagOf(body);
        Date modified = Date.from(lastModified.truncatedTo(ChronoUnit.SECONDS));
        if (notModified(headers.getRequestHeaders(), tag, modified)) {
            return Response.notModified(tag).lastModified(modified).build();
        }
        return Response.ok(body, mediaType + ";charset=UTF-8").tag(tag).lastModified(modified).build();
    }

    public static Response conditional(HttpHeaders headers, String body, String mediaType, Instant lastModified) {
        return conditional(headers, body.getBytes(StandardCharsets.UTF_8), mediaType, lastModified);
    }
}
