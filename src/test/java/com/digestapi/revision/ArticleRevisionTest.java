package com.digestapi.revision;

import static com.digestapi.revision.RevisionSupport.MERGE_PATCH;
import static com.digestapi.revision.RevisionSupport.about;
import static com.digestapi.revision.RevisionSupport.age;
import static com.digestapi.revision.RevisionSupport.caughtUp;
import static com.digestapi.revision.RevisionSupport.etag;
import static com.digestapi.revision.RevisionSupport.feedOfTopic;
import static com.digestapi.revision.RevisionSupport.number;
import static com.digestapi.revision.RevisionSupport.patch;
import static com.digestapi.revision.RevisionSupport.read;
import static com.digestapi.revision.RevisionSupport.restore;
import static com.digestapi.revision.RevisionSupport.revisions;
import static com.digestapi.revision.RevisionSupport.since;
import static com.digestapi.support.Api.anonymous;
import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.newArticle;
import static com.digestapi.support.Api.newIssue;
import static com.digestapi.support.Api.newOutlet;
import static com.digestapi.support.Api.newTopic;
import static com.digestapi.support.Api.raw;
import static com.digestapi.support.Api.rawAnonymous;
import static com.digestapi.support.Api.unique;
import static com.digestapi.support.ListSupport.assertEnvelope;
import static com.digestapi.support.ListSupport.expectedLink;
import static com.digestapi.support.ListSupport.links;
import static com.digestapi.support.ProblemChecks.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.digestapi.support.ListSupport;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * GET /api/v1/articles/{id}/revisions, one revision, and POST …/revisions/{number}/restore, through HTTP (every answer
 * checked against the OpenAPI document): what each write records, paging, If-Match, the restore of a deleted article
 * within the window and after it, what a restore refuses to recreate, editors only, and hostile path values.
 */
@QuarkusTest
class ArticleRevisionTest {

    @Inject
    EntityManager em;

    private static String path(long article) {
        return "/api/v1/articles/" + article;
    }

    /** An article with a quote and a topic in a new published issue. */
    private static long article(long issue) {
        return newArticle(issue, newOutlet(), unique("Revised"), Map.of("quotes",
                List.of(Map.of("text", "A quote.", "attribution", "Someone")), "topicIds", List.of(newTopic())));
    }

    // ------------------------------------------------------------------ what writes record

    @Test
    void aPatchOfOneFieldIsARevisionNamingThatFieldAndHoldingTheArticleAsItWas() {
        Instant start = Instant.now().minusSeconds(1);
        long article = article(newIssue());
        Map<String, Object> before = read(path(article));
        patch(path(article), Map.of("headline", unique("Better headline")));

        Response list = api().get(path(article) + "/revisions");
        assertEnvelope(list, 0, 20, 2, 1, 2);
        assertEquals(expectedLink(path(article) + "/revisions", "", 0, null, null, 0), list.header("Link"));
        assertEquals("private, no-store", list.header("Cache-Control"));
        List<Map<String, Object>> items = list.jsonPath().getList("items");
        Map<String, Object> latest = items.get(0);
        assertEquals(List.of("number", "editor", "at", "action", "changed", "restoredFrom", "data"),
                List.copyOf(latest.keySet()));
        assertEquals(2, number(latest));
        assertEquals("editor", latest.get("editor"));
        assertEquals("updated", latest.get("action"));
        assertEquals(List.of("headline"), latest.get("changed"));
        assertNull(latest.get("restoredFrom"));
        assertEquals(before, latest.get("data"), "the article exactly as the editor's GET showed it before");
        Instant at = Instant.parse((String) latest.get("at"));
        assertTrue(at.isAfter(start) && !at.isAfter(Instant.now()), at.toString());

        Map<String, Object> created = items.get(1);
        assertEquals(1, number(created));
        assertEquals("created", created.get("action"));
        assertNull(created.get("data"), "nothing existed before a create");
        assertTrue(((List<?>) created.get("changed")).containsAll(List.of("headline", "slug", "outlet", "topics",
                "quotes", "issueId", "position")), created.toString());
        assertFalse(((List<?>) created.get("changed")).contains("updatedAt"));
        assertFalse(((List<?>) created.get("changed")).contains("author"), "author has no value: it did not change");

        Response one = api().get(path(article) + "/revisions/2");
        one.then().statusCode(200).contentType(ContentType.JSON).header("Cache-Control", "private, no-store");
        assertEquals(latest, one.jsonPath().getMap("$"));
        api().header("If-None-Match", one.header("ETag")).get(path(article) + "/revisions/2").then().statusCode(304);
    }

    @Test
    void eachFieldAWriteChangesIsNamedAndAWriteThatChangesNothingIsNoRevision() {
        long issue = newIssue();
        long first = article(issue);
        long second = article(issue);
        patch(path(second), Map.of("position", 1));
        assertEquals(List.of("position"), revisions(path(second)).get(0).get("changed"));
        assertEquals(1, revisions(path(first)).size(), "a sibling that moved because another did records nothing");

        long topic = newTopic();
        patch(path(second), Map.of("topicIds", List.of(topic), "quotes", List.of()));
        assertEquals(List.of("quotes", "topics"), revisions(path(second)).get(0).get("changed"));

        long other = newIssue();
        patch(path(second), Map.of("issueId", other));
        assertEquals(List.of("issueId"), revisions(path(second)).get(0).get("changed"), "first in the new issue as in"
                + " the old");

        Map<String, Object> current = read(path(second));
        Map<String, Object> same = new HashMap<>(Map.of("issueId", other, "headline", current.get("headline"),
                "outletId", ((Map<?, ?>) current.get("outlet")).get("id"), "publishedOn", current.get("publishedOn"),
                "summary", current.get("summary"), "topicIds", List.of(topic)));
        int count = revisions(path(second)).size();
        api().contentType(ContentType.JSON).body(same).put(path(second)).then().statusCode(200);
        assertEquals(count, revisions(path(second)).size(), "a PUT of what is there changes nothing");

        api().delete(path(second)).then().statusCode(204);
        Map<String, Object> deleted = revisions(path(second)).get(0);
        assertEquals("deleted", deleted.get("action"));
        assertEquals(current, deleted.get("data"));
        assertTrue(((List<?>) deleted.get("changed")).contains("headline"));
    }

    @Test
    void theEditorIsTheAccountOfTheCredentialsAnApiTokenActingAsItsOwner() {
        long article = article(newIssue());
        String token = api().contentType(ContentType.JSON).body(Map.of("name", unique("revision token")))
                .post("/api/v1/accounts/me/tokens").then().statusCode(201).extract().path("token");
        given().header("Authorization", "Bearer " + token).contentType(MERGE_PATCH)
                .body(Map.of("summary", "Written by a program.")).patch(path(article)).then().statusCode(200);
        assertEquals("editor", revisions(path(article)).get(0).get("editor"));
    }

    // ------------------------------------------------------------------ paging

    @Test
    void revisionsPageLikeEveryListNewestFirst() {
        long article = article(newIssue());
        for (int i = 0; i < 24; i++) {
            patch(path(article), Map.of("summary", "Summary, take " + i));
        }
        String revisions = path(article) + "/revisions";
        Response first = api().queryParam("size", 10).get(revisions);
        assertEnvelope(first, 0, 10, 25, 3, 10);
        String cursor = ListSupport.nextCursor(first);
        assertEquals(expectedLink(revisions, "size=10", 0, null, cursor, 2), first.header("Link"));
        assertEquals("25", first.header("X-Total-Count"));

        List<Long> walked = new ArrayList<>();
        String next = ListSupport.base() + revisions + "?size=10";
        while (next != null) {
            Response page = api().get(next);
            page.then().statusCode(200);
            page.jsonPath().getList("items.number", Long.class).forEach(walked::add);
            next = links(page).get("next");
        }
        List<Long> newestFirst = new ArrayList<>();
        for (long n = 25; n >= 1; n--) {
            newestFirst.add(n);
        }
        assertEquals(newestFirst, walked);

        assertEquals(List.of(1L, 2L, 3L), api().queryParam("size", 3).queryParam("sort", "number").get(revisions)
                .then().statusCode(200).extract().jsonPath().getList("items.number", Long.class));
        assertEquals(List.of(5L, 4L, 3L, 2L, 1L), api().queryParam("size", 10).queryParam("page", 2).get(revisions)
                .then().statusCode(200).extract().jsonPath().getList("items.number", Long.class));
        assertEquals(List.of(25L), api().queryParam("size", 1).queryParam("sort", "-at").get(revisions)
                .then().statusCode(200).extract().jsonPath().getList("items.number", Long.class));

        JsonPath bad = problem(raw().queryParam("size", 500).queryParam("sort", "headline").queryParam("page", -1)
                .get(revisions), 400, "validation", revisions);
        assertEquals(List.of("page", "size", "sort"), bad.getList("errors.field").stream().sorted().toList());
        long other = article(newIssue());
        problem(raw().queryParam("cursor", cursor).get(path(other) + "/revisions"), 400, "validation",
                path(other) + "/revisions");
    }

    // ------------------------------------------------------------------ restore

    @Test
    void aRestoreHonoursIfMatchAndIsItselfARevision() {
        long article = article(newIssue());
        Map<String, Object> original = read(path(article));
        String stale = etag(path(article));
        patch(path(article), Map.of("headline", unique("Second headline")));
        patch(path(article), Map.of("summary", "A third summary."));
        Map<String, Object> beforeRestore = read(path(article));

        Response refused = restore(api().header("If-Match", stale), path(article), 2);
        problem(refused, 412, "precondition-failed", path(article) + "/revisions/2/restore");
        assertEquals(beforeRestore, read(path(article)), "a refused restore changes nothing");
        assertEquals(3, revisions(path(article)).size());

        Response restored = restore(api().header("If-Match", etag(path(article))), path(article), 2);
        restored.then().statusCode(200).contentType(ContentType.JSON);
        Map<String, Object> body = restored.jsonPath().getMap("$");
        assertEquals(read(path(article)), body, "the answer is the article as stored");
        assertEquals(original.get("headline"), body.get("headline"));
        assertEquals(original.get("summary"), body.get("summary"));
        assertEquals(original.get("topics"), body.get("topics"));
        assertEquals(original.get("quotes"), body.get("quotes"));

        Map<String, Object> revision = revisions(path(article)).get(0);
        assertEquals(4, number(revision));
        assertEquals("restored", revision.get("action"));
        assertEquals(2, ((Number) revision.get("restoredFrom")).longValue());
        assertEquals(List.of("headline", "summary"), revision.get("changed"));
        assertEquals(beforeRestore, revision.get("data"));

        // Without If-Match it is unconditional; restoring the state it is in changes nothing but is recorded.
        restore(api(), path(article), 2).then().statusCode(200);
        Map<String, Object> again = revisions(path(article)).get(0);
        assertEquals("restored", again.get("action"));
        assertEquals(List.of(), again.get("changed"));

        JsonPath creation = problem(restore(api(), path(article), 1), 409, "conflict",
                path(article) + "/revisions/1/restore");
        assertThat(creation.getString("detail"), containsString("did not exist before"));
        problem(restore(api(), path(article), 99), 404, "not-found", path(article) + "/revisions/99/restore");
    }

    @Test
    void aRestorePutsTheArticleBackInItsIssueAtItsPlace() {
        long issue = newIssue();
        long outlet = newOutlet();
        long x = newArticle(issue, outlet, unique("X"));
        long y = newArticle(issue, outlet, unique("Y"));
        long z = newArticle(issue, outlet, unique("Z"));
        long elsewhere = newIssue();
        patch(path(y), Map.of("issueId", elsewhere));
        assertEquals(List.of(x, z), articleIds(issue));

        restore(api(), path(y), 2).then().statusCode(200).body("issueId", org.hamcrest.Matchers.equalTo((int) issue))
                .body("position", org.hamcrest.Matchers.equalTo(2));
        assertEquals(List.of(x, y, z), articleIds(issue));
        assertEquals(List.of(), articleIds(elsewhere));
        assertEquals(List.of("issueId", "position"), revisions(path(y)).get(0).get("changed"));
    }

    @Test
    void aDeletedArticleComesBackWithItsIdAtItsPlaceForReadersFeedsSyncAndWebhooks() throws IOException {
        String topicName = unique("Restored topic");
        JsonPath topic = ListSupport.topic(topicName);
        long issue = newIssue("2031-03-01", "PUBLISHED");
        long outlet = newOutlet();
        long first = newArticle(issue, outlet, unique("First"));
        long middle = newArticle(issue, outlet, unique("Middle"), Map.of("topicIds", List.of(topic.getLong("id"))));
        long last = newArticle(issue, outlet, unique("Last"));
        Map<String, Object> asReadersSawIt = anonymous().get(path(middle)).then().statusCode(200).extract().jsonPath()
                .getMap("$");
        // A receiver that takes every delivery, so the subscription stays active (failures disable it within 2 s here).
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
        long hook = api().contentType(ContentType.JSON).body(Map.of("url", "http://127.0.0.1:"
                        + receiver.getAddress().getPort() + "/hook", "events", List.of("article.published",
                        "article.deleted"))).post("/api/v1/webhooks")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        try {
            api().delete(path(middle)).then().statusCode(204);
            String token = caughtUp();
            problem(anonymous().get(path(middle)), 404, "not-found", path(middle));
            assertEquals(List.of(), feedOfTopic(topic.getString("slug")));

            problem(restore(api().header("If-Match", "*"), path(middle), 2), 412, "precondition-failed",
                    path(middle) + "/revisions/2/restore");
            Response restored = restore(api(), path(middle), 2);
            restored.then().statusCode(200);
            Map<String, Object> body = restored.jsonPath().getMap("$");
            assertEquals(middle, ((Number) body.get("id")).longValue(), "the same id");
            assertEquals(2, body.get("position"), "its old place, which the issue still has");
            assertEquals(asReadersSawIt.get("createdAt"), body.get("createdAt"));
            for (String field : List.of("slug", "headline", "outlet", "publishedOn", "summary", "quotes", "topics")) {
                assertEquals(asReadersSawIt.get(field), body.get(field), field);
            }
            assertEquals(List.of(first, middle, last), articleIds(issue));

            assertEquals(body, anonymous().get(path(middle)).then().statusCode(200).extract().jsonPath().getMap("$"));
            assertEquals(List.of(first, middle, last), anonymous().queryParam("issue", issue).queryParam("sort", "position")
                    .get("/api/v1/articles").then().statusCode(200).extract().jsonPath().getList("items.id", Long.class));
            assertEquals(List.of(middle), feedOfTopic(topic.getString("slug")));
            List<Map<String, Object>> delta = since(token);
            Map<String, Object> upsert = about(delta, "article", middle);
            assertEquals("upsert", upsert.get("op"));
            assertEquals(body, upsert.get("data"));
            assertEquals(3, ((Number) ((Map<?, ?>) about(delta, "issue", issue).get("data")).get("articleCount"))
                    .intValue());
            assertEquals(List.of("article.deleted", "article.published"), events(hook, middle));

            Map<String, Object> revision = revisions(path(middle)).get(0);
            assertEquals(3, number(revision));
            assertEquals("restored", revision.get("action"));
            assertEquals(2, ((Number) revision.get("restoredFrom")).longValue());
            assertNull(revision.get("data"), "it did not exist just before");
        } finally {
            api().delete("/api/v1/webhooks/{id}", hook).then().statusCode(204);
            receiver.stop(0);
        }
    }

    @Test
    void aDeletedArticleWhosePlaceIsGoneComesBackAtTheEnd() {
        long issue = newIssue();
        long outlet = newOutlet();
        long first = newArticle(issue, outlet, unique("First"));
        long second = newArticle(issue, outlet, unique("Second"));
        long third = newArticle(issue, outlet, unique("Third"));
        api().delete(path(third)).then().statusCode(204);
        api().delete(path(first)).then().statusCode(204);
        restore(api(), path(third), 2).then().statusCode(200).body("position", org.hamcrest.Matchers.equalTo(2));
        assertEquals(List.of(second, third), articleIds(issue));
    }

    @Test
    void aRestoreRecreatesNothingThatIsGone() {
        // The topic of a deleted article was deleted since.
        long topic = newTopic();
        String topicName = read("/api/v1/topics/" + topic).get("name").toString();
        long issue = newIssue();
        long article = newArticle(issue, newOutlet(), unique("Tagged"), Map.of("topicIds", List.of(topic)));
        api().delete(path(article)).then().statusCode(204);
        api().delete("/api/v1/topics/{id}", topic).then().statusCode(204);
        String detail = problem(restore(api(), path(article), 2), 409, "conflict", path(article) + "/revisions/2/restore").getString("detail");
        assertThat(detail, containsString("topic " + topic + " (" + topicName + ")"));
        problem(api().get(path(article)), 404, "not-found", path(article));

        // The issue of a deleted article was deleted since: the issue's restore is the way back.
        long gone = newIssue();
        long orphan = newArticle(gone, newOutlet(), unique("Orphan"));
        api().delete(path(orphan)).then().statusCode(204);
        api().delete("/api/v1/issues/{id}", gone).then().statusCode(204);
        detail = problem(restore(api(), path(orphan), 2), 409, "conflict", path(orphan) + "/revisions/2/restore").getString("detail");
        assertThat(detail, containsString("issue " + gone));

        // An existing article's earlier topic was deleted since.
        long earlierTopic = newTopic();
        long live = newArticle(newIssue(), newOutlet(), unique("Live"), Map.of("topicIds", List.of(earlierTopic)));
        patch(path(live), Map.of("topicIds", List.of()));
        api().delete("/api/v1/topics/{id}", earlierTopic).then().statusCode(204);
        Map<String, Object> before = read(path(live));
        problem(restore(api(), path(live), 2), 409, "conflict", path(live) + "/revisions/2/restore");
        assertEquals(before, read(path(live)));
        assertEquals(2, revisions(path(live)).size());
    }

    @Test
    void aDeletionOlderThanTheRestoreWindowCannotBeUndone() {
        long article = newArticle(newIssue(), newOutlet(), unique("Long gone"));
        api().delete(path(article)).then().statusCode(204);
        age(em, "article", article, 31);
        JsonPath gone = problem(restore(api(), path(article), 2), 410, "restore-expired",
                path(article) + "/revisions/2/restore");
        assertThat(gone.getString("detail"), containsString("30 days"));
        assertEquals(2, revisions(path(article)).size(), "its revisions stay readable");
        problem(api().get(path(article)), 404, "not-found", path(article));

        // Within the window it could be: a day less.
        age(em, "article", article, -2);
        restore(api(), path(article), 2).then().statusCode(200);
    }

    // ------------------------------------------------------------------ who, and what paths

    @Test
    void revisionsAreForEditorsOnly() {
        long draft = newIssue("2031-04-01", "DRAFT");
        long article = newArticle(draft, newOutlet(), unique("Draft article"));
        String reader = unique("reader");
        api().contentType(ContentType.JSON).body(Map.of("username", reader, "password", "reader-password-123",
                "roles", List.of())).post("/api/v1/accounts").then().statusCode(201);
        for (String revisionPath : List.of(path(article) + "/revisions", path(article) + "/revisions/1")) {
            Response anonymousRead = rawAnonymous().get(revisionPath);
            problem(anonymousRead, 401, "unauthorized", revisionPath);
            assertNotNull(anonymousRead.header("WWW-Authenticate"));
            problem(rawAnonymous().auth().preemptive().basic(reader, "reader-password-123").get(revisionPath), 403,
                    "forbidden", revisionPath);
        }
        String restorePath = path(article) + "/revisions/1/restore";
        problem(rawAnonymous().post(restorePath), 401, "unauthorized", restorePath);
        problem(rawAnonymous().auth().preemptive().basic(reader, "reader-password-123").post(restorePath), 403,
                "forbidden", restorePath);
    }

    @Test
    void hostilePathValuesAreProblemsNeverErrors() {
        long article = article(newIssue());
        String base = path(article) + "/revisions";
        for (String number : List.of("0", "99", "9223372036854775807", "9223372036854775808",
                "99999999999999999999999999")) {
            problem(raw().get(base + "/" + number), 404, "not-found", base + "/" + number);
            problem(raw().post(base + "/" + number + "/restore"), 404, "not-found", base + "/" + number + "/restore");
        }
        for (String number : List.of("abc", "-1", "1.5", "1e3")) {
            for (Response answer : List.of(raw().get(base + "/" + number), raw().post(base + "/" + number + "/restore"))) {
                int status = answer.statusCode();
                assertTrue(status == 404 || status == 400 || status == 405, number + ": " + status);
                assertThat(answer.contentType(), org.hamcrest.Matchers.startsWith("application/problem+json"));
            }
        }
        for (String id : List.of("0", "9223372036854775807", "99999999999999999999999")) {
            String unknown = "/api/v1/articles/" + id + "/revisions";
            problem(raw().get(unknown), 404, "not-found", unknown);
            problem(raw().get(unknown + "/1"), 404, "not-found", unknown + "/1");
            problem(raw().post(unknown + "/1/restore"), 404, "not-found", unknown + "/1/restore");
        }
        problem(raw().get("/api/v1/articles/abc/revisions"), 404, "not-found", "/api/v1/articles/abc/revisions");
    }

    // ------------------------------------------------------------------ helpers

    private static List<Long> articleIds(long issue) {
        return api().get("/api/v1/issues/{id}", issue).then().statusCode(200).extract().jsonPath()
                .getList("articles.id", Long.class);
    }

    /** The event types the webhook's outbox queued for the article, in order. */
    private List<String> events(long hook, long article) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> types = em.createNativeQuery("select event_type from webhook_delivery where subscription_id"
                            + " = :hook and resource_type = 'article' and resource_id = :article order by version, id")
                    .setParameter("hook", hook).setParameter("article", article).getResultList();
            return types;
        });
    }
}
