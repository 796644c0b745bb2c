package com.digestapi.common;

import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;

/** The one ETag rule: a strong tag is a hash of the exact representation; conditional GETs answer 304 from it. */
public final class Conditional {

    private Conditional() {
    }

    public static EntityTag tagOf(byte[] representation) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(representation);
            return new EntityTag(Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 27));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 200 with the body, or 304 when If-None-Match / If-Modified-Since show the client already has it. */
    public static Response ok(Request request, String body, String mediaType, Instant lastModified) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        EntityTag tag = tagOf(bytes);
        Date modified = Date.from(lastModified.truncatedTo(ChronoUnit.SECONDS));
        Response.ResponseBuilder notModified = request.evaluatePreconditions(modified, tag);
        if (notModified != null) {
            return notModified.tag(tag).lastModified(modified).build();
        }
        return Response.ok(bytes, mediaType + ";charset=UTF-8").tag(tag).lastModified(modified).build();
    }
}
