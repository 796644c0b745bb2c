package com.digestapi.problem;

import com.digestapi.problem.Problem.FieldError;
import java.util.List;
import java.util.Map;

/** A failure the client caused, carried to the problem mapper with its status and wording. */
public class ProblemException extends RuntimeException {

    public final ProblemType type;
    public final List<FieldError> errors;
    public final Map<String, String> headers;

    public ProblemException(ProblemType type, String detail, List<FieldError> errors, Map<String, String> headers) {
        super(detail, null, false, false);
        this.type = type;
        this.errors = List.copyOf(errors);
        this.headers = Map.copyOf(headers);
    }

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, List.of(), Map.of());
    }

    public static ProblemException notFound(String resource, Object id) {
        return new ProblemException(ProblemType.NOT_FOUND, resource + " " + id + " does not exist");
    }

    public static ProblemException conflict(String detail) {
        return new ProblemException(ProblemType.CONFLICT, detail);
    }

    public static ProblemException invalid(List<FieldError> errors) {
        return new ProblemException(ProblemType.VALIDATION, Problems.describe(errors), errors, Map.of());
    }

    /** A 503: the service cannot answer yet, for a reason that passes (the client may retry after the seconds given). */
    public static ProblemException unavailable(String detail, int retryAfterSeconds) {
        return new ProblemException(ProblemType.UNAVAILABLE, detail, List.of(),
                Map.of("Retry-After", Integer.toString(retryAfterSeconds)));
    }

    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }
}
