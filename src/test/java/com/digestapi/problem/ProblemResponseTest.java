package com.digestapi.problem;

import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.newArticle;
import static com.digestapi.support.Api.newIssue;
import static com.digestapi.support.Api.newOutlet;
import static com.digestapi.support.Api.newTopic;
import static com.digestapi.support.Api.raw;
import static com.digestapi.support.Api.unique;
import static com.digestapi.support.ProblemChecks.noLeaks;
import static com.digestapi.support.ProblemChecks.problem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.digestapi.support.Api;
import com.digestapi.web.BodyLimit;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Every failure is an RFC 9457 problem that names what went wrong, leaks nothing and changes nothing. */
@QuarkusTest
class ProblemResponseTest {

    private static final String ISSUES = "/api/v1/issues";
    private static final String ARTICLES = "/api/v1/articles";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private static volatile Long sharedIssue;

    /** One issue of this class that only failed writes touch; its representation must never change. */
    private static long sharedIssue() {
        if (sharedIssue == null) {
            sharedIssue = newIssue("2024-11-09", "PUBLISHED");
        }
        return sharedIssue;
    }

    /** The JSON-bodied writes of the API, with the path of an existing resource where one is needed. */
    static Stream<Arguments> writes() {
        return Stream.of(
                Arguments.of("POST", ISSUES),
                Arguments.of("PUT", ISSUES + "/{issue}"),
                Arguments.of("POST", ISSUES + "/import"),
                Arguments.of("POST", ISSUES + "/{issue}/articles"),
                Arguments.of("POST", ARTICLES),
                Arguments.of("POST", "/api/v1/outlets"),
                Arguments.of("POST", "/api/v1/topics"));
    }

    static Stream<Arguments> malformedBodies() {
        // Every write body has a slug field, so no unknown property is reported before the syntax error.
        List<String[]> bodies = List.of(
                new String[] {"truncated", "{\"slug\": \"cut", "malformed-json"},
                new String[] {"truncated after a key", "{\"slug\": \"x\", \"slug2\"", "malformed-json"},
                new String[] {"trailing garbage", "{\"slug\": \"x\"} trailing", "malformed-json"},
                new String[] {"a second document", "{\"slug\": \"x\"}{\"slug\": \"y\"}", "malformed-json"},
                new String[] {"an array", "[]", "malformed-json"},
                new String[] {"a string", "\"issue\"", "malformed-json"},
                new String[] {"single quotes", "{'slug': 'x'}", "malformed-json"},
                new String[] {"a comment", "{/* c */ \"slug\": \"x\"}", "malformed-json"},
                new String[] {"not JSON", "slug=x&title=y", "malformed-json"});
        return writes().flatMap(write -> bodies.stream()
                .map(body -> Arguments.of(write.get()[0], write.get()[1], body[0], body[1], body[2])));
    }

    private static String resolve(String path) {
        return path.replace("{issue}", String.valueOf(sharedIssue()));
    }

    private static Response send(RequestSpecification request, String method, String path) {
        return request.request(method, path);
    }

    private static String issueJson() {
        return api().get(ISSUES + "/{id}", sharedIssue()).then().statusCode(200).extract().asString();
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @MethodSource("malformedBodies")
    void malformedJsonIs400(String method, String template, String what, String body, String kind) {
        String before = issueJson();
        String path = resolve(template);
        JsonPath problem = problem(send(raw().contentType(ContentType.JSON).body(body), method, path), 400, kind, path);
        assertThat(problem.getString("title"), equalTo("Malformed JSON"));
        assertThat(issueJson(), equalTo(before));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("writes")
    void anEmptyBodyIs400NamingTheBody(String method, String template) {
        String path = resolve(template);
        JsonPath problem = problem(send(raw().contentType(ContentType.JSON), method, path), 400, "validation", path);
        assertThat(problem.getList("errors.field"), equalTo(List.of("body")));
        assertThat(problem.getString("detail"), containsString("body"));
    }

    @Test
    void aPatchThatIsNoObjectIs400() {
        String before = issueJson();
        String path = ISSUES + "/" + sharedIssue();
        for (String body : List.of("[]", "\"x\"", "null", "42", "")) {
            JsonPath problem = problem(raw().contentType("application/merge-patch+json").body(body).patch(path),
                    400, "validation", path);
            assertThat(body, problem.getList("errors.field"), equalTo(List.of("body")));
        }
        problem(raw().contentType("application/merge-patch+json").body("{\"title\": ").patch(path), 400, "malformed-json", path);
        assertThat(issueJson(), equalTo(before));
    }

    static Stream<Arguments> wrongTypes() {
        String article = "\"headline\": \"h\", \"outletId\": 1, \"publishedOn\": \"2024-11-09\", \"summary\": \"s\"";
        return Stream.of(
                Arguments.of("a string for a number", ARTICLES, "{\"issueId\": \"1\", " + article + "}", "issueId", "integer"),
                Arguments.of("a fraction for an integer", ARTICLES, "{\"issueId\": 1.5, " + article + "}", "issueId", "integer"),
                Arguments.of("a boolean for a number", ARTICLES, "{\"issueId\": 1, \"position\": true, " + article + "}", "position", "integer"),
                Arguments.of("an array for a number", ARTICLES, "{\"issueId\": [1], " + article + "}", "issueId", "integer"),
                Arguments.of("a number for a string", ISSUES, "{\"title\": 5, \"publishedOn\": \"2024-11-09\"}", "title", "string"),
                Arguments.of("an object for a string", ISSUES, "{\"title\": {\"en\": \"x\"}, \"publishedOn\": \"2024-11-09\"}", "title", "string"),
                Arguments.of("an array for a string", ISSUES, "{\"title\": [\"x\"], \"publishedOn\": \"2024-11-09\"}", "title", "string"),
                Arguments.of("a boolean for a string", ISSUES, "{\"title\": true, \"publishedOn\": \"2024-11-09\"}", "title", "string"),
                Arguments.of("an array for a date", ISSUES, "{\"title\": \"x\", \"publishedOn\": [\"2024-11-09\"]}", "publishedOn", "date"),
                Arguments.of("a number for a date", ISSUES, "{\"title\": \"x\", \"publishedOn\": 20241109}", "publishedOn", "date"),
                Arguments.of("an impossible date", ISSUES, "{\"title\": \"x\", \"publishedOn\": \"2024-02-30\"}", "publishedOn", "date"),
                Arguments.of("a date in another format", ISSUES, "{\"title\": \"x\", \"publishedOn\": \"09.11.2024\"}", "publishedOn", "date"),
                Arguments.of("an unknown enum constant", ISSUES, "{\"title\": \"x\", \"publishedOn\": \"2024-11-09\", \"status\": \"LIVE\"}", "status", "DRAFT"),
                Arguments.of("a string for a list", ARTICLES, "{\"issueId\": 1, \"topicIds\": \"1,2\", " + article + "}", "topicIds", "array"),
                Arguments.of("a string for an object", ARTICLES, "{\"issueId\": 1, \"quotes\": [\"q\"], " + article + "}", "quotes[0]", "object"),
                Arguments.of("1e30 for an id", ARTICLES, "{\"issueId\": 1e30, " + article + "}", "issueId", "integer"),
                Arguments.of("a 20-digit id", ARTICLES, "{\"issueId\": 99999999999999999999, " + article + "}", "issueId", "range"),
                Arguments.of("a position beyond int", ARTICLES, "{\"issueId\": 1, \"position\": 99999999999, " + article + "}", "position", "range"),
                Arguments.of("a NUL character", ISSUES, "{\"title\": \"a\\u0000b\", \"publishedOn\": \"2024-11-09\"}", "title", "NUL"),
                Arguments.of("a NUL character in a list", ARTICLES, "{\"issueId\": 1, \"quotes\": [{\"text\": \"\\u0000\"}], " + article + "}", "quotes[0].text", "NUL"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongTypes")
    void aValueOfTheWrongTypeIs400NamingTheField(String what, String path, String body, String field, String hint) {
        JsonPath problem = problem(raw().contentType(ContentType.JSON).body(body).post(path), 400, "malformed-json", path);
        assertThat(problem.getList("errors.field"), equalTo(List.of(field)));
        assertThat(problem.getString("errors[0].message"), containsString(hint));
        assertThat(problem.getString("detail"), startsWith(field + " "));
    }

    @Test
    void unknownPropertiesAre400NamingThem() {
        JsonPath top = problem(raw().contentType(ContentType.JSON)
                .body("{\"title\": \"x\", \"publishedOn\": \"2024-11-09\", \"colour\": \"red\"}").post(ISSUES),
                400, "validation", ISSUES);
        assertThat(top.getList("errors.field"), equalTo(List.of("colour")));
        assertThat(top.getString("errors[0].message"), equalTo("is not a known property"));

        JsonPath nested = problem(raw().contentType(ContentType.JSON)
                .body("{\"issueId\": 1, \"headline\": \"h\", \"outletId\": 1, \"publishedOn\": \"2024-11-09\", \"summary\": \"s\","
                        + " \"quotes\": [{\"text\": \"q\", \"by\": \"me\"}]}").post(ARTICLES),
                400, "validation", ARTICLES);
        assertThat(nested.getList("errors.field"), equalTo(List.of("quotes[0].by")));

        // Read-only fields of the representation are not write fields.
        String path = ISSUES + "/" + sharedIssue();
        String before = issueJson();
        JsonPath readOnly = problem(raw().contentType(ContentType.JSON)
                .body("{\"id\": 1, \"title\": \"x\", \"publishedOn\": \"2024-11-09\"}").put(path), 400, "validation", path);
        assertThat(readOnly.getList("errors.field"), equalTo(List.of("id")));
        assertThat(issueJson(), equalTo(before));
    }

    @Test
    void nullForRequiredFieldsIs400NamingEach() {
        JsonPath issue = problem(raw().contentType(ContentType.JSON).body("{\"title\": null, \"publishedOn\": null}")
                .post(ISSUES), 400, "validation", ISSUES);
        assertThat(issue.getList("errors.field"), containsInAnyOrder("title", "publishedOn"));
        assertThat(issue.getString("title"), equalTo("Invalid request"));

        JsonPath article = problem(raw().contentType(ContentType.JSON)
                .body("{\"issueId\": null, \"headline\": null, \"outletId\": null, \"publishedOn\": null, \"summary\": null,"
                        + " \"quotes\": [null]}").post(ARTICLES), 400, "validation", ARTICLES);
        assertThat(article.getList("errors.field"),
                containsInAnyOrder("headline", "outletId", "publishedOn", "summary", "quotes[0]"));

        JsonPath outlet = problem(raw().contentType(ContentType.JSON).body("{}").post("/api/v1/outlets"),
                400, "validation", "/api/v1/outlets");
        assertThat(outlet.getList("errors.field"), equalTo(List.of("name")));
    }

    @Test
    void duplicateKeysAre400() {
        problem(raw().contentType(ContentType.JSON)
                .body("{\"title\": \"a\", \"title\": \"b\", \"publishedOn\": \"2024-11-09\"}").post(ISSUES),
                400, "malformed-json", ISSUES);
        String path = ISSUES + "/" + sharedIssue();
        String before = issueJson();
        problem(raw().contentType("application/merge-patch+json").body("{\"intro\": \"a\", \"intro\": \"b\"}").patch(path),
                400, "malformed-json", path);
        assertThat(issueJson(), equalTo(before));
    }

    @Test
    void aNulCharacterInAQueryParameterIs400() {
        JsonPath problem = problem(raw().queryParam("q", "a\u0000b").get(ISSUES), 400, "validation", ISSUES);
        assertThat(problem.getList("errors.field"), equalTo(List.of("q")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/nothing", "/nothing", "/api/v2/issues", "/api/v1/issues/1/nothing",
            "/api/v1/articles/1/2/3", "/problems/no-such-problem", "/q/nothing-here"})
    void unknownPathsAre404(String path) {
        if (path.startsWith("/q/")) {
            // Quarkus' own endpoints answer outside the API; they still must not leak anything.
            Response response = raw().get(path);
            assertThat(response.statusCode(), is(404));
            noLeaks(response.asString());
            return;
        }
        problem(raw().get(path), 404, "not-found", path);
        if (!path.startsWith("/problems/")) {
            problem(raw().delete(path), 404, "not-found", path);
        }
    }

    static Stream<Arguments> unknownIds() {
        List<String> collections = List.of("issues", "articles", "outlets", "topics");
        List<String> ids = List.of(String.valueOf(Long.MAX_VALUE), "abc", "-1", "0", "1.5", "1e3",
                "99999999999999999999999", "%00", "%20", "'%20or%201=1");
        return collections.stream().flatMap(c -> ids.stream().map(id -> Arguments.of(c, id)));
    }

    @ParameterizedTest(name = "{0}/{1}")
    @MethodSource("unknownIds")
    void unknownAndMalformedIdsAre404(String collection, String id) {
        String path = "/api/v1/" + collection + "/" + id;
        JsonPath get = problem(raw().urlEncodingEnabled(false).get(path), 404, "not-found", path);
        assertThat(get.getString("detail"), containsString("does not exist"));
        problem(raw().urlEncodingEnabled(false).delete(path), 404, "not-found", path);
        problem(raw().urlEncodingEnabled(false).contentType("application/merge-patch+json").body("{}").patch(path),
                404, "not-found", path);
        if (collection.equals("issues")) {
            problem(raw().urlEncodingEnabled(false).get(path + "/articles"), 404, "not-found", path + "/articles");
            problem(raw().urlEncodingEnabled(false).get(path + "/export"), 404, "not-found", path + "/export");
        }
    }

    static Stream<Arguments> disallowedMethods() {
        return Stream.of(
                Arguments.of("DELETE", ISSUES, "GET, HEAD, POST"),
                Arguments.of("PUT", ISSUES, "GET, HEAD, POST"),
                Arguments.of("PATCH", ARTICLES, "GET, HEAD, POST"),
                Arguments.of("DELETE", "/api/v1/outlets", "GET, HEAD, POST"),
                Arguments.of("PUT", "/api/v1/topics", "GET, HEAD, POST"),
                Arguments.of("POST", ISSUES + "/{issue}", "DELETE, GET, HEAD, PATCH, PUT"),
                Arguments.of("POST", ARTICLES + "/{issue}", "DELETE, GET, HEAD, PATCH, PUT"),
                Arguments.of("DELETE", ISSUES + "/{issue}/export", "GET, HEAD"),
                Arguments.of("PUT", ISSUES + "/{issue}/articles", "GET, HEAD, POST"),
                Arguments.of("POST", "/problems/validation", "GET, HEAD"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("disallowedMethods")
    void aDisallowedMethodIs405WithAllow(String method, String template, String allowed) {
        String path = resolve(template);
        Response response = send(raw().contentType(ContentType.JSON).body("{}"), method, path);
        JsonPath problem = problem(response, 405, "method-not-allowed", path);
        assertThat(Arrays.stream(response.header("Allow").split(",")).map(String::strip).sorted().toList(),
                equalTo(Arrays.stream(allowed.split(", ")).toList()));
        assertThat(problem.getString("detail"), containsString(allowed));
    }

    @Test
    void anUnacceptableAcceptHeaderIs406AndCreatesNothing() {
        String id = String.valueOf(sharedIssue());
        for (String path : List.of(ISSUES, ISSUES + "/" + id, ISSUES + "/" + id + "/export", ARTICLES, "/api/v1/topics")) {
            JsonPath problem = problem(raw().accept("application/xml").get(path), 406, "not-acceptable", path);
            assertThat(problem.getString("detail"), containsString("application/json"));
        }
        problem(raw().accept("text/html").get(ISSUES), 406, "not-acceptable", ISSUES);

        String title = unique("Unacceptable");
        problem(raw().accept("application/xml").contentType(ContentType.JSON)
                .body(Map.of("title", title, "publishedOn", "2024-11-09")).post(ISSUES), 406, "not-acceptable", ISSUES);
        api().queryParam("q", title).get(ISSUES).then().statusCode(200).header("X-Total-Count", "0");
    }

    static Stream<Arguments> unsupportedContentTypes() {
        return Stream.of("text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x")
                .flatMap(type -> Stream.of(
                        Arguments.of(type, "POST", ISSUES),
                        Arguments.of(type, "PUT", ISSUES + "/{issue}"),
                        Arguments.of(type, "PATCH", ISSUES + "/{issue}"),
                        Arguments.of(type, "POST", ISSUES + "/import"),
                        Arguments.of(type, "POST", ARTICLES)));
    }

    @ParameterizedTest(name = "{1} {2} as {0}")
    @MethodSource("unsupportedContentTypes")
    void anUnsupportedContentTypeIs415AndChangesNothing(String type, String method, String template) {
        String before = issueJson();
        String path = resolve(template);
        String title = unique("Unsupported");
        String json = "{\"title\": \"" + title + "\", \"publishedOn\": \"2024-11-09\"}";
        // REST Assured encodes form bodies from a string only, and multipart bodies from bytes only.
        RequestSpecification request = type.startsWith("multipart/")
                ? raw().contentType(type).body(json.getBytes(StandardCharsets.UTF_8)) : raw().contentType(type).body(json);
        JsonPath problem = problem(send(request, method, path),
                415, "unsupported-media-type", path);
        assertThat(problem.getString("detail"), containsString(type.split(";")[0]));
        assertThat(issueJson(), equalTo(before));
        api().queryParam("q", title).get(ISSUES).then().statusCode(200).header("X-Total-Count", "0");
    }

    /** A body whose first field, one every tested write takes, is over 1 MiB long; the title comes after it. */
    private static byte[] oversize(String field, String title) {
        String filler = "a".repeat((int) BodyLimit.MAX_BYTES);
        return ("{\"" + field + "\": \"" + filler + "\", \"title\": \"" + title + "\", \"publishedOn\": \"2024-11-09\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static HttpResponse<String> sendLarge(String method, String path, String contentType, byte[] body,
                                                  boolean chunked) throws Exception {
        HttpRequest.BodyPublisher publisher = chunked
                ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .method(method, publisher)
                .header("Content-Type", contentType)
                .header("Authorization", "Basic " + java.util.Base64.getEncoder()
                        .encodeToString((Api.EDITOR + ":" + Api.EDITOR_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(30))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /** A response read off the wire: status, headers with lower-case names, body. */
    record WireResponse(int status, Map<String, String> headers, String body) {
    }

    /**
     * Announces a body one byte over the limit with {@code Expect: 100-continue} and reads until the server closes the
     * connection: the 413 must come without the body being sent, and the connection must end as announced.
     */
    private static WireResponse declaredOversize(String method, String path, String contentType) throws Exception {
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(15_000);
            String head = method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType
                    + "\r\nContent-Length: " + (BodyLimit.MAX_BYTES + 1) + "\r\nExpect: 100-continue\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String all = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            while (all.startsWith("HTTP/1.1 1")) {
                all = all.substring(all.indexOf("\r\n\r\n") + 4);
            }
            int end = all.indexOf("\r\n\r\n");
            String[] lines = all.substring(0, end).split("\r\n");
            Map<String, String> headers = new java.util.HashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).strip().toLowerCase(java.util.Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
            return new WireResponse(Integer.parseInt(lines[0].split(" ")[1]), headers, all.substring(end + 4));
        }
    }

    static Stream<Arguments> oversizeWrites() {
        return Stream.of(
                Arguments.of("POST", ISSUES, "application/json", "intro"),
                Arguments.of("PUT", ISSUES + "/{issue}", "application/json", "intro"),
                Arguments.of("PATCH", ISSUES + "/{issue}", "application/merge-patch+json", "intro"),
                Arguments.of("POST", ISSUES + "/import", "application/json", "intro"),
                Arguments.of("POST", ISSUES + "/{issue}/articles", "application/json", "summary"),
                Arguments.of("POST", ARTICLES, "application/json", "summary"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("oversizeWrites")
    void aChunkedBodyOverOneMebibyteIs413AndChangesNothing(String method, String template, String type, String field)
            throws Exception {
        String before = issueJson();
        String path = resolve(template);
        String title = unique("Oversize");
        HttpResponse<String> response = sendLarge(method, path, type, oversize(field, title), true);

        JsonPath problem = problem(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body(), 413, "payload-too-large", path);
        assertThat(problem.getString("detail"), containsString("1 MiB"));
        assertThat(issueJson(), equalTo(before));
        api().queryParam("q", title).get(ISSUES).then().statusCode(200).header("X-Total-Count", "0");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("oversizeWrites")
    void aDeclaredBodyOverOneMebibyteIs413BeforeItIsSent(String method, String template, String type, String field)
            throws Exception {
        String before = issueJson();
        String path = resolve(template);
        WireResponse response = declaredOversize(method, path, type);

        assertThat(response.headers().get("connection"), equalTo("close"));
        JsonPath problem = problem(response.status(), response.headers().get("content-type"), response.body(),
                413, "payload-too-large", path);
        assertThat(problem.getString("detail"), containsString("1 MiB"));
        assertThat(response.body().length(), equalTo(Integer.parseInt(response.headers().get("content-length"))));
        assertThat(issueJson(), equalTo(before));
    }

    @Test
    void aBodyOfExactlyOneMebibyteIsRead() throws Exception {
        String title = unique("Limit");
        String head = "{\"title\": \"" + title + "\", \"publishedOn\": \"2024-11-09\", \"intro\": \"";
        String tail = "\"}";
        int filler = (int) BodyLimit.MAX_BYTES - head.length() - tail.length();
        byte[] body = (head + " ".repeat(filler) + tail).getBytes(StandardCharsets.UTF_8);
        assertThat(body.length, is((int) BodyLimit.MAX_BYTES));
        for (boolean chunked : List.of(false, true)) {
            HttpResponse<String> response = sendLarge("POST", ISSUES, "application/json", body, chunked);
            // Read in full and judged on its content: an intro over 10 000 characters is invalid, not too large.
            JsonPath problem = problem(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body(), 400, "validation", ISSUES);
            assertThat(problem.getList("errors.field"), equalTo(List.of("intro")));
        }
    }

    @Test
    void aRejectedPutChangesNothing() {
        long other = newIssue("2024-11-16", "DRAFT");
        String otherSlug = api().get(ISSUES + "/{id}", other).jsonPath().getString("slug");
        String path = ISSUES + "/" + sharedIssue();
        String before = issueJson();

        JsonPath conflict = problem(raw().contentType(ContentType.JSON)
                .body(Map.of("slug", otherSlug, "title", "Stolen", "publishedOn", "2024-11-09")).put(path),
                409, "conflict", path);
        assertThat(conflict.getString("detail"), containsString(otherSlug));
        JsonPath invalid = problem(raw().contentType(ContentType.JSON)
                .body(Map.of("slug", "Not a slug", "title", " ", "publishedOn", "2024-11-09", "intro", "x".repeat(10_001)))
                .put(path), 400, "validation", path);
        assertThat(invalid.getList("errors.field"), containsInAnyOrder("slug", "title", "intro"));
        problem(raw().contentType("application/merge-patch+json").body(Map.of("publishedOn", "tomorrow")).patch(path),
                400, "malformed-json", path);
        problem(raw().contentType("application/merge-patch+json").body(Map.of("slug", otherSlug)).patch(path),
                409, "conflict", path);

        assertThat(issueJson(), equalTo(before));
    }

    @Test
    void aRejectedArticleWriteKeepsTheIssueOrder() {
        long issue = newIssue();
        long outlet = newOutlet();
        long topic = newTopic();
        long first = newArticle(issue, outlet, unique("First"), Map.of("topicIds", List.of(topic)));
        long second = newArticle(issue, outlet, unique("Second"));
        String before = api().get(ISSUES + "/{id}", issue).then().statusCode(200).extract().asString();

        String path = ARTICLES + "/" + second;
        JsonPath position = problem(raw().contentType("application/merge-patch+json").body(Map.of("position", 3)).patch(path),
                400, "validation", path);
        assertThat(position.getList("errors.field"), equalTo(List.of("position")));
        JsonPath refs = problem(raw().contentType("application/merge-patch+json")
                .body(Map.of("outletId", Long.MAX_VALUE, "topicIds", List.of(topic, Long.MAX_VALUE))).patch(path),
                400, "validation", path);
        assertThat(refs.getList("errors.field"), containsInAnyOrder("outletId", "topicIds[1]"));
        JsonPath moved = problem(raw().contentType("application/merge-patch+json").body(Map.of("issueId", Long.MAX_VALUE))
                .patch(ARTICLES + "/" + first), 400, "validation", ARTICLES + "/" + first);
        assertThat(moved.getList("errors.field"), equalTo(List.of("issueId")));

        assertThat(api().get(ISSUES + "/{id}", issue).then().statusCode(200).extract().asString(), equalTo(before));
    }

    @Test
    void successfulResponsesCarryNoProblemType() {
        api().get(ISSUES + "/{id}", sharedIssue()).then().statusCode(200)
                .contentType(startsWith("application/json"))
                .body("type", nullValue())
                .body("status", equalTo("PUBLISHED"));
    }

    @Test
    void everyProblemTypeIsDescribed() {
        for (ProblemType type : ProblemType.values()) {
            String text = api().get("/problems/{type}", type.slug)
                    .then().statusCode(200)
                    .contentType(startsWith("text/plain"))
                    .extract().asString();
            assertThat(text, containsString(type.title));
            assertThat(text, containsString("HTTP " + type.status));
            assertThat(text, containsString(type.description));
            noLeaks(text);
        }
    }
}
