package com.digestapi.openapi;

import com.digestapi.listing.Page;
import com.digestapi.listing.PagedResponses;
import com.digestapi.problem.Problem;
import com.digestapi.problem.ProblemType;
import com.digestapi.web.ApiPaths;
import com.digestapi.web.MergePatch;
import com.digestapi.web.PortableValues;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Completes the generated OpenAPI document with what every operation shares, so no annotation repeats it: the
 * problem responses each operation can give (503 for every API operation: each reaches the database), the paging
 * headers of list responses, and the range of every date.
 */
public class OpenApiFilter implements OASFilter {

    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final String TOKEN_SCHEME = "token";
    private static final String JSON = "application/json";
    private static final String DATES = "A date (yyyy-MM-dd) from " + PortableValues.DATE_RANGE + ".";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        if (openAPI.getComponents() != null && openAPI.getComponents().getSchemas() != null) {
            // Every date of every body refers to this one schema.
            Schema date = openAPI.getComponents().getSchemas().get("LocalDate");
            if (date != null) {
                date.description(DATES);
            }
        }
        openAPI.getComponents().addSecurityScheme(TOKEN_SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("dgst_…")
                .description("An API token (POST /api/v1/accounts/me/tokens), sent as Authorization: Bearer <token>."
                        + " For programs: it costs no password hashing per request and can be revoked on its own."));
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            boolean hasId = path.getKey().contains("{");
            boolean api = path.getKey().startsWith(ApiPaths.V1 + "/");
            boolean versioned = path.getKey().matches(".*/\\{id}(/.*)?") && !path.getKey().endsWith("/articles");
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                complete(entry.getKey(), entry.getValue(), hasId, versioned);
                if (api) {
                    overload(entry.getValue());
                }
            }
        }
    }

    /** @param versioned whether the path names one resource that has an ETag, so writes to it honour If-Match */
    private static void complete(PathItem.HttpMethod method, Operation operation, boolean hasId, boolean versioned) {
        if (operation.getSecurity() == null) {
            // Reads are public: an empty requirement means no authentication.
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement());
        }
        if (operation.getParameters() != null) {
            operation.getParameters().stream()
                    .filter(p -> p.getSchema() != null && "date".equals(p.getSchema().getFormat()))
                    .forEach(p -> p.description(p.getDescription() == null ? DATES : p.getDescription() + " " + DATES));
        }
        boolean hasQuery = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY);
        boolean hasBody = operation.getRequestBody() != null;
        boolean writes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        if (hasQuery || hasBody || writes) {
            problem(operation, ProblemType.VALIDATION, "Malformed JSON, a wrong type, an unknown property or an invalid"
                    + " value in the body or a query parameter (such as text holding a control character other than tab,"
                    + " line feed or carriage return, or a date outside " + PortableValues.DATE_RANGE + "); errors[] names"
                    + " each field." + (writes ? " Also a value the database cannot store (too long or out of range for"
                    + " its column), named in the detail only." : ""));
        }
        if (hasId) {
            problem(operation, ProblemType.NOT_FOUND, "No resource has this id.");
        }
        problem(operation, ProblemType.NOT_ACCEPTABLE, "The Accept header allows no media type the operation produces.");
        if (writes) {
            problem(operation, ProblemType.CONFLICT, "A slug or name is already taken, the resource is still in use,"
                    + " or a concurrent change to the same resource won.");
        }
        if (hasBody && method == PathItem.HttpMethod.PATCH) {
            // PATCH takes a merge patch as plain application/json too (the resources consume both).
            Content body = operation.getRequestBody().getContent();
            if (body != null && body.getMediaType(MergePatch.MEDIA_TYPE) != null
                    && body.getMediaType(JSON) == null) {
                body.addMediaType(JSON, body.getMediaType(MergePatch.MEDIA_TYPE));
            }
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()
                && !operation.getSecurity().get(0).getSchemes().isEmpty()) {
            // Either scheme signs in: Basic (the editor scheme) for people, an API token for programs.
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(TOKEN_SCHEME));
            problem(operation, ProblemType.UNAUTHORIZED, "No credentials, or wrong ones (the response carries"
                    + " WWW-Authenticate: Basic).");
            problem(operation, ProblemType.FORBIDDEN, "The account lacks the editor role, or the browser origin may not write.");
        }
        // Credentials are checked wherever they are sent: a read needs none, but wrong ones are refused, not ignored.
        problem(operation, ProblemType.UNAUTHORIZED, "Credentials were sent and are wrong, expired or malformed (the"
                + " response carries WWW-Authenticate); send none to read as an anonymous reader.");
        problem(operation, ProblemType.TOO_MANY_REQUESTS, "The client's quota is spent (RateLimit-Policy, RateLimit);"
                + " retry after Retry-After seconds.");
        boolean conditionalWrite = versioned && (method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH
                || method == PathItem.HttpMethod.DELETE);
        if (conditionalWrite) {
            if (operation.getParameters() != null) {
                operation.getParameters().stream().filter(p -> "If-Match".equalsIgnoreCase(p.getName())).toList()
                        .forEach(operation::removeParameter);
            }
            operation.addParameter(OASFactory.createParameter().name("If-Match").in(Parameter.In.HEADER)
                    .description("The ETag you read; the write happens only if the resource still has it (else 412).")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
            problem(operation, ProblemType.PRECONDITION_FAILED, "If-Match does not match the current ETag.");
        }
        if (method == PathItem.HttpMethod.GET && operation.getResponses().getAPIResponse("200") != null
                && !operation.getResponses().hasAPIResponse("304")) {
            operation.addParameter(OASFactory.createParameter().name("If-None-Match").in(Parameter.In.HEADER)
                    .description("An ETag you hold; 304 without a body if it is still current.")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
            operation.getResponses().addAPIResponse("304", OASFactory.createAPIResponse()
                    .description("Not modified: the ETag in If-None-Match is current."));
        }
        if (hasBody) {
            problem(operation, ProblemType.PAYLOAD_TOO_LARGE, "The body is larger than 1 MiB.");
            problem(operation, ProblemType.UNSUPPORTED_MEDIA_TYPE, "The Content-Type is not one the operation accepts.");
        }
        APIResponse ok = operation.getResponses().getAPIResponse("200");
        if (ok != null && isPage(ok)) {
            ok.addHeader(PagedResponses.TOTAL_COUNT, header("Number of items matching the filters, on all pages; sent"
                    + " only when that number is exact (totalExact true).",
                    OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
            ok.addHeader("Link", header("RFC 8288 links (absolute URLs that keep the other query parameters): first"
                    + " (page=0); prev (the page number before, when numbered pages reach it); next (cursor=..., the page"
                    + " after this one's last item, when there is one); last (by number, when the total is exact and"
                    + " numbered pages reach it).", OASFactory.createSchema().addType(Schema.SchemaType.STRING)));
        }
        APIResponse created = operation.getResponses().getAPIResponse("201");
        if (created != null) {
            created.addHeader("Location", header("Absolute URL of the new resource.",
                    OASFactory.createSchema().addType(Schema.SchemaType.STRING).format("uri")));
        }
    }

    /** Every operation under /api/v1 reaches the database, so every one can find it overloaded. */
    private static void overload(Operation operation) {
        problem(operation, ProblemType.UNAVAILABLE, "Overloaded: no database connection was free within the pool's"
                + " acquisition timeout, or a statement ran past digest.read.statement-timeout. Retry after Retry-After.");
        operation.getResponses().getAPIResponse(String.valueOf(ProblemType.UNAVAILABLE.status))
                .addHeader(HttpHeaders.RETRY_AFTER, header("Seconds to wait before retrying.",
                        OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)));
    }

    private static boolean isPage(APIResponse response) {
        return response.getContent() != null && response.getContent().getMediaTypes().values().stream()
                .anyMatch(m -> m.getSchema() != null && m.getSchema().getRef() != null
                        && m.getSchema().getRef().startsWith("#/components/schemas/Page"));
    }

    /**
     * Adds the problem response for the type's status. An annotation may name the status with only a more precise
     * description ({@code @APIResponse(responseCode = "404", description = "No outlet has this id.")}): it keeps its
     * description and gets the problem content here.
     */
    private static void problem(Operation operation, ProblemType type, String description) {
        String code = String.valueOf(type.status);
        APIResponse existing = operation.getResponses().getAPIResponse(code);
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
        if (existing == null) {
            operation.getResponses().addAPIResponse(code,
                    OASFactory.createAPIResponse().description(description).content(content));
        } else if (existing.getContent() == null || existing.getContent().getMediaTypes().isEmpty()) {
            existing.content(content);
            if (existing.getDescription() == null || existing.getDescription().equals("Bad Request")) {
                existing.description(description);
            }
        }
    }

    private static Header header(String description, Schema schema) {
        return OASFactory.createHeader().description(description).schema(schema);
    }
}
