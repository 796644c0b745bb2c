package com.digestapi.web;

import static com.digestapi.support.Api.anonymous;
import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.newArticle;
import static com.digestapi.support.Api.newIssue;
import static com.digestapi.support.Api.newOutlet;
import static com.digestapi.support.Api.newTopic;
import static com.digestapi.support.Api.unique;
import static com.digestapi.support.ProblemChecks.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.digestapi.caching.ContentVersion;
import com.digestapi.caching.ReadCacheTest;
import com.digestapi.support.Api;
import com.digestapi.support.SentSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * GET /{articles|issues|outlets|topics}/by-slug/{slug}: the current slug answers what GET by id answers; a slug from
 * before a rename answers 301 with the current slug's URL, which then answers 200; drafts stay invisible to readers
 * under every slug; a slug that names nothing, or is no slug at all, is a 404 problem; and a read costs a fixed number
 * of statements.
 */
@QuarkusTest
class BySlugTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    ContentVersion contentVersion;

    /** One kind of resource: its collection path and how to make a public one. */
    private record Kind(String path, Supplier<Long> create) {

        String byId(long id) {
            return "/api/v1/" + path + "/" + id;
        }

        String bySlug(String slug) {
            return "/api/v1/" + path + "/by-slug/" + slug;
        }

        String slugOf(long id) {
            return api().get(byId(id)).then().statusCode(200).extract().path("slug");
        }

        void rename(long id, String slug) {
            api().contentType(MERGE_PATCH).body(Map.of("slug", slug)).patch(byId(id))
                    .then().statusCode(200);
        }
    }

    private static final List<Kind> KINDS = List.of(
            new Kind("articles", () -> newArticle(newIssue(), newOutlet(), unique("Headline"))),
            new Kind("issues", () -> newIssue()),
            new Kind("outlets", () -> newOutlet()),
            new Kind("topics", () -> newTopic()));

    private static String base() {
        return "http://localhost:" + RestAssured.port;
    }

    /** A request that does not follow redirects, so that the 301 itself can be read. */
    private static RequestSpecification reader() {
        return anonymous().redirects().follow(false);
    }

    @Test
    void anOldSlugOfEachKindAnswers301ToTheCurrentSlugWhichAnswers200() {
        for (Kind kind : KINDS) {
            long id = kind.create.get();
            String first = kind.slugOf(id);
            String second = unique("second");
            kind.rename(id, second);

            Response moved = reader().get(kind.bySlug(first));
            moved.then().statusCode(301).contentType(ContentType.JSON);
            assertEquals(base() + kind.bySlug(second), moved.header("Location"), kind.path);
            assertEquals(id, moved.jsonPath().getLong("id"));
            assertEquals(second, moved.jsonPath().getString("slug"));
            // Never for good: the slug may come back to this resource, or go to another once this one is deleted.
            assertEquals("public, max-age=30", moved.header("Cache-Control"));

            Response followed = reader().get(moved.header("Location"));
            followed.then().statusCode(200);
            assertEquals(reader().get(kind.byId(id)).asString(), followed.asString(), kind.path);
            // A client that follows redirects lands there by itself.
            anonymous().get(kind.bySlug(first)).then().statusCode(200).body("id", org.hamcrest.Matchers.is((int) id));

            // Renamed again: every old slug leads straight to the current one, in one hop.
            String third = unique("third");
            kind.rename(id, third);
            for (String old : List.of(first, second)) {
                Response again = reader().get(kind.bySlug(old));
                again.then().statusCode(301);
                assertEquals(base() + kind.bySlug(third), again.header("Location"), kind.path + " " + old);
            }
        }
    }

    @Test
    void theCurrentSlugAnswersWhatTheIdAnswers() {
        for (Kind kind : KINDS) {
            long id = kind.create.get();
            String slug = kind.slugOf(id);
            kind.rename(id, slug + "-now");
            Response byId = reader().get(kind.byId(id));
            Response bySlug = reader().get(kind.bySlug(slug + "-now"));
            byId.then().statusCode(200);
            bySlug.then().statusCode(200).contentType(ContentType.JSON);
            assertEquals(byId.asString(), bySlug.asString(), kind.path);
            assertNotNull(bySlug.header("ETag"));
            assertEquals(byId.header("ETag"), bySlug.header("ETag"), kind.path);
            assertEquals(byId.header("Cache-Control"), bySlug.header("Cache-Control"), kind.path);
            assertEquals(byId.header("Vary"), bySlug.header("Vary"), kind.path);
            anonymous().header("If-None-Match", bySlug.header("ETag")).get(kind.bySlug(slug + "-now"))
                    .then().statusCode(304);
            // An editor reads the same resource, privately.
            api().get(kind.bySlug(slug + "-now")).then().statusCode(200)
                    .header("Cache-Control", "private, no-store")
                    .body("id", org.hamcrest.Matchers.is((int) id));
        }
    }

    @Test
    void aSlugThatNamesNothingIsA404Problem() {
        for (Kind kind : KINDS) {
            String slug = unique("never");
            JsonPath body = problem(reader().get(kind.bySlug(slug)), 404, "not-found", kind.bySlug(slug));
            assertTrue(body.getString("detail").contains("'" + slug + "'"), body.getString("detail"));
        }
    }

    /**
     * A draft issue and its articles are as absent under their slugs as under their ids: every slug, current or old,
     * is a 404 to readers, never a 301 that would name the draft's current slug. Editors follow them like any other.
     */
    @Test
    void draftsStayInvisibleToReadersUnderEverySlug() {
        Kind issues = KINDS.get(1);
        Kind articles = KINDS.get(0);
        long draft = newIssue("2031-03-01", "DRAFT");
        long article = newArticle(draft, newOutlet(), unique("Embargoed"));
        String issueBefore = issues.slugOf(draft);
        String articleBefore = articles.slugOf(article);
        String issueNow = unique("secret-issue");
        String articleNow = unique("secret-article");
        issues.rename(draft, issueNow);
        articles.rename(article, articleNow);

        for (String path : List.of(issues.bySlug(issueBefore), issues.bySlug(issueNow), articles.bySlug(articleBefore),
                articles.bySlug(articleNow))) {
            Response hidden = reader().get(path);
            problem(hidden, 404, "not-found", path);
            assertNull(hidden.header("Location"), path);
        }
        // Asked by an old slug, nothing in the answer names the current one.
        for (String path : List.of(issues.bySlug(issueBefore), articles.bySlug(articleBefore))) {
            String hidden = reader().get(path).asString();
            assertTrue(!hidden.contains(issueNow) && !hidden.contains(articleNow), hidden);
        }
        api().redirects().follow(false).get(issues.bySlug(issueBefore)).then().statusCode(301)
                .header("Location", base() + issues.bySlug(issueNow));
        api().redirects().follow(false).get(articles.bySlug(articleBefore)).then().statusCode(301)
                .header("Location", base() + articles.bySlug(articleNow));
        api().get(articles.bySlug(articleNow)).then().statusCode(200);

        // Published, they are public under every slug; back to draft, hidden again.
        api().contentType(MERGE_PATCH).body(Map.of("status", "PUBLISHED")).patch(issues.byId(draft))
                .then().statusCode(200);
        reader().get(issues.bySlug(issueBefore)).then().statusCode(301);
        reader().get(articles.bySlug(articleBefore)).then().statusCode(301);
        reader().get(articles.bySlug(articleNow)).then().statusCode(200);
        api().contentType(MERGE_PATCH).body(Map.of("status", "DRAFT")).patch(issues.byId(draft)).then().statusCode(200);
        reader().get(issues.bySlug(issueBefore)).then().statusCode(404);
        reader().get(articles.bySlug(articleBefore)).then().statusCode(404);
    }

    /**
     * What a read by slug costs on the database path (the first read after a write), whatever the resource holds: the
     * slug's resource in one statement (current or old), then what GET by id costs. An old or unknown slug costs that
     * one statement only; what is no slug, none.
     */
    @Test
    void aReadBySlugCostsOneStatementMoreThanById() {
        long issue = newIssue();
        long outlet = newOutlet();
        for (int i = 0; i < 3; i++) {
            newArticle(issue, outlet, unique("Costed"), Map.of("quotes", List.of(Map.of("text", "Quoted " + i)),
                    "topicIds", List.of(newTopic(), newTopic())));
        }
        long article = newArticle(issue, outlet, unique("Costed"));
        long topic = newTopic();
        Map<Kind, Long> ids = Map.of(KINDS.get(0), article, KINDS.get(1), issue, KINDS.get(2), outlet, KINDS.get(3),
                topic);
        Map<String, Long> byIdCosts = Map.of("articles", 2L, "issues", 3L, "outlets", 1L, "topics", 1L);
        for (Kind kind : KINDS) {
            long id = ids.get(kind);
            String old = kind.slugOf(id);
            String current = unique("costed");
            kind.rename(id, current);
            long byId = statements(kind.byId(id), 200);
            assertEquals(byIdCosts.get(kind.path), byId, kind.path + " by id");
            assertEquals(byId + 1, statements(kind.bySlug(current), 200), kind.path + " by its current slug");
            assertEquals(1, statements(kind.bySlug(old), 301), kind.path + " by an old slug");
            assertEquals(1, statements(kind.bySlug(unique("unknown")), 404), kind.path + " by an unknown slug");
            assertEquals(0, statements(kind.bySlug("Not..A..Slug"), 400), kind.path + " by no slug");
        }
    }

    /** Statements of an anonymous read on the database path (the read cache dropped first). */
    private long statements(String path, int status) {
        ReadCacheTest.dropCachedReads(contentVersion);
        Response[] response = new Response[1];
        long count = SentSql.count(() -> response[0] = Api.rawAnonymous().redirects().follow(false).get(path));
        assertEquals(status, response[0].statusCode(), () -> path + ": " + response[0].asString());
        return count;
    }

    /**
     * Path values that are no slug (too long, control characters, dots, encoded slashes, upper case, SQL) are a 400
     * problem naming the slug, never a 5xx; sent as raw bytes, as a hostile client would. A segment that is exactly ".." is a dot
     * segment that the HTTP layer resolves (RFC 3986) before any route sees it: it names the collection, not a slug.
     */
    @Test
    void hostileSlugsAreA400ProblemNeverAServerError() throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        List<String> hostile = List.of("a".repeat(121), "a".repeat(5_000), "%00", "a%00b", "%0D%0AX-Injected:%20yes",
                "%01%1F%7F", "a..b", "..%2F..%2Fetc%2Fpasswd", "a%2Fb", "%2F", "%252F", "a%5Cb", "Nuclear-Energy",
                "-leading", "trailing-", "double--hyphen", "under_score", "%27%20or%20%271%27%3D%271",
                "%3Cscript%3E", "%E6%BC%A2%E5%AD%97", "%C3%A6r%C3%B8", "%EF%BB%BF", "%F0%9F%98%80", "a%20b",
                "%25", "a.b", "~");
        for (Kind kind : KINDS) {
            for (String slug : hostile) {
                String path = "/api/v1/" + kind.path + "/by-slug/" + slug;
                HttpResponse<String> response = send(http, path);
                JsonPath body = problem(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                        response.body(), 400, "validation", path);
                assertEquals("slug", body.getString("errors[0].field"), path);
            }
            for (String dots : List.of("..", "%2E%2E", "./..", "%2E", "%2E%2E%2F")) {
                String path = "/api/v1/" + kind.path + "/by-slug/" + dots;
                HttpResponse<String> response = send(http, path);
                assertTrue(response.statusCode() < 500 && response.statusCode() != 301, path + " answered "
                        + response.statusCode() + ": " + response.body());
            }
        }
    }

    /** The path sent as it is: REST Assured would encode it again. */
    private static HttpResponse<String> send(HttpClient http, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    @Test
    void theDocumentDescribesThe301WithItsLocation() {
        JsonPath document = new JsonPath(RestAssured.given().accept(ContentType.JSON).get("/q/openapi?format=json")
                .asString());
        for (Kind kind : KINDS) {
            String operation = "paths.'/api/v1/" + kind.path + "/by-slug/{slug}'.get";
            Map<String, Object> moved = document.getMap(operation + ".responses.301");
            assertNotNull(moved, kind.path);
            assertEquals(Boolean.TRUE, document.get(operation + ".responses.301.headers.Location.required"), kind.path);
            assertEquals("uri", document.getString(operation + ".responses.301.headers.Location.schema.format"));
            assertTrue(String.valueOf(moved.get("content")).contains("$ref=#/components/schemas/SlugRedirect"),
                    () -> kind.path + ": " + moved);
            assertNotNull(document.getMap(operation + ".responses.404"), kind.path);
            assertNotNull(document.getMap(operation + ".responses.400.content"), kind.path);
            assertNotNull(document.getMap(operation + ".responses.304"), kind.path);
            assertTrue(String.valueOf(document.getList(operation + ".parameters")).contains("$ref=#/components/schemas/Slug}"),
                    kind.path);
        }
    }
}
