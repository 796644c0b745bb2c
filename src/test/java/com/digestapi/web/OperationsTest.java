package com.digestapi.web;

import static com.digestapi.support.Api.api;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.digestapi.problem.Problem;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What operators and integrators rely on: health, metrics, the OpenAPI document, the Swagger UI and the front door. */
@QuarkusTest
class OperationsTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @Test
    void livenessIsUp() {
        given().accept(ContentType.JSON).get("/q/health/live")
                .then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("status", equalTo("UP"));
    }

    @Test
    void readinessIsUpAndChecksTheDatabase() {
        given().accept(ContentType.JSON).get("/q/health/ready")
                .then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")))
                .body("checks.find { it.name.contains('Database') }.status", equalTo("UP"))
                .body("checks.status", not(hasItem("DOWN")));
        given().accept(ContentType.JSON).get("/q/health")
                .then().statusCode(200)
                .body("status", equalTo("UP"));
    }

    @Test
    void metricsArePrometheusText() {
        api().get("/api/v1/topics").then().statusCode(200);
        String metrics = given().accept("text/plain").get("/q/metrics")
                .then().statusCode(200)
                .contentType(startsWith("text/plain"))
                .extract().asString();
        assertThat(metrics, containsString("# TYPE "));
        assertThat(metrics, containsString("# HELP "));
        assertThat(metrics, containsString("jvm_memory_used_bytes"));
        assertThat(metrics, containsString("http_server_requests_seconds_count{"));
        assertThat(metrics, matchesPattern("(?s).*\\nhttp_server_requests_seconds_count\\{[^}]*uri=\"/api/v1/topics\"[^}]*} [0-9.E]+\\n.*"));
        for (String line : metrics.split("\n")) {
            if (!line.isEmpty() && !line.startsWith("#")) {
                assertThat(line, matchesPattern("^[a-zA-Z_:][a-zA-Z0-9_:]*(\\{.*})? \\S+( \\d+)?$"));
            }
        }
    }

    @Test
    void theOpenApiDocumentDescribesEveryOperation() {
        JsonPath document = given().accept(ContentType.JSON).get("/q/openapi?format=json")
                .then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("openapi", startsWith("3."))
                .body("info.title", equalTo("Digest API"))
                .body("info.version", not(equalTo("")))
                // Relative, so right for whatever host serves it; linters reject a document without servers.
                .body("servers.url", equalTo(List.of("/")))
                .body("tags.name", hasItems("Issues", "Articles", "Outlets", "Topics"))
                .extract().jsonPath();

        Map<String, Map<String, Object>> paths = document.getMap("paths");
        assertThat(paths.keySet(), hasItems("/api/v1/issues", "/api/v1/issues/{id}", "/api/v1/issues/{id}/articles",
                "/api/v1/issues/import", "/api/v1/issues/{id}/export", "/api/v1/articles", "/api/v1/articles/{id}",
                "/api/v1/outlets", "/api/v1/outlets/{id}", "/api/v1/topics", "/api/v1/topics/{id}"));
        Set<String> operationIds = new HashSet<>();
        List<String> defects = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
            for (Map.Entry<String, Object> entry : path.getValue().entrySet()) {
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                operations++;
                @SuppressWarnings("unchecked")
                Map<String, Object> operation = (Map<String, Object>) entry.getValue();
                String where = entry.getKey().toUpperCase() + " " + path.getKey();
                Object summary = operation.get("summary");
                Object operationId = operation.get("operationId");
                if (!(summary instanceof String s) || s.isBlank()) {
                    defects.add(where + " has no summary");
                }
                if (!(operationId instanceof String id) || id.isBlank()) {
                    defects.add(where + " has no operationId");
                } else if (!operationIds.add(id)) {
                    defects.add(where + " repeats operationId " + id);
                }
                if (path.getKey().startsWith("/api/v1/")) {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> responses = (Map<String, Object>) operation.get("responses");
                    @SuppressWarnings("unchecked")
                    Map<String, Object> overloaded = (Map<String, Object>) responses.get("503");
                    if (overloaded == null || !String.valueOf(overloaded.get("content")).contains(Problem.MEDIA_TYPE)
                            || !String.valueOf(overloaded.get("headers")).contains("Retry-After")) {
                        defects.add(where + " does not describe 503 (overload) as a problem with Retry-After");
                    }
                    Object tags = operation.get("tags");
                    if (!(tags instanceof List<?> list) || list.stream().noneMatch(
                            t -> List.of("Issues", "Articles", "Outlets", "Topics", "Feeds", "Sync", "Accounts", "API tokens", "Webhooks", "Activity").contains(t))) {
                        defects.add(where + " has none of the tags Issues, Articles, Outlets, Topics, Feeds, Sync, Accounts, API tokens, Webhooks, Activity");
                    }
                }
            }
        }
        assertThat(defects, empty());
        assertThat(operations >= 28, is(true));
        assertThat(operationIds, hasItems("importIssue", "exportIssue", "listIssues", "getIssue", "createArticle",
                "patchArticle", "deleteOutlet", "listTopics"));
        assertThat(document.getMap("components.schemas"), org.hamcrest.Matchers.hasKey("Problem"));
    }

    @Test
    void theOpenApiDocumentIsServedAsYamlByDefault() {
        given().get("/q/openapi")
                .then().statusCode(200)
                .contentType(containsString("yaml"))
                .body(containsString("title: Digest API"))
                .body(containsString("/api/v1/issues/import:"));
    }

    @Test
    void theSwaggerUiIsServed() {
        String html = given().get("/q/swagger-ui/")
                .then().statusCode(200)
                .contentType(startsWith("text/html"))
                .extract().asString();
        assertThat(html, containsString("<html"));
        assertThat(html, containsString("swagger-ui"));
        assertThat(html, containsString("Digest API"));
        assertThat(html, containsString("/q/openapi"));

        given().get("/q/swagger-ui")
                .then().statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("swagger-ui"));
    }

    @Test
    void theRootRedirectsToTheSwaggerUi() {
        given().redirects().follow(false).get("/")
                .then().statusCode(303)
                .header("Location", matchesPattern("^https?://[^/]+/q/swagger-ui/?$"));
        given().redirects().follow(false).head("/")
                .then().statusCode(303)
                .header("Location", endsWith("/q/swagger-ui"));
        given().get("/")
                .then().statusCode(200)
                .contentType(startsWith("text/html"))
                .body(containsString("swagger-ui"));
    }
}
