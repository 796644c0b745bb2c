package com.digestapi.revision;

import static com.digestapi.revision.RevisionSupport.age;
import static com.digestapi.revision.RevisionSupport.patch;
import static com.digestapi.revision.RevisionSupport.revisions;
import static com.digestapi.support.Api.anonymous;
import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.newArticle;
import static com.digestapi.support.Api.newIssue;
import static com.digestapi.support.Api.newOutlet;
import static com.digestapi.support.Api.unique;
import static com.digestapi.support.ProblemChecks.problem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.digestapi.caching.ContentVersion;
import com.digestapi.caching.ReadCacheTest;
import com.digestapi.support.SentSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * What revisions cost: the content reads never touch their table (the same statements as without them), a write adds
 * a fixed number of statements whatever the resource's history or the number of resources it changed, and the
 * retention keeps each resource's newest digest.revisions.keep.count (100) revisions and removes older ones by age.
 */
@QuarkusTest
class RevisionCostTest {

    @Inject
    ContentVersion contentVersion;

    @Inject
    EntityManager em;

    @Inject
    RevisionRetention retention;

    /** The statements a request sends; the read cache is dropped first, so a read reaches the database. */
    private List<String> statements(Supplier<Response> request, int status) {
        ReadCacheTest.dropCachedReads(contentVersion);
        Response[] response = new Response[1];
        List<String> sql = SentSql.during(() -> response[0] = request.get());
        assertEquals(status, response[0].statusCode(), response[0]::asString);
        return sql;
    }

    private static List<String> onRevisions(List<String> sql) {
        return sql.stream().filter(s -> s.toLowerCase(Locale.ROOT).matches("(?s).*\\brevision\\b.*")).toList();
    }

    @Test
    void contentReadsNeverTouchRevisions() {
        long issue = newIssue();
        long outlet = newOutlet();
        long article = newArticle(issue, outlet, unique("Often revised"));
        newArticle(issue, outlet, unique("Sibling"));
        for (int i = 0; i < 5; i++) {
            patch("/api/v1/articles/" + article, Map.of("summary", "Take " + i));
        }
        String title = api().get("/api/v1/issues/{id}", issue).then().extract().path("title");
        Map<String, Integer> reads = Map.of(
                "/api/v1/articles/" + article, 2,
                "/api/v1/articles?issue=" + issue, 4,
                "/api/v1/issues/" + issue, 3,
                "/api/v1/issues?q=" + title, 2,
                "/api/v1/issues/" + issue + "/articles", 5);
        reads.forEach((path, expected) -> {
            List<String> asReader = statements(() -> anonymous().get(path), 200);
            assertEquals(expected, asReader.size(), path + ": " + asReader);
            assertEquals(List.of(), onRevisions(asReader), path);
            // An editor's read also reads the account of its credentials, and nothing of revisions either.
            assertEquals(List.of(), onRevisions(statements(() -> api().get(path), 200)), path);
        });
    }

    @Test
    void aWriteAddsTwoStatementsWhateverTheHistoryAndThreeWhenItDropsTheOldest() {
        long article = newArticle(newIssue(), newOutlet(), unique("Counted"));
        String path = "/api/v1/articles/" + article;
        List<String> second = statements(() -> api().contentType(RevisionSupport.MERGE_PATCH)
                .body(Map.of("summary", "Second")).patch(path), 200);
        assertEquals(2, onRevisions(second).size(), "the last numbers, then the insert: " + onRevisions(second));
        for (int i = 3; i <= 100; i++) {
            patch(path, Map.of("summary", "Take " + i));
        }
        assertEquals(100, revisions(path).size());
        assertEquals(1L, ((Number) revisions(path).get(99).get("number")).longValue());

        List<String> hundredFirst = statements(() -> api().contentType(RevisionSupport.MERGE_PATCH)
                .body(Map.of("summary", "Take 101")).patch(path), 200);
        assertEquals(3, onRevisions(hundredFirst).size(), "and the oldest beyond the 100 kept: " + onRevisions(hundredFirst));
        assertEquals(second.size() + 1, hundredFirst.size(), "the rest of the write costs what it cost at revision 2");
        List<Map<String, Object>> kept = api().queryParam("size", 100).queryParam("sort", "number")
                .get(path + "/revisions").then().statusCode(200).extract().jsonPath().getList("items");
        assertEquals(2L, ((Number) kept.get(0).get("number")).longValue(), "revision 1 is gone, the numbers stay");
        assertEquals(101L, ((Number) kept.get(99).get("number")).longValue());
        problem(api().get(path + "/revisions/1"), 404, "not-found", path + "/revisions/1");
    }

    @Test
    void deletingAnIssueRecordsAllItsArticlesInTheSameStatements() {
        for (int articles : List.of(1, 30)) {
            long issue = newIssue();
            long outlet = newOutlet();
            for (int i = 0; i < articles; i++) {
                newArticle(issue, outlet, unique("Deleted with its issue"));
            }
            List<String> sql = statements(() -> api().delete("/api/v1/issues/{id}", issue), 204);
            assertEquals(2, onRevisions(sql).size(), articles + " articles: " + onRevisions(sql));
        }
    }

    @Test
    void theRetentionRemovesOldRevisionsButANewestThatStillExists() {
        long live = newArticle(newIssue(), newOutlet(), unique("Old but alive"));
        patch("/api/v1/articles/" + live, Map.of("summary", "Changed long ago"));
        long deleted = newArticle(newIssue(), newOutlet(), unique("Old and gone"));
        api().delete("/api/v1/articles/{id}", deleted).then().statusCode(204);
        long recent = newArticle(newIssue(), newOutlet(), unique("Recent"));
        age(em, "article", live, 400);
        age(em, "article", deleted, 400);

        assertTrue(retention.prune() >= 3, "the live article's first, the deleted one's two");
        List<Map<String, Object>> left = revisions("/api/v1/articles/" + live);
        assertEquals(List.of(2L), left.stream().map(r -> ((Number) r.get("number")).longValue()).toList());
        problem(api().get("/api/v1/articles/" + deleted + "/revisions"), 404, "not-found",
                "/api/v1/articles/" + deleted + "/revisions");
        assertEquals(1, revisions("/api/v1/articles/" + recent).size());

        patch("/api/v1/articles/" + live, Map.of("summary", "Changed today"));
        assertEquals(3L, ((Number) revisions("/api/v1/articles/" + live).get(0).get("number")).longValue(),
                "numbers go on");
    }
}
