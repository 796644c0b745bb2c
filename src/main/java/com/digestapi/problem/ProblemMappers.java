package com.digestapi.problem;

import com.digestapi.problem.Problem.FieldError;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpClosedException;
import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import jakarta.persistence.QueryTimeoutException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hibernate.StaleStateException;
import org.hibernate.exception.DataException;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** The one family of exception mappers: every failure leaves the service as an RFC 9457 problem. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    public static final String CHALLENGE = "Basic realm=\"digest\", charset=\"UTF-8\", Bearer realm=\"digest\"";
    /** An overloaded pool frees up within its acquisition timeout (2 s), so a second later is a fair first retry. */
    private static final String RETRY_AFTER_SECONDS = "1";
    /** nginx's "client closed request": never sent, kept out of the 5xx counts. */
    private static final int CLIENT_CLOSED_REQUEST = 499;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uriInfo) {
        return Problems.response(e.type, e.getMessage(), e.errors, e.headers, uriInfo);
    }

    @ServerExceptionMapper
    public Response invalidValues(ConstraintViolationException e, UriInfo uriInfo) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message))
                .toList();
        return Problems.response(ProblemType.VALIDATION, Problems.describe(errors), errors, Map.of(), uriInfo);
    }

    // Quarkus ships mappers for these two subtypes; naming them here keeps every JSON failure a problem response.
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uriInfo) {
        return unreadableJson(e, uriInfo);
    }

    @ServerExceptionMapper
    public Response unparsableJson(JsonParseException e, UriInfo uriInfo) {
        return unreadableJson(e, uriInfo);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uriInfo) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem(problem, uriInfo);
            }
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            List<FieldError> errors = List.of(new FieldError(pathOf(unknown), "is not a known property"));
            return Problems.response(ProblemType.VALIDATION, Problems.describe(errors), errors, Map.of(), uriInfo);
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            List<FieldError> errors = List.of(new FieldError(pathOf(mapping), expectation(mapping)));
            return Problems.response(ProblemType.MALFORMED_JSON, Problems.describe(errors), errors, Map.of(), uriInfo);
        }
        if (e instanceof InputCoercionException) {
            return Problems.response(ProblemType.MALFORMED_JSON, "a number in the body is out of range", uriInfo);
        }
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        String what = e instanceof JsonParseException || e instanceof StreamReadException
                ? "the body is not well-formed JSON" : "the body does not have the expected JSON shape";
        return Problems.response(ProblemType.MALFORMED_JSON, what + where, uriInfo);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uriInfo) {
        return Problems.response(ProblemType.UNAUTHORIZED, "this operation needs an editor's credentials (HTTP Basic)",
                List.of(), Map.of(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE), uriInfo);
    }

    @ServerExceptionMapper
    public Response badCredentials(AuthenticationFailedException e, UriInfo uriInfo) {
        // Sign-in says why it refused (malformed, unknown token, throttled) with a problem of its own.
        if (e.getCause() instanceof ProblemException refusal) {
            return problem(refusal, uriInfo);
        }
        return Problems.response(ProblemType.UNAUTHORIZED, "the username or password is wrong", List.of(),
                Map.of(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE), uriInfo);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uriInfo) {
        return Problems.response(ProblemType.FORBIDDEN, "this operation needs the editor role", uriInfo);
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uriInfo) {
        return Problems.response(ProblemType.NOT_FOUND,
                uriInfo.getRequestUri().getRawPath() + " does not exist", uriInfo);
    }

    @ServerExceptionMapper
    public Response methodNotAllowed(NotAllowedException e, UriInfo uriInfo) {
        String allow = AllowedMethods.at(uriInfo.getRequestUri().getRawPath());
        return Problems.response(ProblemType.METHOD_NOT_ALLOWED, "this resource allows " + allow, List.of(),
                Map.of(HttpHeaders.ALLOW, allow), uriInfo);
    }

    @ServerExceptionMapper
    public Response notAcceptable(NotAcceptableException e, UriInfo uriInfo) {
        return Problems.response(ProblemType.NOT_ACCEPTABLE,
                "this resource is available as application/json; adjust the Accept header", uriInfo);
    }

    @ServerExceptionMapper
    public Response unsupportedMediaType(NotSupportedException e, UriInfo uriInfo, HttpHeaders headers) {
        String sent = headers.getHeaderString(HttpHeaders.CONTENT_TYPE);
        return Problems.response(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                (sent == null ? "a body without Content-Type" : "Content-Type " + sent)
                        + " is not accepted here; send application/json", uriInfo);
    }

    @ServerExceptionMapper
    public Response otherHttpFailure(WebApplicationException e, UriInfo uriInfo, HttpHeaders headers) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uriInfo);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uriInfo, headers);
        }
        ProblemType type = ProblemType.forStatus(status);
        String detail = status == 413 ? "the request body is larger than 1 MiB" : type.description;
        return Problems.response(type, detail, uriInfo);
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uriInfo, HttpHeaders headers) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException) {
                return Problems.response(ProblemType.CONFLICT,
                        "the change conflicts with an existing resource (a slug or name is taken, or it is still in use)",
                        uriInfo);
            }
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException
                    || cause instanceof PessimisticLockException || cause instanceof LockTimeoutException
                    || cause instanceof org.hibernate.PessimisticLockException
                    || cause instanceof org.hibernate.exception.LockAcquisitionException) {
                // A concurrent writer won: for a conditional request its precondition no longer holds.
                boolean conditional = headers.getHeaderString(HttpHeaders.IF_MATCH) != null;
                return Problems.response(conditional ? ProblemType.PRECONDITION_FAILED : ProblemType.CONFLICT,
                        "the resource was changed by another request at the same time; read it again and retry",
                        uriInfo);
            }
            if (cause instanceof ProblemException problem) {
                return problem(problem, uriInfo);
            }
            if (cause instanceof JsonProcessingException json) {
                return unreadableJson(json, uriInfo);
            }
            String overload = overload(cause);
            if (overload != null) {
                return overloaded(overload, uriInfo);
            }
            if (cause instanceof ClosedChannelException || cause instanceof HttpClosedException) {
                // The client left before its answer was written: no failure of the service, and no one to answer.
                LOG.debug("The client closed the connection before the answer on " + uriInfo.getRequestUri().getRawPath());
                return Response.status(CLIENT_CLOSED_REQUEST).build();
            }
            if (isDataException(cause)) {
                // Validation let through a value its column cannot hold: the client can fix it, the code should too.
                LOG.warn("A value passed validation but not the database on " + uriInfo.getRequestUri().getRawPath()
                        + ": " + cause.getMessage());
                return Problems.response(ProblemType.VALIDATION, "a value is too long or out of range for storage;"
                        + " shorten or correct it", uriInfo);
            }
        }
        LOG.error("Unexpected failure on " + uriInfo.getRequestUri().getRawPath(), e);
        return Problems.response(ProblemType.INTERNAL, "the request failed unexpectedly; the failure is logged", uriInfo);
    }

    /** A value the database cannot store: Hibernate's DataException, or the JDBC one (SQLSTATE class 22) it wraps. */
    private static boolean isDataException(Throwable e) {
        return e instanceof DataException || e instanceof SQLDataException
                || e instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22");
    }

    /**
     * What ran out when the database could not serve the request in time, or null: the pool had no free connection
     * within its acquisition timeout (Agroal says so only in the message of a plain SQLException: "Sorry, acquisition
     * timeout!" while it waits for a free connection, "Acquisition timeout while waiting for new connection" while it
     * opens one), the database could not be reached, or a statement ran past its timeout
     * (digest.read.statement-timeout).
     */
    private static String overload(Throwable cause) {
        if (cause instanceof QueryTimeoutException || cause instanceof org.hibernate.QueryTimeoutException
                || cause instanceof SQLException sql && "57014".equals(sql.getSQLState())) {
            return "a database statement ran past its timeout";
        }
        if (cause instanceof SQLException sql && sql.getMessage() != null
                && sql.getMessage().toLowerCase(Locale.ROOT).contains("acquisition timeout")
                || cause instanceof JDBCConnectionException) {
            return "no database connection was free in time";
        }
        return null;
    }

    /** Overload is no failure of the request nor of the service: one WARN line, no stack trace, and 503 for the client. */
    private static Response overloaded(String what, UriInfo uriInfo) {
        LOG.warn("Overload on " + uriInfo.getRequestUri().getRawPath() + ": " + what + "; answered 503");
        return Problems.response(ProblemType.UNAVAILABLE, "the service is overloaded (" + what + "); retry in "
                + RETRY_AFTER_SECONDS + " s", List.of(), Map.of(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS), uriInfo);
    }

    private static String fieldOf(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        for (Path.Node node : violation.getPropertyPath()) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.PARAMETER || kind == ElementKind.CONSTRUCTOR
                    || kind == ElementKind.CROSS_PARAMETER || kind == ElementKind.RETURN_VALUE) {
                continue;
            }
            // A node in a list carries its index, which belongs to the list before it: quotes[0].text.
            if (node.isInIterable() && node.getIndex() != null) {
                field.append('[').append(node.getIndex()).append(']');
            }
            if (node.getName() != null && !node.getName().startsWith("<")) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String expectation(JsonMappingException e) {
        Class<?> target = e instanceof MismatchedInputException mismatch ? mismatch.getTargetType() : null;
        if (e instanceof InvalidFormatException && target == LocalDate.class) {
            return "must be a date (yyyy-MM-dd)";
        }
        if (e instanceof InvalidJsonValue invalid) {
            return invalid.getOriginalMessage();
        }
        if (target == null) {
            return e.getCause() instanceof InputCoercionException ? "is out of range" : "has an invalid value";
        }
        if (target.isEnum()) {
            return "must be one of " + List.of(target.getEnumConstants());
        }
        if (target == String.class) {
            return "must be a string";
        }
        if (target == Long.class || target == Integer.class || target == long.class || target == int.class) {
            return "must be an integer";
        }
        if (target == Boolean.class || target == boolean.class) {
            return "must be true or false";
        }
        if (Temporal.class.isAssignableFrom(target)) {
            return target == LocalDate.class ? "must be a date (yyyy-MM-dd)" : "must be an ISO-8601 instant";
        }
        if (Collection.class.isAssignableFrom(target) || target.isArray()) {
            return "must be an array";
        }
        return "must be an object";
    }
}
