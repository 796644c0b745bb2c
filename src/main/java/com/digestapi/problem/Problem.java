package com.digestapi.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem details body, the shape of every error response. Its texts and its list of errors are cut to the
 * sizes the API description states: some repeat what the request sent, and one import can break thousands of rules.
 */
@Schema(name = "Problem", description = "RFC 9457 problem details (media type application/problem+json).")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(description = "URI identifying the kind of problem; dereference it for a description.",
                examples = "http://localhost:8080/problems/validation", required = true, format = "uri") String type,
        @Schema(description = "Short summary of the kind of problem.", examples = "Invalid request", required = true,
                maxLength = TITLE_LENGTH, pattern = NOT_BLANK) String title,
        @Schema(description = "HTTP status code.", examples = "400", required = true, minimum = "400", maximum = "599")
        int status,
        @Schema(description = "What went wrong with this request; a longer text is cut, ending with \u2026", examples =
                "headline must not be blank", required = true, maxLength = DETAIL_LENGTH, pattern = NOT_BLANK) String detail,
        @Schema(description = "Path of the request that failed.", examples = "/api/v1/articles", required = true,
                format = "uri-reference") String instance,
        @JsonInclude(JsonInclude.Include.NON_EMPTY)
        @Schema(description = "One entry per invalid field or query parameter, the first 100 of them.",
                maxItems = MAX_ERRORS) List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final int TITLE_LENGTH = 100;
    public static final int DETAIL_LENGTH = 4000;
    public static final int MAX_ERRORS = 100;
    /** Never blank (as a regular expression). */
    private static final String NOT_BLANK = "\\S";

    public Problem {
        title = cut(title, TITLE_LENGTH);
        detail = cut(detail, DETAIL_LENGTH);
        if (errors != null && errors.size() > MAX_ERRORS) {
            errors = List.copyOf(errors.subList(0, MAX_ERRORS));
        }
    }

    /** One invalid field of a body (dotted path with [index]) or one invalid query parameter. */
    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(description = "Body field path or query parameter name.", examples = "headline", required = true,
                    maxLength = FIELD_LENGTH) String field,
            @Schema(description = "What is wrong with it.", examples = "must not be blank", required = true,
                    maxLength = MESSAGE_LENGTH, pattern = NOT_BLANK) String message) {

        public static final int FIELD_LENGTH = 200;
        public static final int MESSAGE_LENGTH = 500;

        public FieldError {
            field = cut(field, FIELD_LENGTH);
            message = cut(message, MESSAGE_LENGTH);
        }
    }

    /** The text, or its beginning and an ellipsis within the length (never half of a surrogate pair). */
    static String cut(String text, int length) {
        if (text == null || text.length() <= length) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(length - 2)) ? length - 2 : length - 1;
        return text.substring(0, end) + "\u2026";
    }
}
