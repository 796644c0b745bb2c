package com.digestapi.common;

import com.digestapi.common.Problem.FieldError;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Builds problem+json responses; the only place that turns a failure into HTTP. */
public final class Problems {

    private Problems() {
    }

    public static Response response(ProblemType type, String detail, List<FieldError> errors,
                                    Map<String, String> headers, UriInfo uriInfo) {
        Problem body = new Problem(type.uri(uriInfo), type.title, type.status, detail,
                uriInfo.getRequestUri().getRawPath(), errors.isEmpty() ? null : errors);
        Response.ResponseBuilder builder = Response.status(type.status).type(Problem.MEDIA_TYPE).entity(body);
        headers.forEach(builder::header);
        return builder.build();
    }

    public static Response response(ProblemType type, String detail, UriInfo uriInfo) {
        return response(type, detail, List.of(), Map.of(), uriInfo);
    }

    static String describe(List<FieldError> errors) {
        return errors.stream()
                .map(e -> e.field() == null || e.field().isEmpty() ? e.message() : e.field() + " " + e.message())
                .collect(Collectors.joining("; "));
    }
}
