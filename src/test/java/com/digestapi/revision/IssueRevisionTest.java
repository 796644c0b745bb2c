package com.digestapi.revision;

import static com.digestapi.revision.RevisionSupport.about;
import static com.digestapi.revision.RevisionSupport.age;
import static com.digestapi.revision.RevisionSupport.caughtUp;
import static com.digestapi.revision.RevisionSupport.etag;
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
import static com.digestapi.support.ProblemChecks.problem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * GET /api/v1/issues/{id}/revisions, one revision, and POST …/revisions/{number}/restore: the issue's own writes and
 * imports as revisions (with the revisions of the articles an import changed), If-Match, a deleted issue brought back
 * with the articles deleted with it, and what that refuses.
 */
@QuarkusTest
class IssueRevisionTest {

    @Inject
    EntityManager em;

    private static String path(long issue) {
        return "/api/v1/issues/" + issue;
    }

    @Test
    void anIssuesOwnWritesAreItsRevisionsAndItsArticlesWritesAreTheirs() {
        long issue = newIssue("2031-05-03", "DRAFT");
        long article = newArticle(issue, newOutlet(), unique("Inside"));
        assertEquals(1, revisions(path(issue)).size(), "adding an article is a revision of the article");
        Map<String, Object> draft = read(path(issue));

        patch(path(issue), Map.of("status", "PUBLISHED"));
        Response list = api().get(path(issue) + "/revisions");
        assertEnvelope(list, 0, 20, 2, 1, 2);
        assertEquals(expectedLink(path(issue) + "/revisions", "", 0, null, null, 0), list.header("Link"));
        Map<String, Object> published = list.jsonPath().getList("items", Map.class).get(0);
        assertEquals("updated", published.get("action"));
        assertEquals(List.of("status"), published.get("changed"), "its articles' updatedAt moved, and nothing else");
        assertEquals(draft, published.get("data"), "the issue with its articles, as the editor's GET showed it");
        assertEquals(1, revisions("/api/v1/articles/" + article).size(), "the articles' own content did not change");
        assertEquals(published, api().get(path(issue) + "/revisions/2").then().statusCode(200).extract().jsonPath()
                .getMap("$"));

        Map<String, Object> current = read(path(issue));
        api().contentType(ContentType.JSON).body(Map.of("slug", current.get("slug"), "title", current.get("title"),
                "publishedOn", current.get("publishedOn"), "status", "PUBLISHED")).put(path(issue)).then().statusCode(200);
        assertEquals(2, revisions(path(issue)).size(), "a PUT of what is there changes nothing");

        api().delete(path(issue)).then().statusCode(204);
        assertEquals("deleted", revisions(path(issue)).get(0).get("action"));
        Map<String, Object> articleDeleted = revisions("/api/v1/articles/" + article).get(0);
        assertEquals("deleted", articleDeleted.get("action"), "its articles went with it");
    }

    @Test
    void anImportIsARevisionOfTheIssueAndOfEachArticleItCreatedChangedOrRemoved() {
        String slug = unique("imported");
        String kept = unique("Kept");
        String dropped = unique("Dropped");
        long issue = importIssue(slug, "Imported", List.of(entry(kept, "First summary."), entry(dropped, "Summary.")), 201);
        Map<Long, String> ids = articleIds(issue);
        long keptId = idOf(ids, kept);
        long droppedId = idOf(ids, dropped);
        assertEquals("created", revisions(path(issue)).get(0).get("action"));
        assertEquals("created", revisions("/api/v1/articles/" + keptId).get(0).get("action"));
        Map<String, Object> before = read(path(issue));

        String added = unique("Added");
        importIssue(slug, "Imported again", List.of(entry(kept, "Second summary."), entry(added, "New.")), 200);
        Map<String, Object> issueRevision = revisions(path(issue)).get(0);
        assertEquals("updated", issueRevision.get("action"));
        assertEquals(List.of("title", "articles"), issueRevision.get("changed"));
        assertEquals(before, issueRevision.get("data"));
        Map<String, Object> keptRevision = revisions("/api/v1/articles/" + keptId).get(0);
        assertEquals(List.of("summary"), keptRevision.get("changed"));
        assertEquals("First summary.", ((Map<?, ?>) keptRevision.get("data")).get("summary"));
        assertEquals("deleted", revisions("/api/v1/articles/" + droppedId).get(0).get("action"));
        long addedId = idOf(articleIds(issue), added);
        assertEquals("created", revisions("/api/v1/articles/" + addedId).get(0).get("action"));

        importIssue(slug, "Imported again", List.of(entry(kept, "Second summary."), entry(added, "New.")), 200);
        assertEquals(2, revisions(path(issue)).size(), "importing what is there changes nothing");
        assertEquals(2, revisions("/api/v1/articles/" + keptId).size());
    }

    @Test
    void aRestoreOfAnIssuePutsBackItsOwnFieldsUnderIfMatch() {
        long issue = newIssue("2031-05-10", "PUBLISHED");
        long article = newArticle(issue, newOutlet(), unique("Stays"));
        String stale = etag(path(issue));
        Map<String, Object> original = read(path(issue));
        patch(path(issue), Map.of("title", unique("Renamed"), "intro", "A new intro."));
        Map<String, Object> renamed = read(path(issue));

        problem(restore(api().header("If-Match", stale), path(issue), 2), 412, "precondition-failed",
                path(issue) + "/revisions/2/restore");
        assertEquals(renamed, read(path(issue)));

        Response restored = restore(api().header("If-Match", etag(path(issue))), path(issue), 2);
        restored.then().statusCode(200);
        assertEquals(original.get("title"), restored.jsonPath().getString("title"));
        assertNull(restored.jsonPath().getString("intro"));
        assertEquals(List.of(article), restored.jsonPath().getList("articles.id", Long.class));
        assertEquals(read(path(issue)), restored.jsonPath().getMap("$"));
        Map<String, Object> revision = revisions(path(issue)).get(0);
        assertEquals("restored", revision.get("action"));
        assertEquals(2, ((Number) revision.get("restoredFrom")).longValue());
        assertEquals(List.of("title", "intro"), revision.get("changed"));
        problem(restore(api(), path(issue), 1), 409, "conflict", path(issue) + "/revisions/1/restore");
    }

    @Test
    void aDeletedIssueComesBackWithTheArticlesDeletedWithIt() {
        long topic = newTopic();
        long issue = newIssue("2031-05-17", "PUBLISHED");
        long outlet = newOutlet();
        long first = newArticle(issue, outlet, unique("First"), Map.of("topicIds", List.of(topic),
                "quotes", List.of(Map.of("text", "Quoted.", "attribution", "Someone"))));
        long second = newArticle(issue, outlet, unique("Second"));
        Map<String, Object> before = read(path(issue));
        long earlierDeleted = newArticle(issue, outlet, unique("Deleted earlier"));
        api().delete("/api/v1/articles/{id}", earlierDeleted).then().statusCode(204);

        api().delete(path(issue)).then().statusCode(204);
        String token = caughtUp();
        problem(anonymous().get(path(issue)), 404, "not-found", path(issue));
        long deletion = number(revisions(path(issue)).get(0));

        problem(restore(api().header("If-Match", "*"), path(issue), deletion), 412, "precondition-failed",
                path(issue) + "/revisions/" + deletion + "/restore");
        Response restored = restore(api(), path(issue), deletion);
        restored.then().statusCode(200);
        Map<String, Object> body = restored.jsonPath().getMap("$");
        assertEquals(withoutUpdatedAt(before), withoutUpdatedAt(body), "the same issue, articles and all");
        assertEquals(body, anonymous().get(path(issue)).then().statusCode(200).extract().jsonPath().getMap("$"));
        assertEquals(List.of(first, second), anonymous().queryParam("issue", issue).queryParam("sort", "position")
                .get("/api/v1/articles").then().statusCode(200).extract().jsonPath().getList("items.id", Long.class));
        problem(api().get("/api/v1/articles/" + earlierDeleted), 404, "not-found", "/api/v1/articles/" + earlierDeleted);

        List<Map<String, Object>> delta = since(token);
        assertEquals("upsert", about(delta, "issue", issue).get("op"));
        for (long article : List.of(first, second)) {
            Map<String, Object> upsert = about(delta, "article", article);
            assertEquals("upsert", upsert.get("op"));
            assertEquals(anonymous().get("/api/v1/articles/" + article).then().extract().jsonPath().getMap("$"),
                    upsert.get("data"));
        }

        Map<String, Object> issueRevision = revisions(path(issue)).get(0);
        assertEquals("restored", issueRevision.get("action"));
        assertEquals(deletion, ((Number) issueRevision.get("restoredFrom")).longValue());
        Map<String, Object> articleRevision = revisions("/api/v1/articles/" + first).get(0);
        assertEquals("restored", articleRevision.get("action"));
        assertEquals(2, ((Number) articleRevision.get("restoredFrom")).longValue(), "its own deletion, revision 2");
    }

    @Test
    void anIssueRestoreRecreatesNothingThatIsGoneAndComesTooLateAfterTheWindow() {
        long topic = newTopic();
        long issue = newIssue("2031-05-24", "PUBLISHED");
        long article = newArticle(issue, newOutlet(), unique("Tagged"), Map.of("topicIds", List.of(topic)));
        api().delete(path(issue)).then().statusCode(204);
        api().delete("/api/v1/topics/{id}", topic).then().statusCode(204);
        String restorePath = path(issue) + "/revisions/2/restore";
        assertThat(problem(restore(api(), path(issue), 2), 409, "conflict", restorePath).getString("detail"),
                containsString("topic " + topic));
        problem(api().get(path(issue)), 404, "not-found", path(issue));
        problem(api().get("/api/v1/articles/" + article), 404, "not-found", "/api/v1/articles/" + article);

        long old = newIssue("2031-05-31", "DRAFT");
        api().delete(path(old)).then().statusCode(204);
        age(em, "issue", old, 45);
        problem(restore(api(), path(old), 2), 410, "restore-expired", path(old) + "/revisions/2/restore");
        assertEquals(2, revisions(path(old)).size());
    }

    @Test
    void issueRevisionsAreForEditorsAndHostilePathsAreProblems() {
        long issue = newIssue("2031-06-07", "DRAFT");
        for (String revisionPath : List.of(path(issue) + "/revisions", path(issue) + "/revisions/1")) {
            problem(rawAnonymous().get(revisionPath), 401, "unauthorized", revisionPath);
        }
        problem(rawAnonymous().post(path(issue) + "/revisions/1/restore"), 401, "unauthorized",
                path(issue) + "/revisions/1/restore");
        for (String number : List.of("0", "2", "99999999999999999999")) {
            problem(raw().get(path(issue) + "/revisions/" + number), 404, "not-found", path(issue) + "/revisions/" + number);
            problem(raw().post(path(issue) + "/revisions/" + number + "/restore"), 404, "not-found",
                    path(issue) + "/revisions/" + number + "/restore");
        }
        String unknown = "/api/v1/issues/9223372036854775807/revisions";
        problem(raw().get(unknown), 404, "not-found", unknown);
        problem(raw().queryParam("size", 0).get(path(issue) + "/revisions"), 400, "validation",
                path(issue) + "/revisions");
    }

    // ------------------------------------------------------------------ helpers

    private static Map<String, Object> entry(String headline, String summary) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("headline", headline);
        entry.put("outlet", "Revision outlet");
        entry.put("publishedOn", "2031-04-01");
        entry.put("summary", summary);
        entry.put("topics", List.of("Revision topic"));
        return entry;
    }

    private static long importIssue(String slug, String title, List<Map<String, Object>> articles, int status) {
        Map<String, Object> document = Map.of("slug", slug, "title", title, "publishedOn", "2031-04-05",
                "status", "PUBLISHED", "articles", articles);
        return api().contentType(ContentType.JSON).body(document).post("/api/v1/issues/import")
                .then().statusCode(status).extract().jsonPath().getLong("id");
    }

    /** The issue's article ids by headline. */
    private static Map<Long, String> articleIds(long issue) {
        Map<Long, String> ids = new LinkedHashMap<>();
        List<Map<String, Object>> articles = read(path(issue)).get("articles") instanceof List<?> list
                ? new ArrayList<>((List<Map<String, Object>>) list) : List.of();
        articles.forEach(a -> ids.put(((Number) a.get("id")).longValue(), (String) a.get("headline")));
        return ids;
    }

    private static long idOf(Map<Long, String> ids, String headline) {
        return ids.entrySet().stream().filter(e -> e.getValue().equals(headline)).findFirst().orElseThrow().getKey();
    }

    /** The representation without the updatedAt of the issue and of its articles, which a restore moves. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withoutUpdatedAt(Map<String, Object> issue) {
        Map<String, Object> copy = new LinkedHashMap<>(issue);
        copy.remove("updatedAt");
        copy.put("articles", ((List<Map<String, Object>>) issue.get("articles")).stream().map(a -> {
            Map<String, Object> article = new LinkedHashMap<>(a);
            article.remove("updatedAt");
            return article;
        }).toList());
        return copy;
    }
}
