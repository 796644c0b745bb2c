package com.digestapi.problem;

import com.digestapi.problem.Problem.FieldError;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
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

    /** Ends a request refused before it reaches the resources (body too large, origin not allowed, sign-in throttled). */
    public static Future<Void> end(RoutingContext context, ProblemType type, String detail, ObjectMapper mapper) {
        URI uri = URI.create(context.request().absoluteURI());
        String base = uri.getScheme() + "://" + uri.getRawAuthority() + "/";
        Problem problem = new Problem(base + "problems/" + type.slug, type.title, type.status, detail, uri.getRawPath(), null);
        try {
            return context.response().setStatusCode(type.status)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE)
                    .putHeader("Cache-Control", "no-store")
                    .end(mapper.writeValueAsString(problem));
        } catch (JsonProcessingException e) {
            context.fail(e);
            return Future.failedFuture(e);
        }
    }

    static String describe(List<FieldError> errors) {
        return errors.stream()
                .map(e -> e.field() == null || e.field().isEmpty() ? e.message() : e.field() + " " + e.message())
                .collect(Collectors.joining("; "));
    }
}
