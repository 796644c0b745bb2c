package com.digestapi.openapi;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;

import com.digestapi.article.Article;
import com.digestapi.article.ArticleView;
import com.digestapi.article.IssueLineup;
import com.digestapi.listing.FacetCount;
import com.digestapi.listing.PageRequest;
import com.digestapi.problem.Problem;
import com.digestapi.problem.ProblemType;
import com.digestapi.search.SearchQuery;
import com.digestapi.web.PortableValues;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The served OpenAPI document states every limit, as the Spectral OWASP ruleset asks in CI: each string its length,
 * each integer its format and range, each array its size; every operation its 401, 429 and 500, and every response the
 * rate-limit and CORS headers. The limits come from the same constants the code enforces.
 */
@QuarkusTest
class OpenApiLimitsTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyValueAndEveryResponseOfTheServedDocumentStatesItsLimits() throws IOException {
        JsonNode document = served();
        assertThat(defects(document), empty());
        List<String> operations = new ArrayList<>();
        forEachOperation(document, (where, operation) -> operations.add(where));
        assertThat(operations.size() >= 28, is(true));
    }

    @Test
    void theCheckFindsWhatIsMissing() throws IOException {
        JsonNode document = JSON.readTree("""
                {"components": {
                   "headers": {"RateLimit": {"schema": {"type": "string", "maxLength": 9}}},
                   "schemas": {"Thing": {"type": "object", "properties": {
                     "name": {"type": "string", "format": "date"},
                     "count": {"type": "integer", "minimum": 0, "maximum": 9},
                     "tags": {"type": "array", "items": {"type": "string", "enum": ["a"]}}}}}},
                 "paths": {"/things": {"post": {
                   "security": [{"editor": []}],
                   "parameters": [{"name": "size", "in": "query", "schema": {"type": "integer", "format": "int32"}}],
                   "responses": {"201": {"description": "Created.", "headers": {
                     "RateLimit": {"$ref": "#/components/headers/RateLimit"}}}}}}}}""");
        List<String> defects = defects(document);
        assertThat(defects, hasItems(
                "components.schemas.Thing.properties.name: a string without maxLength",
                "components.schemas.Thing.properties.count: an integer without format",
                "components.schemas.Thing.properties.tags: an array without maxItems",
                "paths./things.post.parameters.size: an integer without minimum",
                "POST /things: no 429", "POST /things: no 500", "POST /things: no 401, though it needs credentials",
                "POST /things 201: no RateLimit-Policy header", "POST /things 201: no Access-Control-Allow-Origin header"));
        assertThat(defects, org.hamcrest.Matchers.not(hasItem("POST /things 201: no RateLimit header")));
    }

    @Test
    void theRateLimitContractIsTheOneTheRuntimeKeeps() throws IOException {
        JsonNode document = served();
        assertThat(document.at("/components/headers/RateLimit-Policy/example").asText(), equalTo("\"anonymous\";q=6000;w=60"));
        assertThat(document.at("/components/headers/RateLimit/example").asText(), equalTo("\"anonymous\";r=5999;t=60"));
        JsonNode tooMany = document.at("/components/responses/TooManyRequests");
        assertThat(names(tooMany.get("headers")), hasItems("Retry-After", "RateLimit", "RateLimit-Policy"));
        JsonNode example = tooMany.at("/content/application~1problem+json/example");
        assertThat(example.get("type").asText(), endsWith("/problems/too-many-requests"));
        assertThat(example.get("title").asText(), equalTo("Too many requests"));
        assertThat(example.get("status").asInt(), equalTo(429));
        assertThat(document.at("/components/responses/InternalError/description").asText(),
                equalTo(ProblemType.INTERNAL.description));
        // Each operation refers to the one description of 429 and 500.
        forEachOperation(document, (where, operation) -> {
            assertThat(where, operation.at("/responses/429/$ref").asText(), equalTo("#/components/responses/TooManyRequests"));
            assertThat(where, operation.at("/responses/500/$ref").asText(), equalTo("#/components/responses/InternalError"));
        });
        // /problems/{type} names every problem type, the one for 429 too once it exists.
        List<String> types = new ArrayList<>();
        document.at("/paths/~1problems~1{type}/get/parameters/0/schema/enum").forEach(t -> types.add(t.asText()));
        assertThat(types, equalTo(Arrays.stream(ProblemType.values()).map(t -> t.slug).toList()));
    }

    @Test
    void theLimitsComeFromTheConstantsTheCodeEnforces() throws IOException {
        JsonNode schemas = served().at("/components/schemas");
        assertThat(schemas.at("/ArticleInput/properties/headline/maxLength").asInt(), equalTo(Article.HEADLINE_LENGTH));
        assertThat(schemas.at("/Article/properties/headline/maxLength").asInt(), equalTo(Article.HEADLINE_LENGTH));
        assertThat(schemas.at("/Highlights/properties/summary/maxLength").asInt(),
                equalTo(ArticleView.Highlights.SUMMARY_LENGTH));
        assertThat(schemas.at("/PageArticleView/properties/items/maxItems").asInt(), equalTo(PageRequest.MAX_SIZE));
        assertThat(schemas.at("/IssueDetail/properties/articles/maxItems").asInt(), equalTo(IssueLineup.MAX_ARTICLES));
        assertThat(schemas.at("/Problem/properties/errors/maxItems").asInt(), equalTo(Problem.MAX_ERRORS));
        assertThat(schemas.at("/Article/properties/publishedOn/maxLength").asInt(), equalTo(PortableValues.DATE_LENGTH));
        Set<String> facets = new TreeSet<>();
        schemas.at("/Facets/properties").fieldNames().forEachRemaining(facets::add);
        assertThat(facets, equalTo(new TreeSet<>(SearchQuery.FACETS)));
        schemas.at("/Facets/properties").forEach(facet -> assertThat(facet.get("maxItems").asInt(),
                equalTo(FacetCount.MAX_VALUES)));
        // What the service echoes from a request is as long as the HTTP layer lets a request be.
        int requestLine = ConfigProvider.getConfig().getValue("quarkus.http.limits.max-initial-line-length", Integer.class);
        String headerSize = ConfigProvider.getConfig().getValue("quarkus.http.limits.max-header-size", String.class);
        long headers = Long.parseLong(headerSize.replace("K", "")) * 1024;
        assertThat(schemas.at("/Problem/properties/instance/maxLength").asInt(), equalTo(requestLine));
        assertThat((long) schemas.at("/Problem/properties/type/maxLength").asInt(),
                equalTo("https://".length() + headers + requestLine));
    }

    private static JsonNode served() throws IOException {
        return JSON.readTree(given().accept(ContentType.JSON).get("/q/openapi?format=json")
                .then().statusCode(200).extract().asString());
    }

    /** What the document leaves unbounded or undescribed, one line each. */
    static List<String> defects(JsonNode document) {
        List<String> defects = new ArrayList<>();
        JsonNode components = document.path("components");
        components.path("schemas").fields().forEachRemaining(
                e -> schema("components.schemas." + e.getKey(), e.getValue(), defects));
        components.path("headers").fields().forEachRemaining(
                e -> schema("components.headers." + e.getKey(), e.getValue().path("schema"), defects));
        components.path("responses").fields().forEachRemaining(e -> response("components.responses." + e.getKey(),
                e.getValue(), document, defects));
        forEachOperation(document, (where, operation) -> {
            String path = "paths." + where.substring(where.indexOf(' ') + 1) + "." + where.substring(0, where.indexOf(' '))
                    .toLowerCase();
            operation.path("parameters").forEach(
                    p -> schema(path + ".parameters." + p.path("name").asText(), p.path("schema"), defects));
            operation.path("requestBody").path("content").fields().forEachRemaining(
                    e -> schema(path + ".requestBody." + e.getKey(), e.getValue().path("schema"), defects));
            JsonNode responses = operation.path("responses");
            for (String status : List.of("429", "500")) {
                if (!responses.has(status)) {
                    defects.add(where + ": no " + status);
                }
            }
            boolean needsCredentials = false;
            for (JsonNode requirement : operation.path("security")) {
                needsCredentials |= requirement.size() > 0;
            }
            if (needsCredentials && !responses.has("401")) {
                defects.add(where + ": no 401, though it needs credentials");
            }
            responses.fields().forEachRemaining(e -> response(where + " " + e.getKey(), e.getValue(), document, defects));
        });
        return defects;
    }

    private static void response(String where, JsonNode response, JsonNode document, List<String> defects) {
        JsonNode resolved = resolve(response, document);
        for (String header : OpenApiFilter.EVERY_RESPONSE) {
            if (!resolved.path("headers").has(header)) {
                defects.add(where + ": no " + header + " header");
            }
        }
        resolved.path("headers").fields().forEachRemaining(
                e -> schema(where + " header " + e.getKey(), resolve(e.getValue(), document).path("schema"), defects));
        resolved.path("content").fields().forEachRemaining(
                e -> schema(where + " " + e.getKey(), e.getValue().path("schema"), defects));
        if (where.endsWith(" 429") || where.endsWith("TooManyRequests")) {
            if (!resolved.path("headers").has("Retry-After")) {
                defects.add(where + ": no Retry-After header");
            }
        }
        if (where.matches(".* (401|429|500)$") && !resolved.path("content").has(Problem.MEDIA_TYPE)) {
            defects.add(where + ": not a problem");
        }
    }

    /** Checks a schema and the schemas inside it (a reference is checked where it points, in the components). */
    private static void schema(String where, JsonNode schema, List<String> defects) {
        if (schema.isMissingNode() || schema.has("$ref")) {
            return;
        }
        switch (schema.path("type").asText()) {
            case "string" -> {
                if (!schema.has("maxLength") && !schema.has("enum")) {
                    defects.add(where + ": a string without maxLength");
                }
            }
            case "integer" -> {
                for (String keyword : List.of("format", "minimum", "maximum")) {
                    if (!schema.has(keyword)) {
                        defects.add(where + ": an integer without " + keyword);
                    }
                }
            }
            case "array" -> {
                if (!schema.has("maxItems")) {
                    defects.add(where + ": an array without maxItems");
                }
            }
            default -> {
            }
        }
        schema.path("properties").fields().forEachRemaining(e -> schema(where + ".properties." + e.getKey(), e.getValue(),
                defects));
        schema(where + ".items", schema.path("items"), defects);
        schema(where + ".additionalProperties", schema.path("additionalProperties"), defects);
        for (String choice : List.of("allOf", "anyOf", "oneOf")) {
            int i = 0;
            for (JsonNode part : schema.path(choice)) {
                schema(where + "." + choice + "." + i++, part, defects);
            }
        }
    }

    private static JsonNode resolve(JsonNode node, JsonNode document) {
        return node.has("$ref") ? document.at(node.get("$ref").asText().substring(1)) : node;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }

    private interface OperationCheck {
        void check(String where, JsonNode operation);
    }

    private static void forEachOperation(JsonNode document, OperationCheck check) {
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            path.getValue().fields().forEachRemaining(e -> {
                if (METHODS.contains(e.getKey())) {
                    check.check(e.getKey().toUpperCase() + " " + path.getKey(), e.getValue());
                }
            });
        }
    }
}
