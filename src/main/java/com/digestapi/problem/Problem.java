package com.digestapi.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An RFC 9457 problem details body, the shape of every error response. */
@Schema(name = "Problem", description = "RFC 9457 problem details (media type application/problem+json).")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(description = "URI identifying the kind of problem; dereference it for a description.",
                examples = "http://localhost:8080/problems/validation", required = true) String type,
        @Schema(description = "Short summary of the kind of problem.", examples = "Invalid request", required = true) String title,
        @Schema(description = "HTTP status code.", examples = "400", required = true) int status,
        @Schema(description = "What went wrong with this request.", examples = "headline must not be blank", required = true) String detail,
        @Schema(description = "Path of the request that failed.", examples = "/api/v1/articles", required = true) String instance,
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        @Schema(description = "One entry per invalid field or query parameter.") List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One invalid field of a body (dotted path with [index]) or one invalid query parameter. */
    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(description = "Body field path or query parameter name.", examples = "headline", required = true) String field,
            @Schema(description = "What is wrong with it.", examples = "must not be blank", required = true) String message) {
    }
}
