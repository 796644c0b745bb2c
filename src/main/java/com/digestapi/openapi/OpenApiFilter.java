package com.digestapi.openapi;

import com.digestapi.caching.ETags;
import com.digestapi.listing.Cursor;
import com.digestapi.listing.PagedResponses;
import com.digestapi.problem.Problem;
import com.digestapi.problem.ProblemType;
import com.digestapi.web.ApiPaths;
import com.digestapi.web.Ids;
import com.digestapi.web.MergePatch;
import com.digestapi.web.PortableValues;
import com.digestapi.web.RequestIds;
import jakarta.ws.rs.core.HttpHeaders;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Completes the generated OpenAPI document with what every operation shares, so no annotation repeats it: the
 * problem responses each operation can give (503 for every API operation: each reaches the database; 401, 429 and 500
 * for all, each described once in the components), the rate-limit and CORS headers of every response, the paging
 * headers of list responses, and the limits that follow from a value's type (the range of an int64, the length of a
 * date), so that every string, integer and array of the document states its bounds. The limits of each field are the
 * annotations', from the constants the code enforces.
 */
public class OpenApiFilter implements OASFilter {

    private static final String RATE_LIMIT_POLICY = "RateLimit-Policy";
    private static final String RATE_LIMIT = "RateLimit";
    private static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
    private static final String REQUEST_ID = "X-Request-Id";
    private static final String TOO_MANY_REQUESTS = "TooManyRequests";
    private static final String UNAUTHORIZED = "Unauthorized";
    private static final String INTERNAL_ERROR = "InternalError";
    private static final String CLIENT_ERROR = "ClientError";
    /** The headers every response carries, whatever its status. */
    static final List<String> EVERY_RESPONSE = List.of(RATE_LIMIT_POLICY, RATE_LIMIT, ALLOW_ORIGIN, REQUEST_ID);

    /**
     * The longest absolute URL the service builds from a request (Location, links, problem types): a scheme, the Host
     * header, which quarkus.http.limits.max-header-size (20K) bounds with all the other headers, and a path and query no
     * longer than the request line, which quarkus.http.limits.max-initial-line-length (32768) bounds; both are set in
     * application.properties, and OpenApiLimitsTest checks these figures against them.
     */
    private static final int REQUEST_LINE_LENGTH = 32_768;
    private static final int HEADERS_LENGTH = 20 * 1024;
    private static final int URL_LENGTH = "https://".length() + HEADERS_LENGTH + REQUEST_LINE_LENGTH;
    /** A link of the Link header: a URL of the list with its parameters, a cursor, and its rel and type. */
    private static final int LINK_LENGTH = URL_LENGTH + Cursor.MAX_LENGTH + 100;
    /** first, prev, next, last and the alternate feed. */
    private static final int LINKS = 5;

    /** A structured-field list of string items with parameters (RFC 9651), as the RateLimit headers are. */
    private static final String STRUCTURED_LIST = "^\"[^\"]*\"(;[a-z][a-z0-9*_.-]*=[^;,]+)*"
            + "(, *\"[^\"]*\"(;[a-z][a-z0-9*_.-]*=[^;,]+)*)*$";
    private static final int STRUCTURED_LIST_LENGTH = 512;
    /** The challenges of a 401: Basic now, more schemes as they come. */
    private static final int CHALLENGE_LENGTH = 200;
    /** IMF-fixdate (RFC 9110), what Last-Modified carries. */
    private static final String HTTP_DATE = "^[A-Z][a-z]{2}, [0-9]{2} [A-Z][a-z]{2} [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT$";
    private static final int HTTP_DATE_LENGTH = "Sun, 06 Nov 1994 08:49:37 GMT".length();
    /** One entity tag or "*": what a client read, maybe marked weak by a cache on the way. */
    private static final String ENTITY_TAG = "^(\\*|(W/)?\"[!#-~]*\")$";
    private static final int ENTITY_TAG_LENGTH = "W/\"\"".length() + ETags.TAG_LENGTH;
    /** What the service writes in an ETag header. */
    private static final String STRONG_TAG = "^\"[A-Za-z0-9_-]{" + ETags.TAG_LENGTH + "}\"$";

    private static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final String TOKEN_SCHEME = "token";
    private static final String JSON = "application/json";
    private static final String DATES = "A date (yyyy-MM-dd) from " + PortableValues.DATE_RANGE + ".";
    /** The descriptions SmallRye gives the responses it adds by itself, which a precise one replaces. */
    private static final Set<String> GENERATED = Set.of("Bad Request", "Not Authorized", "Not Allowed");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        Components components = openAPI.getComponents();
        if (components.getSchemas() != null) {
            // Every date of every body refers to this one schema.
            Schema date = components.getSchemas().get("LocalDate");
            if (date != null) {
                date.description(DATES);
            }
        }
        openAPI.getComponents().addSecurityScheme(TOKEN_SCHEME, OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("dgst_…")
                .description("An API token (POST /api/v1/accounts/me/tokens), sent as Authorization: Bearer <token>."
                        + " For programs: it costs no password hashing per request and can be revoked on its own."));
        // Relative: the document is served by the API it describes, so tools resolve "/" against wherever they fetched
        // it. Public: the API is for everyone.
        openAPI.servers(List.of(OASFactory.createServer().url("/")
                .description("The service that serves this document (production, staging or local alike)")
                .addExtension("x-internal", false)));
        sharedHeaders(components);
        sharedResponses(components);
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            boolean hasId = path.getKey().contains("{");
            boolean api = path.getKey().startsWith(ApiPaths.V1 + "/");
            boolean versioned = path.getKey().matches(".*/\\{id}(/.*)?") && !path.getKey().endsWith("/articles");
            boolean restore = path.getKey().endsWith("/restore");
            for (Map.Entry<PathItem.HttpMethod, Operation> entry : path.getValue().getOperations().entrySet()) {
                complete(entry.getKey(), entry.getValue(), hasId, versioned, restore);
                if (api) {
                    overload(entry.getValue());
                }
                limited(entry.getValue(), components.getHeaders().keySet());
                if (path.getKey().startsWith("/problems/")) {
                    problemTypes(entry.getValue());
                }
            }
        }
        bound(openAPI);
    }

    /**
     * @param versioned whether the path names one resource that has an ETag, so writes to it honour If-Match
     * @param restore   whether the path restores a revision of such a resource (a POST that honours If-Match too)
     */
    private static void complete(PathItem.HttpMethod method, Operation operation, boolean hasId, boolean versioned,
                                 boolean restore) {
        if (operation.getSecurity() == null) {
            // Reads are public: an empty requirement means no authentication.
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement());
        }
        if (operation.getParameters() != null) {
            operation.getParameters().stream()
                    .filter(p -> p.getSchema() != null && "date".equals(p.getSchema().getFormat()))
                    .forEach(p -> p.description(p.getDescription() == null ? DATES : p.getDescription() + " " + DATES));
            // A path segment of digits names a row by its id, a positive int64.
            operation.getParameters().stream()
                    .filter(p -> p.getIn() == Parameter.In.PATH && p.getSchema() != null
                            && "[0-9]+".equals(p.getSchema().getPattern()))
                    .forEach(p -> p.getSchema().maxLength(Ids.MAX_LENGTH));
        }
        boolean hasQuery = operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY);
        boolean hasBody = operation.getRequestBody() != null;
        boolean writes = method != PathItem.HttpMethod.GET && method != PathItem.HttpMethod.HEAD;
        // A read whose path value can be malformed says so with its own 400 annotation (GET by slug).
        if (hasQuery || hasBody || writes || operation.getResponses().hasAPIResponse("400")) {
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
        // Reads need no credentials, but a request may carry some (an editor reading drafts), and wrong ones are a 401.
        operation.getResponses().addAPIResponse(String.valueOf(ProblemType.UNAUTHORIZED.status), responseRef(UNAUTHORIZED));
        if (secured(operation)) {
            // Either scheme signs in: Basic (the editor scheme) for people, an API token for programs.
            operation.addSecurityRequirement(OASFactory.createSecurityRequirement().addScheme(TOKEN_SCHEME));
            problem(operation, ProblemType.FORBIDDEN, "The account lacks the editor role, or the browser origin may not write.");
        }
        boolean conditionalWrite = versioned && (method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH
                || method == PathItem.HttpMethod.DELETE || restore && method == PathItem.HttpMethod.POST);
        if (conditionalWrite) {
            if (operation.getParameters() != null) {
                operation.getParameters().stream().filter(p -> "If-Match".equalsIgnoreCase(p.getName())).toList()
                        .forEach(operation::removeParameter);
            }
            operation.addParameter(OASFactory.createParameter().name("If-Match").in(Parameter.In.HEADER)
                    .description("The ETag you read; the write happens only if the resource still has it (else 412).")
                    .schema(entityTag()));
            problem(operation, ProblemType.PRECONDITION_FAILED, "If-Match does not match the current ETag.");
        }
        if (method == PathItem.HttpMethod.GET && operation.getResponses().getAPIResponse("200") != null
                && !operation.getResponses().hasAPIResponse("304")) {
            operation.addParameter(OASFactory.createParameter().name("If-None-Match").in(Parameter.In.HEADER)
                    .description("An ETag you hold; 304 without a body if it is still current.")
                    .schema(entityTag()));
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
                    + " only when that number is exact (totalExact true).", integer("int64").minimum(BigDecimal.ZERO)));
            ok.addHeader("Link", header("RFC 8288 links (absolute URLs that keep the other query parameters): first"
                    + " (page=0); prev (the page number before, when numbered pages reach it); next (cursor=..., the page"
                    + " after this one's last item, when there is one); last (by number, when the total is exact and"
                    + " numbered pages reach it).", string(LINKS * LINK_LENGTH).pattern("^<[^>]*>;")));
        }
        APIResponse created = operation.getResponses().getAPIResponse("201");
        if (created != null) {
            created.addHeader("Location", header("Absolute URL of the new resource.",
                    string(URL_LENGTH).format("uri")));
        }
        APIResponse moved = operation.getResponses().getAPIResponse("301");
        if (moved != null) {
            moved.addHeader("Location", header("Absolute URL where the resource is now (by its current slug).",
                    string(URL_LENGTH).format("uri")).required(true));
        }
    }

    /** Every operation under /api/v1 reaches the database, so every one can find it overloaded. */
    private static void overload(Operation operation) {
        problem(operation, ProblemType.UNAVAILABLE, "Overloaded: no database connection was free within the pool's"
                + " acquisition timeout, or a statement ran past digest.read.statement-timeout. Retry after Retry-After.");
        operation.getResponses().getAPIResponse(String.valueOf(ProblemType.UNAVAILABLE.status))
                .addHeader(HttpHeaders.RETRY_AFTER, headerRef(HttpHeaders.RETRY_AFTER));
    }

    /**
     * Every operation is rate limited and can fail: 429, any other 4xx and 500 as the shared responses, and the headers
     * of every response on each of its own (a shared one carries them already). Headers that the components describe
     * are referred to there, so each is described once.
     */
    private static void limited(Operation operation, Set<String> sharedHeaders) {
        operation.getResponses().addAPIResponse("429", responseRef(TOO_MANY_REQUESTS));
        operation.getResponses().addAPIResponse("4XX", responseRef(CLIENT_ERROR));
        operation.getResponses().addAPIResponse(String.valueOf(ProblemType.INTERNAL.status), responseRef(INTERNAL_ERROR));
        for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
            if (response.getRef() != null) {
                continue;
            }
            if (response.getHeaders() != null) {
                for (String name : List.copyOf(response.getHeaders().keySet())) {
                    if (sharedHeaders.contains(name)) {
                        response.addHeader(name, headerRef(name));
                    }
                }
            }
            EVERY_RESPONSE.forEach(name -> response.addHeader(name, headerRef(name)));
        }
    }

    /** /problems/{type}: the types are the ProblemType values, the text their title and description. */
    private static void problemTypes(Operation operation) {
        if (operation.getParameters() != null) {
            operation.getParameters().stream().filter(p -> p.getIn() == Parameter.In.PATH && p.getSchema() != null)
                    .forEach(p -> p.getSchema().enumeration(Arrays.stream(ProblemType.values())
                            .<Object>map(t -> t.slug).toList()));
        }
        APIResponse ok = operation.getResponses().getAPIResponse("200");
        if (ok != null && ok.getContent() != null) {
            int longest = Arrays.stream(ProblemType.values())
                    .mapToInt(t -> (t.title + " (HTTP " + t.status + ")\n\n" + t.description + "\n").length()).max()
                    .orElse(0);
            ok.getContent().getMediaTypes().values().stream().map(MediaType::getSchema)
                    .filter(s -> s != null && isType(s, Schema.SchemaType.STRING))
                    .forEach(s -> s.maxLength(longest).pattern(PortableValues.NOT_BLANK));
        }
    }

    private static boolean secured(Operation operation) {
        return operation.getSecurity() != null && operation.getSecurity().stream()
                .anyMatch(requirement -> requirement.getSchemes() != null && !requirement.getSchemes().isEmpty());
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
        if (existing == null) {
            operation.getResponses().addAPIResponse(code,
                    OASFactory.createAPIResponse().description(description).content(problemContent(null)));
        } else if (existing.getContent() == null || existing.getContent().getMediaTypes().isEmpty()) {
            existing.content(problemContent(null));
            if (existing.getDescription() == null || GENERATED.contains(existing.getDescription())) {
                existing.description(description);
            }
        }
    }

    private static Content problemContent(Map<String, Object> example) {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)).example(example));
    }

    // ---------------------------------------------------------------- Described once, referred to everywhere

    private static void sharedHeaders(Components components) {
        components.addHeader(RATE_LIMIT_POLICY, header("The rate-limit policy that applies to this request (IETF"
                + " draft-ietf-httpapi-ratelimit-headers): its name, the quota q of requests and the window w in seconds."
                + " Anonymous requests are limited per client address, authenticated ones per account or API token;"
                + " writes and failed sign-ins have tighter policies.",
                string(STRUCTURED_LIST_LENGTH).pattern(STRUCTURED_LIST)).example("\"anonymous\";q=6000;w=60"));
        components.addHeader(RATE_LIMIT, header("What is left of the policy's quota (IETF"
                + " draft-ietf-httpapi-ratelimit-headers): the requests r still allowed, and the seconds t until the"
                + " quota is full again.",
                string(STRUCTURED_LIST_LENGTH).pattern(STRUCTURED_LIST)).example("\"anonymous\";r=5999;t=60"));
        components.addHeader(HttpHeaders.RETRY_AFTER, header("Seconds to wait before retrying.",
                integer("int32").minimum(BigDecimal.ZERO)));
        components.addHeader(ALLOW_ORIGIN, header("CORS: sent when the request's Origin may read"
                + " (digest.cors.read-origins, any by default: *) or write (digest.cors.write-origins) this way; a"
                + " browser on any other origin cannot read the response.",
                string(HEADERS_LENGTH).pattern("^(\\*|[A-Za-z][A-Za-z0-9+.-]*://[^/\\s]+)$")).example("*"));
        components.addHeader(REQUEST_ID, header("The request's id: the X-Request-Id the client sent, when it is 1 to"
                + " 64 letters, digits and . _ : - @ / + =, else a random UUID. Writes are recorded in the activity log"
                + " under it.", string(RequestIds.MAX_LENGTH).pattern(RequestIds.PATTERN))
                .example("5f0c2a8e-3b7d-4d9e-9a61-0f6b2c1d8e47"));
        components.addHeader(HttpHeaders.WWW_AUTHENTICATE, header("The schemes and realm to authenticate with.",
                string(CHALLENGE_LENGTH).pattern("^[A-Za-z]")).example("Basic realm=\"digest\", charset=\"UTF-8\", Bearer realm=\"digest\""));
        components.addHeader(HttpHeaders.ETAG, header("The representation's strong entity tag: send it in"
                + " If-None-Match to read again, in If-Match to write.",
                string(ETags.TAG_LENGTH + 2).pattern(STRONG_TAG)));
        components.addHeader(HttpHeaders.LAST_MODIFIED, header("When the content last changed, for"
                + " If-Modified-Since.", string(HTTP_DATE_LENGTH).pattern(HTTP_DATE)));
    }

    private static void sharedResponses(Components components) {
        components.addResponse(TOO_MANY_REQUESTS, shared(OASFactory.createAPIResponse()
                .description("Too many requests: the client went over its rate limit (RateLimit-Policy). Retry after"
                        + " the seconds that Retry-After gives.")
                .content(problemContent(Map.of("type", "http://localhost:8080/problems/too-many-requests",
                        "title", "Too many requests", "status", 429,
                        "detail", "the anonymous quota of 60000 requests a minute is spent; retry in 1 s",
                        "instance", "/api/v1/articles")))
                .addHeader(HttpHeaders.RETRY_AFTER, headerRef(HttpHeaders.RETRY_AFTER))));
        components.addResponse(UNAUTHORIZED, shared(OASFactory.createAPIResponse()
                .description("Wrong credentials, or none where the operation needs them (writes); WWW-Authenticate"
                        + " names the schemes to use.")
                .content(problemContent(null))
                .addHeader(HttpHeaders.WWW_AUTHENTICATE, headerRef(HttpHeaders.WWW_AUTHENTICATE))));
        components.addResponse(CLIENT_ERROR, shared(OASFactory.createAPIResponse()
                .description("Any other client error (406 for an Accept the operation cannot answer, 413 for a body over"
                        + " 1 MiB, 415 for another Content-Type, ...): every 4xx is an RFC 9457 problem.")
                .content(problemContent(null))));
        components.addResponse(INTERNAL_ERROR, shared(OASFactory.createAPIResponse()
                .description(ProblemType.INTERNAL.description).content(problemContent(null))));
    }

    private static APIResponse shared(APIResponse response) {
        EVERY_RESPONSE.forEach(name -> response.addHeader(name, headerRef(name)));
        return response;
    }

    private static Header headerRef(String name) {
        return OASFactory.createHeader().ref("#/components/headers/" + name);
    }

    private static APIResponse responseRef(String name) {
        return OASFactory.createAPIResponse().ref("#/components/responses/" + name);
    }

    private static Header header(String description, Schema schema) {
        return OASFactory.createHeader().description(description).schema(schema);
    }

    private static Schema string(int maxLength) {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(maxLength);
    }

    private static Schema integer(String format) {
        return OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).format(format);
    }

    private static Schema entityTag() {
        return string(ENTITY_TAG_LENGTH).pattern(ENTITY_TAG);
    }

    // ---------------------------------------------------------------- Limits that follow from a value's type

    /**
     * Walks every schema of the document: dates and instants get the length of their format, integers the range of
     * theirs where no narrower one is stated, a string that only wraps a component (allOf) the component's limits;
     * problem types and instances the length of a URL built from a request.
     */
    private static void bound(OpenAPI openAPI) {
        Map<String, Schema> named = openAPI.getComponents().getSchemas() == null ? Map.of()
                : openAPI.getComponents().getSchemas();
        Schema problem = named.get("Problem");
        if (problem != null && problem.getProperties() != null) {
            problem.getProperties().get("type").maxLength(URL_LENGTH);
            problem.getProperties().get("instance").maxLength(REQUEST_LINE_LENGTH);
        }
        Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Schema> roots = new ArrayList<>(named.values());
        if (openAPI.getComponents().getHeaders() != null) {
            openAPI.getComponents().getHeaders().values().forEach(h -> roots.add(h.getSchema()));
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                if (operation.getParameters() != null) {
                    operation.getParameters().forEach(p -> roots.add(p.getSchema()));
                }
                if (operation.getRequestBody() != null) {
                    roots.addAll(schemasOf(operation.getRequestBody().getContent()));
                }
                for (APIResponse response : operation.getResponses().getAPIResponses().values()) {
                    roots.addAll(schemasOf(response.getContent()));
                    if (response.getHeaders() != null) {
                        response.getHeaders().values().forEach(h -> roots.add(h.getSchema()));
                    }
                }
            }
        }
        roots.forEach(schema -> bound(schema, named, seen));
    }

    private static List<Schema> schemasOf(Content content) {
        return content == null || content.getMediaTypes() == null ? List.of()
                : content.getMediaTypes().values().stream().map(MediaType::getSchema).toList();
    }

    private static void bound(Schema schema, Map<String, Schema> named, Set<Schema> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        List<Schema> parts = new ArrayList<>();
        if (schema.getProperties() != null) {
            parts.addAll(schema.getProperties().values());
        }
        parts.add(schema.getItems());
        parts.add(schema.getAdditionalPropertiesSchema());
        parts.add(schema.getNot());
        for (List<Schema> list : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            if (list != null) {
                parts.addAll(list);
            }
        }
        parts.forEach(part -> bound(part, named, seen));
        if (isType(schema, Schema.SchemaType.STRING)) {
            Schema wrapped = wrapped(schema, named);
            if (wrapped != null) {
                bound(wrapped, named, seen);
                copyLimits(wrapped, schema);
            }
            if (schema.getMaxLength() == null && "date".equals(schema.getFormat())) {
                schema.maxLength(PortableValues.DATE_LENGTH);
            }
            if (schema.getMaxLength() == null && "date-time".equals(schema.getFormat())) {
                schema.maxLength(PortableValues.DATE_TIME_MAX_LENGTH);
            }
        }
        if (isType(schema, Schema.SchemaType.INTEGER)) {
            BigDecimal[] range = "int32".equals(schema.getFormat())
                    ? new BigDecimal[] {BigDecimal.valueOf(Integer.MIN_VALUE), BigDecimal.valueOf(Integer.MAX_VALUE)}
                    : "int64".equals(schema.getFormat())
                    ? new BigDecimal[] {BigDecimal.valueOf(Long.MIN_VALUE), BigDecimal.valueOf(Long.MAX_VALUE)}
                    : null;
            if (range != null && schema.getMinimum() == null && schema.getExclusiveMinimum() == null) {
                schema.minimum(range[0]);
            }
            if (range != null && schema.getMaximum() == null && schema.getExclusiveMaximum() == null) {
                schema.maximum(range[1]);
            }
        }
    }

    /**
     * The component a string field refers to: a field with its own description or example is a {@code $ref} with
     * siblings here (a nullable one a choice of the reference and null), which the document (OpenAPI 3.0) writes as
     * {@code allOf: [{$ref}]}.
     */
    private static Schema wrapped(Schema schema, Map<String, Schema> named) {
        String ref = schema.getRef();
        for (List<Schema> choices : Arrays.asList(schema.getAllOf(), schema.getAnyOf(), schema.getOneOf())) {
            List<String> refs = choices == null ? List.of()
                    : choices.stream().map(Schema::getRef).filter(Objects::nonNull).toList();
            if (ref == null && refs.size() == 1) {
                ref = refs.get(0);
            }
        }
        return ref == null ? null : named.get(ref.substring(ref.lastIndexOf('/') + 1));
    }

    /** An enumeration becomes a pattern, which a nullable field can carry too (null is no member of it). */
    private static void copyLimits(Schema from, Schema to) {
        if (to.getFormat() == null) {
            to.format(from.getFormat());
        }
        if (from.getEnumeration() != null && !from.getEnumeration().isEmpty()) {
            List<String> values = from.getEnumeration().stream().map(String::valueOf).toList();
            if (to.getPattern() == null) {
                to.pattern(values.stream().collect(Collectors.joining("|", "^(", ")$")));
            }
            if (to.getMaxLength() == null) {
                to.maxLength(values.stream().mapToInt(String::length).max().orElse(0));
            }
        }
        if (to.getPattern() == null) {
            to.pattern(from.getPattern());
        }
        if (to.getMaxLength() == null) {
            to.maxLength(from.getMaxLength());
        }
    }

    private static boolean isType(Schema schema, Schema.SchemaType type) {
        return schema.getType() != null && schema.getType().contains(type);
    }
}
