package com.digestapi.problem;

import jakarta.ws.rs.core.UriInfo;

/** The kinds of problem the API reports; each has a dereferenceable type URI under /problems/{slug}. */
public enum ProblemType {
    VALIDATION("validation", 400, "Invalid request",
            "A body field or query parameter has a value the contract does not allow; errors[] names each one. A value"
                    + " the checks let through but the database cannot store (too long or out of range for its column)"
                    + " is one too, named in the detail only."),
    MALFORMED_JSON("malformed-json", 400, "Malformed JSON",
            "The request body is not well-formed JSON, or a value has the wrong JSON type."),
    UNAUTHORIZED("unauthorized", 401, "Authentication required",
            "The operation needs the credentials of an editor (HTTP Basic, or an API token as Authorization: Bearer),"
                    + " or the credentials sent are wrong, expired or malformed."),
    FORBIDDEN("forbidden", 403, "Forbidden",
            "The authenticated user lacks the role the operation needs."),
    NOT_FOUND("not-found", 404, "Not found",
            "No resource exists at this address, or it is not visible to you."),
    METHOD_NOT_ALLOWED("method-not-allowed", 405, "Method not allowed",
            "The resource exists but does not support this HTTP method; the Allow header lists the ones it does."),
    NOT_ACCEPTABLE("not-acceptable", 406, "Not acceptable",
            "The resource cannot be represented in any media type the Accept header allows."),
    CONFLICT("conflict", 409, "Conflict",
            "The request conflicts with the current state: a slug or name already taken, or a resource still in use."),
    GONE("sync-token-expired", 410, "Sync token expired",
            "The sync token is older than the change history the service keeps (digest.sync.retention, 90 days by"
                    + " default), or belongs to another database (or to history a restore undid): the changes since it"
                    + " can no longer be listed. Start a new initial sync: GET /api/v1/sync without a token."),
    RESTORE_EXPIRED("restore-expired", 410, "Too late to restore",
            "The article or issue was deleted longer ago than a restore is offered (digest.revisions.restore-deleted-for,"
                    + " 30 days by default). Its revisions stay readable until the retention removes them; after that its"
                    + " id answers 404 like any unknown one."),
    PRECONDITION_FAILED("precondition-failed", 412, "Precondition failed",
            "The If-Match header does not match the resource's current ETag: somebody changed it first."),
    PAYLOAD_TOO_LARGE("payload-too-large", 413, "Payload too large",
            "The request body is larger than the service accepts (1 MiB)."),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415, "Unsupported media type",
            "The request body's Content-Type is not one the operation accepts."),
    TOO_MANY_REQUESTS("too-many-requests", 429, "Too many requests",
            "The client has spent its quota of requests (anonymous: per address; signed in: per account or API token;"
                    + " writes and wrong credentials have their own). RateLimit-Policy states the quota, RateLimit what"
                    + " is left, and Retry-After the seconds until the request may be sent again."),
    INTERNAL("internal", 500, "Internal error",
            "The service failed unexpectedly; the failure is logged. Retrying may help."),
    UNAVAILABLE("unavailable", 503, "Service unavailable",
            "The service cannot answer now: no database connection was free in time, or a database statement ran past"
                    + " its time limit, and the transaction was rolled back; or the search index is still being built"
                    + " from the database. Retry after the seconds that the Retry-After header gives.");

    public final String slug;
    public final int status;
    public final String title;
    public final String description;

    ProblemType(String slug, int status, String title, String description) {
        this.slug = slug;
        this.status = status;
        this.title = title;
        this.description = description;
    }

    public String uri(UriInfo uriInfo) {
        return uriInfo.getBaseUriBuilder().path("problems").path(slug).build().toString();
    }

    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status && type != MALFORMED_JSON) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : VALIDATION;
    }
}
