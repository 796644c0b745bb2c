package com.digestapi.caching;

import com.digestapi.problem.ProblemException;
import com.digestapi.problem.ProblemType;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import java.util.function.Supplier;

/** Checks a write's {@link Precondition} against the ETag a GET of the resource would send now (412 on mismatch). */
@ApplicationScoped
public class Preconditions {

    private final ObjectMapper mapper;

    Preconditions(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** 412 unless the condition holds; the current representation is only built when there is a condition to check. */
    public void require(Precondition precondition, Supplier<?> current) {
        if (precondition.isNone()) {
            return;
        }
        EntityTag tag = ETags.tagOf(bytesOf(current.get()));
        if (!ETags.matches(precondition.ifMatch(), tag, false)) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "If-Match does not match the current ETag "
                    + tag + ": the resource changed since you read it; read it again");
        }
    }

    /**
     * 412 for any condition: the resource has no current representation (it was deleted), and If-Match, even "*", holds
     * only for one that exists (RFC 9110 13.1.1).
     */
    public void requireAbsent(Precondition precondition, String resource) {
        if (!precondition.isNone()) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "If-Match names a current representation, but "
                    + resource + " was deleted and has none: send the request without If-Match");
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
