package com.digestapi.persistence;

import static com.digestapi.support.Api.anonymous;
import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.newArticle;
import static com.digestapi.support.Api.newIssue;
import static com.digestapi.support.Api.newOutlet;
import static com.digestapi.support.Api.newTopic;
import static com.digestapi.support.Api.raw;
import static com.digestapi.support.Api.rawAnonymous;
import static com.digestapi.support.Api.unique;
import static com.digestapi.support.ProblemChecks.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.digestapi.caching.ContentVersion;
import com.digestapi.caching.ReadCacheTest;
import com.digestapi.support.SentSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The rules of slug history, through the API: a slug a resource leaves stays its own (a redirect) until it takes the
 * slug back or is deleted; no other resource of the kind gets it meanwhile, given or generated; list filters, feeds and
 * imports that name an old slug find the resource that carries the current one.
 */
@QuarkusTest
class SlugHistoryTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    ContentVersion contentVersion;

    /** One kind of resource: its collection, how to make one, and the body of another with a given slug. */
    private record Kind(String path, Supplier<Long> create, Function<String, Map<String, Object>> another) {

        String byId(long id) {
            return "/api/v1/" + path + "/" + id;
        }

        String bySlug(String slug) {
            return "/api/v1/" + path + "/by-slug/" + slug;
        }

        String slugOf(long id) {
            return api().get(byId(id)).then().statusCode(200).extract().path("slug");
        }

        Response patchSlug(long id, String slug) {
            return raw().contentType(MERGE_PATCH).body(Map.of("slug", slug)).patch(byId(id));
        }

        Response createWith(String slug) {
            return raw().contentType(ContentType.JSON).body(another.apply(slug)).post("/api/v1/" + path);
        }
    }

    private static List<Kind> kinds() {
        long issue = newIssue();
        long outlet = newOutlet();
        return List.of(
                new Kind("articles", () -> newArticle(issue, outlet, unique("Headline")), slug -> Map.of("issueId", issue,
                        "slug", slug, "headline", unique("Other"), "outletId", outlet, "publishedOn", "2024-10-30",
                        "summary", "Another one.")),
                new Kind("issues", () -> newIssue(), slug -> Map.of("slug", slug, "title", unique("Other"),
                        "publishedOn", "2024-11-09")),
                new Kind("outlets", () -> newOutlet(), slug -> Map.of("slug", slug, "name", unique("Other"))),
                new Kind("topics", () -> newTopic(), slug -> Map.of("slug", slug, "name", unique("Other"))));
    }

    private static String base() {
        return "http://localhost:" + RestAssured.port;
    }

    private static void moved(Kind kind, String from, String to) {
        anonymous().redirects().follow(false).get(kind.bySlug(from)).then().statusCode(301)
                .header("Location", base() + kind.bySlug(to));
    }

    @Test
    void aSlugKeptAsARedirectIsNotGivenToAnotherResource() {
        for (Kind kind : kinds()) {
            long owner = kind.create.get();
            String old = kind.slugOf(owner);
            kind.patchSlug(owner, unique("renamed")).then().statusCode(200);

            String path = "/api/v1/" + kind.path;
            JsonPath created = problem(kind.createWith(old), 409, "conflict", path);
            String detail = created.getString("detail");
            assertTrue(detail.contains("'" + old + "'") && detail.contains("belonged to")
                    && detail.contains("kept as a redirect"), detail);

            long other = kind.create.get();
            problem(kind.patchSlug(other, old), 409, "conflict", kind.byId(other));
            // The redirect still leads to its resource.
            anonymous().redirects().follow(false).get(kind.bySlug(old)).then().statusCode(301);
        }
    }

    @Test
    void aResourceTakesBackItsOwnOldSlug() {
        for (Kind kind : kinds()) {
            long id = kind.create.get();
            String first = kind.slugOf(id);
            String second = unique("second");
            kind.patchSlug(id, second).then().statusCode(200);
            kind.patchSlug(id, first).then().statusCode(200).body("slug", org.hamcrest.Matchers.equalTo(first));

            anonymous().get(kind.bySlug(first)).then().statusCode(200)
                    .body("id", org.hamcrest.Matchers.is((int) id));
            moved(kind, second, first);
            // The slug it left is now its redirect: no other resource takes it.
            problem(kind.createWith(second), 409, "conflict", "/api/v1/" + kind.path);
            // And back again: the history follows.
            kind.patchSlug(id, second).then().statusCode(200);
            moved(kind, first, second);
            anonymous().get(kind.bySlug(second)).then().statusCode(200);
        }
    }

    @Test
    void aDeletedResourceFreesItsSlugs() {
        for (Kind kind : kinds()) {
            long id = kind.create.get();
            String old = kind.slugOf(id);
            String current = unique("current");
            kind.patchSlug(id, current).then().statusCode(200);
            api().delete(kind.byId(id)).then().statusCode(204);

            problem(anonymous().get(kind.bySlug(old)), 404, "not-found", kind.bySlug(old));
            problem(anonymous().get(kind.bySlug(current)), 404, "not-found", kind.bySlug(current));
            kind.createWith(old).then().statusCode(201);
            kind.createWith(current).then().statusCode(201);
        }
    }

    @Test
    void deletingAnIssueFreesTheOldSlugsOfItsArticles() {
        long issue = newIssue("2024-11-23", "DRAFT");
        long outlet = newOutlet();
        long article = newArticle(issue, outlet, unique("Gone with its issue"));
        String old = api().get("/api/v1/articles/{id}", article).then().extract().path("slug");
        api().contentType(MERGE_PATCH).body(Map.of("slug", unique("renamed"))).patch("/api/v1/articles/{id}", article)
                .then().statusCode(200);
        api().delete("/api/v1/issues/{id}", issue).then().statusCode(204);

        api().get("/api/v1/articles/by-slug/{slug}", old).then().statusCode(404);
        long other = newIssue();
        newArticle(other, outlet, unique("Takes the slug"), Map.of("slug", old));
    }

    @Test
    void aGeneratedSlugPassesOverOldSlugs() {
        String title = unique("Weekly");
        long first = api().contentType(ContentType.JSON).body(Map.of("title", title, "publishedOn", "2024-12-14"))
                .post("/api/v1/issues").then().statusCode(201).extract().jsonPath().getLong("id");
        String generated = api().get("/api/v1/issues/{id}", first).then().extract().path("slug");
        api().contentType(MERGE_PATCH).body(Map.of("slug", unique("special"))).patch("/api/v1/issues/{id}", first)
                .then().statusCode(200);
        api().contentType(ContentType.JSON).body(Map.of("title", title, "publishedOn", "2024-12-14"))
                .post("/api/v1/issues").then().statusCode(201)
                .body("slug", org.hamcrest.Matchers.equalTo(generated + "-2"));
    }

    /**
     * Links and subscriptions made before a topic or an outlet was renamed keep working: the article list (from the
     * database, and from the search index with q), an issue's article list, and the three feeds take the old slugs, at
     * the same cost as the current ones; the feed's title names what they name now.
     */
    @Test
    void listsAndFeedsTakeOldTopicAndOutletSlugs() {
        String token = unique("renamedfilters").replace("-", "");
        long issue = newIssue();
        long outlet = newOutlet();
        long topic = newTopic();
        long otherTopic = newTopic();
        long article = newArticle(issue, outlet, "Filtered " + token, Map.of("topicIds", List.of(topic)));
        newArticle(issue, outlet, "Other " + token, Map.of("topicIds", List.of(otherTopic)));
        String oldOutlet = api().get("/api/v1/outlets/{id}", outlet).then().extract().path("slug");
        String oldTopic = api().get("/api/v1/topics/{id}", topic).then().extract().path("slug");
        String topicName = unique("Renamed topic");
        api().contentType(MERGE_PATCH).body(Map.of("slug", unique("new-topic"), "name", topicName))
                .patch("/api/v1/topics/{id}", topic).then().statusCode(200);
        String newOutlet = unique("new-outlet");
        api().contentType(MERGE_PATCH).body(Map.of("slug", newOutlet)).patch("/api/v1/outlets/{id}", outlet)
                .then().statusCode(200);
        String newTopic = api().get("/api/v1/topics/{id}", topic).then().extract().path("slug");

        for (Map<String, Object> filter : List.of(Map.<String, Object>of("topic", oldTopic),
                Map.<String, Object>of("topic", oldTopic, "outlet", oldOutlet),
                Map.<String, Object>of("topic", oldTopic, "q", token),
                Map.<String, Object>of("topic", List.of(oldTopic, newTopic), "outlet", oldOutlet, "q", token))) {
            anonymous().queryParams(filter).get("/api/v1/articles").then().statusCode(200)
                    .body("items.id", org.hamcrest.Matchers.contains((int) article))
                    .body("totalItems", org.hamcrest.Matchers.is(1));
        }
        anonymous().queryParam("outlet", oldOutlet).get("/api/v1/articles").then().statusCode(200)
                .body("totalItems", org.hamcrest.Matchers.is(2));
        anonymous().queryParam("topic", oldTopic).get("/api/v1/issues/{id}/articles", issue).then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.contains((int) article));
        anonymous().queryParam("topic", oldTopic).queryParam("facets", "topic").get("/api/v1/articles").then()
                .statusCode(200).body("facets.topic.value", org.hamcrest.Matchers.contains(newTopic));

        String atom = anonymous().queryParam("topic", oldTopic).get("/api/v1/feeds/articles.atom")
                .then().statusCode(200).extract().asString();
        assertTrue(atom.contains("<title>Foreign media digest — " + topicName + "</title>"), atom);
        assertTrue(atom.contains("Filtered " + token) && !atom.contains("Other " + token), atom);
        String rss = anonymous().queryParam("outlet", oldOutlet).get("/api/v1/feeds/articles.rss")
                .then().statusCode(200).extract().asString();
        assertTrue(rss.contains("Filtered " + token) && rss.contains("Other " + token), rss);
        anonymous().queryParam("topic", oldTopic).queryParam("outlet", oldOutlet).get("/api/v1/feeds/articles.json")
                .then().statusCode(200).body("items.title", org.hamcrest.Matchers.contains("Filtered " + token));

        // An old slug costs what the current one costs: one statement names every topic and outlet of the filter.
        Map<String, List<String>> before = Map.of("topic", List.of(oldTopic, unique("unknown")), "outlet",
                List.of(oldOutlet));
        Map<String, List<String>> now = Map.of("topic", List.of(newTopic, unique("unknown")), "outlet",
                List.of(newOutlet));
        for (String path : List.of("/api/v1/articles", "/api/v1/feeds/articles.atom")) {
            long old = statements(path, before);
            assertEquals(statements(path, now), old, path);
            if (path.equals("/api/v1/articles")) {
                assertEquals(5, old, "the filter's slugs + count + ids + rows + quotes");
            }
        }
    }

    private long statements(String path, Map<String, List<String>> filter) {
        ReadCacheTest.dropCachedReads(contentVersion);
        Response[] response = new Response[1];
        long count = SentSql.count(() -> {
            var request = rawAnonymous();
            filter.forEach((name, values) -> request.queryParam(name, values.toArray()));
            response[0] = request.get(path);
        });
        assertEquals(200, response[0].statusCode(), response[0]::asString);
        return count;
    }

    /**
     * A document exported before an issue, its articles, an outlet or a topic was renamed imports into the same issue
     * (which takes its slug back), updates the same articles, and names the same outlet and topic, creating nothing.
     */
    @Test
    void anImportFindsTheIssueArticlesOutletsAndTopicsByTheirOldSlugs() {
        String token = unique("imported").replace("-", "");
        String outletSlug = "outlet-" + token;
        String topicSlug = "topic-" + token;
        Map<String, Object> entry = new HashMap<>(Map.of("slug", "article-" + token, "headline", "Headline " + token,
                "outlet", outletSlug, "publishedOn", "2024-12-02", "summary", "Summary.", "topics", List.of(topicSlug)));
        Map<String, Object> document = new HashMap<>(Map.of("slug", "issue-" + token, "title", "Issue " + token,
                "publishedOn", "2024-12-07", "status", "PUBLISHED", "articles", List.of(entry),
                "outlets", List.of(Map.of("slug", outletSlug, "name", "Outlet " + token)),
                "topics", List.of(Map.of("slug", topicSlug, "name", "Topic " + token))));
        JsonPath imported = api().contentType(ContentType.JSON).body(document).post("/api/v1/issues/import")
                .then().statusCode(201).extract().jsonPath();
        long issue = imported.getLong("id");
        long article = imported.getLong("articles[0].id");
        long outlet = imported.getLong("articles[0].outlet.id");
        long topic = imported.getLong("articles[0].topics[0].id");

        for (String[] rename : List.of(new String[] {"/api/v1/issues/" + issue, "issue-" + token + "-renamed"},
                new String[] {"/api/v1/articles/" + article, "article-" + token + "-renamed"},
                new String[] {"/api/v1/outlets/" + outlet, "outlet-" + token + "-renamed"},
                new String[] {"/api/v1/topics/" + topic, "topic-" + token + "-renamed"})) {
            api().contentType(MERGE_PATCH).body(Map.of("slug", rename[1])).patch(rename[0]).then().statusCode(200);
        }
        long outlets = total("/api/v1/outlets");
        long topics = total("/api/v1/topics");

        JsonPath again = api().contentType(ContentType.JSON).body(document).post("/api/v1/issues/import")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(issue, again.getLong("id"));
        assertEquals("issue-" + token, again.getString("slug"));
        assertEquals(List.of(article), again.getList("articles.id", Long.class));
        assertEquals("article-" + token, again.getString("articles[0].slug"));
        assertEquals(outlet, again.getLong("articles[0].outlet.id"));
        assertEquals(topic, again.getLong("articles[0].topics[0].id"));
        assertEquals(outlets, total("/api/v1/outlets"));
        assertEquals(topics, total("/api/v1/topics"));
        // The slugs they took back are current again, and the ones they left are redirects now.
        moved(new Kind("issues", null, null), "issue-" + token + "-renamed", "issue-" + token);
        moved(new Kind("articles", null, null), "article-" + token + "-renamed", "article-" + token);
    }

    private static long total(String path) {
        return api().queryParam("size", 1).get(path).then().statusCode(200).extract().jsonPath().getLong("totalItems");
    }

    @Test
    void historyIsWrittenInTheRenamesTransaction() {
        // A rename refused for its name changes no slug history: the old slug stays current, no redirect appears.
        long taken = newTopic();
        String takenName = api().get("/api/v1/topics/{id}", taken).then().extract().path("name");
        long topic = newTopic();
        String slug = api().get("/api/v1/topics/{id}", topic).then().extract().path("slug");
        String wanted = unique("never-current");
        raw().contentType(MERGE_PATCH).body(Map.of("slug", wanted, "name", takenName)).patch("/api/v1/topics/{id}", topic)
                .then().statusCode(409);
        anonymous().get("/api/v1/topics/by-slug/{slug}", slug).then().statusCode(200);
        anonymous().redirects().follow(false).get("/api/v1/topics/by-slug/{slug}", wanted).then().statusCode(404);
        newTopicWithSlug(wanted);
    }

    private static void newTopicWithSlug(String slug) {
        api().contentType(ContentType.JSON).body(Map.of("slug", slug, "name", unique("Topic")))
                .post("/api/v1/topics").then().statusCode(201);
    }
}
