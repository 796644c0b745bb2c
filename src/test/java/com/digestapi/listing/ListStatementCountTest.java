package com.digestapi.listing;

import static com.digestapi.support.Api.anonymous;
import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.raw;
import static com.digestapi.support.Api.rawAnonymous;
import static com.digestapi.support.Api.unique;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.digestapi.caching.ContentVersion;
import com.digestapi.caching.ReadCacheTest;
import com.digestapi.support.ListSupport;
import com.digestapi.support.SentSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A list costs a fixed, small number of SQL statements whatever its page size: no N+1 over items, outlets, topics or
 * quotes. Data: one issue with 30 articles, each with its own outlet, two topics and a quote; 30 issues.
 */
@QuarkusTest
class ListStatementCountTest {

    private static final int N = 30;

    @Inject
    ContentVersion contentVersion;

    private static String token;
    private static long bigIssue;
    private static long smallIssue;

    /** Once per class; in @BeforeEach because RestAssured knows the test port only then. */
    @BeforeEach
    void createDataSet() {
        if (token != null) {
            return;
        }
        String t = unique("stmt");
        bigIssue = importIssue(t + "-big", t, N);
        smallIssue = importIssue(t + "-small", t + " small", 1);
        for (int i = 0; i < N - 2; i++) {
            ListSupport.issue(t + " issue " + i, "2187-08-01", "PUBLISHED", null);
        }
        token = t;
    }

    /** Imports an issue with n articles; every article has its own outlet, its own topic, a shared topic and a quote. */
    private static long importIssue(String slug, String prefix, int n) {
        List<Map<String, Object>> articles = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> article = new HashMap<>();
            article.put("headline", prefix + " article " + i);
            article.put("outlet", prefix + " outlet " + i);
            article.put("publishedOn", "2187-07-" + String.format("%02d", 1 + i % 28));
            article.put("author", "Author " + i);
            article.put("summary", "Summary " + i + " of " + prefix);
            article.put("quotes", List.of(Map.of("text", "Quote " + i, "attribution", "Someone " + i)));
            article.put("topics", List.of(prefix + " topic " + i, prefix + " shared topic"));
            articles.add(article);
        }
        Map<String, Object> document = Map.of("slug", slug, "title", prefix + " issue", "publishedOn", "2187-08-01",
                "status", "PUBLISHED", "articles", articles);
        ListSupport.requireTestServer();
        return api().contentType(ContentType.JSON).body(document).post("/api/v1/issues/import")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /**
     * Counts the statements of the request on the database path (the first read after a write) and checks that the
     * same read repeated costs none, from the read cache, with the same bytes and headers; checks the items served.
     */
    private long statements(Supplier<Response> request, int expectedItems) {
        ReadCacheTest.dropCachedReads(contentVersion);
        Response[] fromDatabase = new Response[1];
        long count = SentSql.count(() -> fromDatabase[0] = request.get());
        fromDatabase[0].then().statusCode(200);
        Response[] fromMemory = new Response[1];
        assertEquals(0, SentSql.count(() -> fromMemory[0] = request.get()), "a repeated read is cached");
        assertEquals(fromDatabase[0].asString(), fromMemory[0].asString());
        assertEquals(fromDatabase[0].header("ETag"), fromMemory[0].header("ETag"));
        assertEquals(fromDatabase[0].header("X-Total-Count"), fromMemory[0].header("X-Total-Count"));
        assertEquals(fromDatabase[0].header("Link"), fromMemory[0].header("Link"));
        List<?> items = fromDatabase[0].jsonPath().getList(fromDatabase[0].jsonPath().get("items") != null ? "items" : "articles");
        assertEquals(expectedItems, items.size(), fromDatabase[0]::asString);
        return count;
    }

    private static RequestSpecification q() {
        return anonymous().queryParam("q", token);
    }

    @Test
    void anArticlePageCostsCountIdsRowsAndQuotesWhateverItsSize() {
        long one = statements(() -> anonymous().queryParam("issue", bigIssue).queryParam("size", 1).get("/api/v1/articles"), 1);
        long fifty = statements(() -> anonymous().queryParam("issue", bigIssue).queryParam("size", 50).get("/api/v1/articles"), N);
        assertEquals(4, one, "count + ids + rows with issue, outlet and topics + quotes");
        assertEquals(one, fifty);
    }

    /** However many topic and outlet values a list names, one statement tells what they name now (old slugs too). */
    @Test
    void filtersAddOneStatementForTheirSlugsWhateverTheirNumber() {
        // Repeated topic/outlet parameters: the request validator cannot read them in an OpenAPI 3.1 document.
        long filtered = statements(() -> rawAnonymous().queryParam("q", token).queryParam("topic", token + "-shared-topic")
                .queryParam("outlet", token + "-outlet-1", token + "-outlet-2").queryParam("from", "2187-07-01")
                .queryParam("to", "2187-07-31").queryParam("updatedSince", "2024-01-01T00:00:00Z")
                .queryParam("sort", "-headline,position").queryParam("size", 50).get("/api/v1/articles"), 2);
        assertEquals(3, filtered, "topic and outlet slugs; the search index gives ids and total; rows with issue,"
                + " outlet and topics + quotes");
    }

    /**
     * The pages of one filter share its total at one content version (caching.ListTotals): page 0 counts, the next
     * pages and other sizes of the same filter do not, with the same total; a content write makes the next page count
     * again, and the total follows the write.
     */
    @Test
    void aFiltersTotalIsCountedOncePerContentVersion() {
        String prefix = unique("totals");
        long issue = importIssue(prefix, prefix, 9);
        assertEquals(4, statements(() -> anonymous().queryParam("issue", issue).queryParam("size", 4)
                .get("/api/v1/articles"), 4));
        Response[] next = new Response[1];
        assertEquals(3, SentSql.count(() -> next[0] = anonymous().queryParam("issue", issue).queryParam("size", 4)
                .queryParam("page", 1).get("/api/v1/articles")), "ids + rows + quotes: the total is known");
        next[0].then().statusCode(200).header("X-Total-Count", "9").body("totalItems", is(9));
        assertEquals(3, SentSql.count(() -> anonymous().queryParam("issue", issue).queryParam("size", 3)
                .queryParam("sort", "-headline").get("/api/v1/articles").then().statusCode(200)
                .header("X-Total-Count", "9")), "another size and sort of the same filter");

        long article = api().queryParam("issue", issue).queryParam("size", 1).get("/api/v1/articles").then()
                .statusCode(200).extract().jsonPath().getLong("items[0].id");
        api().delete("/api/v1/articles/{id}", article).then().statusCode(204);
        ReadCacheTest.dropCachedReads(contentVersion);
        assertEquals(4, SentSql.count(() -> anonymous().queryParam("issue", issue).queryParam("size", 4)
                .queryParam("page", 1).get("/api/v1/articles").then().statusCode(200)
                .header("X-Total-Count", "8").body("totalItems", is(8))), "after a write the total is counted again");
    }

    @Test
    void aPageBeyondTheLastCostsOnlyTheCount() {
        assertEquals(1, statements(() -> anonymous().queryParam("issue", bigIssue).queryParam("size", 50).queryParam("page", 3)
                .get("/api/v1/articles"), 0));
    }

    @Test
    void anIssuesArticlePageCostsTheIssueLookupPlusTheArticlePage() {
        long one = statements(() -> anonymous().queryParam("size", 1).get("/api/v1/issues/{id}/articles", bigIssue), 1);
        long fifty = statements(() -> anonymous().queryParam("size", 50).get("/api/v1/issues/{id}/articles", bigIssue), N);
        assertEquals(5, one, "issue + count + ids + rows + quotes");
        assertEquals(one, fifty);
    }

    @Test
    void anIssueDetailCostsThreeStatementsWhateverItsArticleCount() {
        long small = statements(() -> anonymous().get("/api/v1/issues/{id}", smallIssue), 1);
        long big = statements(() -> anonymous().get("/api/v1/issues/{id}", bigIssue), N);
        assertEquals(3, small, "issue + articles with issue, outlet and topics + quotes");
        assertEquals(small, big);
    }

    @Test
    void anIssuePageCostsCountAndRowsWithArticleCounts() {
        long one = statements(() -> q().queryParam("size", 1).get("/api/v1/issues"), 1);
        long fifty = statements(() -> q().queryParam("size", 50).get("/api/v1/issues"), N);
        assertEquals(2, one, "count + rows with article counts");
        assertEquals(one, fifty);
    }

    @Test
    void anOutletPageCostsCountAndRowsWithArticleCounts() {
        long one = statements(() -> q().queryParam("size", 1).get("/api/v1/outlets"), 1);
        long fifty = statements(() -> q().queryParam("size", 50).get("/api/v1/outlets"), N + 1);
        assertEquals(2, one, "count + rows with article counts");
        assertEquals(one, fifty);
    }

    @Test
    void aTopicPageCostsCountAndRowsWithArticleCounts() {
        long one = statements(() -> q().queryParam("size", 1).get("/api/v1/topics"), 1);
        long fifty = statements(() -> q().queryParam("size", 50).get("/api/v1/topics"), N + 3);
        assertEquals(2, one, "count + rows with article counts");
        assertEquals(one, fifty);
    }

    /**
     * A page after a cursor costs what page 0 costs: the same statements, the keyset condition in place of the OFFSET
     * (and the count as on page 0). Each list, from the cursor of its first page of ten.
     */
    @Test
    void aCursorPageCostsWhatPageZeroCosts() {
        Map<String, Supplier<RequestSpecification>> lists = new java.util.LinkedHashMap<>();
        lists.put("/api/v1/articles", () -> anonymous().queryParam("issue", bigIssue).queryParam("size", 10));
        lists.put("/api/v1/issues/" + bigIssue + "/articles", () -> anonymous().queryParam("size", 10));
        lists.put("/api/v1/issues", () -> q().queryParam("size", 10));
        lists.put("/api/v1/outlets", () -> q().queryParam("size", 10).queryParam("sort", "-country,name"));
        lists.put("/api/v1/topics", () -> q().queryParam("size", 10).queryParam("sort", "-createdAt"));
        for (Map.Entry<String, Supplier<RequestSpecification>> list : lists.entrySet()) {
            String path = list.getKey();
            Response first = list.getValue().get().get(path);
            String cursor = first.then().statusCode(200).extract().jsonPath().getString("nextCursor");
            long pageZero = statements(() -> list.getValue().get().get(path), 10);
            long afterCursor = statements(() -> list.getValue().get().queryParam("cursor", cursor).get(path), 10);
            assertEquals(pageZero, afterCursor, path);
        }
    }
}
