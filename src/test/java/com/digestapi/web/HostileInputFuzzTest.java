package com.digestapi.web;

import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.newArticle;
import static com.digestapi.support.Api.newIssue;
import static com.digestapi.support.Api.newOutlet;
import static com.digestapi.support.Api.newTopic;
import static com.digestapi.support.ProblemChecks.noLeaks;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.digestapi.support.Api;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Fuzzes every operation of the served OpenAPI document with hostile input, as the editor: query strings (huge and
 * negative numbers, unicode, control characters, SQL and HTML fragments, very long and repeated parameters), path
 * values, and JSON bodies (wrong types, deep nesting, huge numbers, unknown fields, nulls, giant strings under 1 MiB).
 * Whatever comes in: no 5xx, every 4xx is an RFC 9457 problem that leaks nothing, and a refused request changes
 * nothing (the content version does not move, the accounts stay as they were).
 *
 * <p>Each operation is one dynamic test with its own seeded random source, so a failure names the seed and the request
 * that replays it. A fixed seed and a few tries per operation by default; a longer run by flag:
 * {@code ./mvnw verify -DskipITs -Dtest=HostileInputFuzzTest -Dfuzz.tries=5000 -Dfuzz.seed=42}.
 */
@QuarkusTest
class HostileInputFuzzTest {

    private static final long SEED = Long.getLong("fuzz.seed", 20_241_005L);
    private static final int TRIES = Integer.getInteger("fuzz.tries", 4);
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    /** Values that break some rule of a query parameter or path segment. */
    private static final List<String> HOSTILE_TEXT = List.of("", " ", "-1", "0", "-9223372036854775809",
            "9223372036854775808", "99999999999999999999999999", "1e309", "NaN", "-0", "1.5", "0x1F", "true", "null",
            "' or '1'='1", "1; drop table article; --", "\" or \"\"=\"", "%", "_", "\\", "%25%00", "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>", "${jndi:ldap://x}", "{{7*7}}", "../../etc/passwd", "\u0000", "\u0001\u001f\u007f",
            "\r\nX-Injected: yes", "\uFEFF", "\u202Eevil", "\uD83D\uDE00\uD83C\uDDF0\uD83C\uDDFF", "Ærøskøbing", "漢字テスト",
            "\uFFFF", "2024-02-30", "2024-13-01", "+999999999-12-31", "-publishedOn,,,", "id,-id,id", "DRAFT,PUBLISHED",
            "PUBLISHED;DRAFT", "editor", "a".repeat(300), "x".repeat(5_000));

    @Inject
    AgroalDataSource dataSource;

    @TestFactory
    Stream<DynamicTest> everyOperationSurvivesHostileInput() {
        JsonPath document = new JsonPath(given().accept(ContentType.JSON).get("/q/openapi?format=json").asString());
        Ids ids = Ids.create();
        List<DynamicTest> tests = new ArrayList<>();
        Map<String, Map<String, Object>> paths = new TreeMap<>(document.getMap("paths"));
        for (Map.Entry<String, Map<String, Object>> path : paths.entrySet()) {
            if (!path.getKey().startsWith(ApiPaths.V1 + "/")) {
                continue;
            }
            for (String method : new TreeSet<>(path.getValue().keySet())) {
                if (!METHODS.contains(method)) {
                    continue;
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> operation = (Map<String, Object>) path.getValue().get(method);
                String name = method.toUpperCase() + " " + path.getKey();
                tests.add(DynamicTest.dynamicTest(name,
                        () -> fuzz(new Operation(method.toUpperCase(), path.getKey(), operation, document), ids)));
            }
        }
        assertTrue(tests.size() >= 28, "the document lists every operation: " + tests.size());
        return tests.stream();
    }

    private void fuzz(Operation operation, Ids ids) throws SQLException, InterruptedException {
        long seed = SEED ^ operation.toString().hashCode();
        Random random = new Random(seed);
        for (int i = 0; i < TRIES; i++) {
            String path = operation.path(random, ids);
            List<String[]> query = operation.query(random);
            String body = operation.body(random);
            String replay = "seed " + SEED + ", try " + i + ": " + operation.method + " " + path + "?"
                    + String.join("&", query.stream().map(q -> q[0] + "=" + q[1]).toList())
                    + (body == null ? "" : " with a body of " + body.length() + " characters: "
                    + (body.length() > 300 ? body.substring(0, 300) + "..." : body));

            long versionBefore = contentVersion();
            String accountsBefore = accounts();
            StringBuilder url = new StringBuilder(path);
            for (int q = 0; q < query.size(); q++) {
                url.append(q == 0 ? '?' : '&').append(encode(query.get(q)[0])).append('=').append(encode(query.get(q)[1]));
            }
            // A plain HTTP client sends the bytes as they are (REST Assured cannot even log an empty parameter).
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + url))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                            (Api.EDITOR + ":" + Api.EDITOR_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                    .method(operation.method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
            if (body != null) {
                request.header("Content-Type",
                        operation.method.equals("PATCH") ? "application/merge-patch+json" : "application/json");
            }
            HttpResponse<String> response;
            try {
                response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new AssertionError(replay + "\nthe exchange failed: " + e, e);
            }
            int status = response.statusCode();
            if (status >= 500) {
                fail(replay + "\nanswered " + status + ": " + response.body());
            }
            if (status >= 400) {
                isProblem(response, status, replay);
                assertEquals(versionBefore, contentVersion(), "a refused request changed content: " + replay);
                assertEquals(accountsBefore, accounts(), "a refused request changed the accounts: " + replay);
            } else if (operation.method.equals("GET")) {
                assertEquals(versionBefore, contentVersion(), "a read changed content: " + replay);
            }
        }
    }

    private static void isProblem(HttpResponse<String> response, int status, String replay) {
        String body = response.body();
        String type = response.headers().firstValue("Content-Type").orElse("");
        assertTrue(type.startsWith("application/problem+json"),
                "a " + status + " is not problem+json (" + type + "): " + replay + "\n" + body);
        noLeaks(body);
        JsonPath problem = new JsonPath(body);
        assertTrue(String.valueOf(problem.getString("type")).matches("^https?://[^/\\s]+/problems/[a-z-]+$"), replay + "\n" + body);
        assertTrue(String.valueOf(problem.getString("title")).matches("(?s).*\\S.*"), replay + "\n" + body);
        assertEquals(status, problem.getInt("status"), replay + "\n" + body);
        assertTrue(String.valueOf(problem.getString("detail")).matches("(?s).*\\S.*"), replay + "\n" + body);
        assertTrue(String.valueOf(problem.getString("instance")).startsWith(ApiPaths.V1 + "/"), replay + "\n" + body);
    }

    private long contentVersion() throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select version from content_version where id = 1")) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String accounts() {
        return api().get(ApiPaths.V1 + "/accounts").then().statusCode(200).extract().asString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Resources this test made, the only real ids it writes to: the demo and other tests' data stay untouched. */
    record Ids(long issue, long article, long outlet, long topic) {

        static Ids create() {
            long outlet = newOutlet();
            long issue = newIssue("2024-11-16", "DRAFT");
            return new Ids(issue, newArticle(issue, outlet, "Fuzzed article"), outlet, newTopic());
        }

        String forPath(String path) {
            long id = path.contains("/articles/") ? article : path.contains("/outlets/") ? outlet
                    : path.contains("/topics/") ? topic : issue;
            return String.valueOf(id);
        }
    }

    /** One operation of the document, and the hostile requests it can be sent. */
    record Operation(String method, String template, Map<String, Object> spec, JsonPath document) {

        @Override
        public String toString() {
            return method + " " + template;
        }

        /** The path with each parameter a real id (a third of the time) or hostile text, never the editor's name. */
        String path(Random random, Ids ids) {
            String path = template;
            while (path.contains("{")) {
                int start = path.indexOf('{');
                int end = path.indexOf('}', start);
                String name = path.substring(start + 1, end);
                String value;
                if (name.equals("username")) {
                    value = "fuzz-" + pick(random, HOSTILE_TEXT).replace("editor", "e");
                } else if (random.nextInt(3) == 0) {
                    value = ids.forPath(template);
                } else {
                    value = pick(random, HOSTILE_TEXT);
                }
                path = path.substring(0, start) + URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")
                        + path.substring(end + 1);
            }
            return path;
        }

        /** Each declared query parameter now and then, with hostile values, some repeated, and an unknown one. */
        List<String[]> query(Random random) {
            List<String[]> query = new ArrayList<>();
            Object parameters = spec.get("parameters");
            if (parameters instanceof List<?> list) {
                for (Object parameter : list) {
                    Map<?, ?> p = (Map<?, ?>) parameter;
                    if (!"query".equals(p.get("in")) || random.nextInt(3) == 0) {
                        continue;
                    }
                    int times = random.nextInt(8) == 0 ? 2 + random.nextInt(30) : 1;
                    for (int t = 0; t < times; t++) {
                        query.add(new String[] {String.valueOf(p.get("name")), pick(random, HOSTILE_TEXT)});
                    }
                }
            }
            if (random.nextInt(4) == 0) {
                query.add(new String[] {pick(random, HOSTILE_TEXT), pick(random, HOSTILE_TEXT)});
            }
            return query;
        }

        /** A hostile JSON body for operations that take one (or, now and then, for those that do not); else null. */
        String body(Random random) {
            boolean takesBody = spec.get("requestBody") != null;
            if (!takesBody && random.nextInt(6) != 0) {
                return null;
            }
            List<String> fields = new ArrayList<>(takesBody ? properties() : List.of());
            fields.add("unknownField");
            fields.add("id");
            fields.add("__proto__");
            switch (random.nextInt(8)) {
                case 0:
                    return pick(random, List.of("", "null", "[]", "42", "\"text\"", "{", "{\"a\":}", "[[[[", "{}}",
                            "\uFEFF{}", "{\"a\":1,\"a\":2}", "NaN", "{'single': 'quotes'}"));
                case 1:
                    return "[".repeat(2_000 + random.nextInt(20_000)) + "]".repeat(100);
                case 2:
                    return "{\"" + pick(random, fields) + "\":" + "{\"a\":".repeat(1_000 + random.nextInt(5_000)) + "1"
                            + "}".repeat(1_000) + "}";
                default:
                    StringBuilder json = new StringBuilder("{");
                    int count = 1 + random.nextInt(Math.max(1, fields.size()));
                    for (int f = 0; f < count; f++) {
                        if (f > 0) {
                            json.append(',');
                        }
                        json.append(quote(pick(random, fields))).append(':').append(value(random, 0));
                    }
                    return json.append('}').toString();
            }
        }

        /** The request body's declared properties, following a $ref into the components. */
        private List<String> properties() {
            Map<?, ?> content = (Map<?, ?>) ((Map<?, ?>) spec.get("requestBody")).get("content");
            if (content == null || content.isEmpty()) {
                return List.of();
            }
            Map<?, ?> schema = (Map<?, ?>) ((Map<?, ?>) content.values().iterator().next()).get("schema");
            if (schema != null && schema.get("$ref") instanceof String ref) {
                schema = document.getMap("components.schemas." + ref.substring(ref.lastIndexOf('/') + 1));
            }
            if (schema == null || !(schema.get("properties") instanceof Map<?, ?> properties)) {
                return List.of();
            }
            return properties.keySet().stream().map(String::valueOf).toList();
        }

        private static String value(Random random, int depth) {
            switch (random.nextInt(depth > 3 ? 10 : 13)) {
                case 0:
                    return "null";
                case 1:
                    return pick(random, List.of("true", "false"));
                case 2:
                    return pick(random, List.of("0", "-1", "1.5", "-0", "1e400", "-1e400", "9223372036854775808",
                            "-9223372036854775809", "123456789012345678901234567890", "2147483648", "1E+2", "0.0000001"));
                case 3:
                    // A giant string only at the top, so a body stays near the 1 MiB limit (above it is a 413).
                    return quote("x".repeat(depth == 0 && random.nextInt(6) == 0 ? 200_000 + random.nextInt(200_000)
                            : 1 + random.nextInt(5_000)));
                case 4:
                    return quote(pick(random, HOSTILE_TEXT));
                case 5:
                    return "\"\\u0000\\ud800\\udfff\\u001b[31m\"";
                case 6:
                    return quote("https://" + pick(random, HOSTILE_TEXT));
                case 7:
                    return pick(random, List.of("\"2024-11-09\"", "\"2024-02-30\"", "\"0000-00-00\"",
                            "\"+1000000000-01-01\"", "\"2024-11-09T10:00:00Z\"", "\"yesterday\""));
                case 8:
                    return pick(random, List.of("\"DRAFT\"", "\"PUBLISHED\"", "\"published\"", "\"ARCHIVED\"", "\"editor\""));
                case 9:
                    return String.valueOf(random.nextLong());
                case 10:
                    StringBuilder array = new StringBuilder("[");
                    if (random.nextInt(5) == 0) {
                        // A long array of small numbers: many elements, few bytes.
                        int length = 1_000 + random.nextInt(20_000);
                        for (int i = 0; i < length; i++) {
                            array.append(i > 0 ? "," : "").append(random.nextInt(1_000));
                        }
                    } else {
                        int length = random.nextInt(4);
                        for (int i = 0; i < length; i++) {
                            array.append(i > 0 ? "," : "").append(value(random, depth + 1));
                        }
                    }
                    return array.append(']').toString();
                default:
                    return "{" + quote(pick(random, List.of("text", "name", "id", "x", ""))) + ":" + value(random, depth + 1) + "}";
            }
        }

        private static String quote(String text) {
            StringBuilder json = new StringBuilder("\"");
            for (char c : text.toCharArray()) {
                if (c == '"' || c == '\\') {
                    json.append('\\').append(c);
                } else if (c < 0x20) {
                    json.append(String.format("\\u%04x", (int) c));
                } else {
                    json.append(c);
                }
            }
            return json.append('"').toString();
        }
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
