package com.digestapi.article;

import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.newArticle;
import static com.digestapi.support.Api.newIssue;
import static com.digestapi.support.Api.newOutlet;
import static com.digestapi.support.Api.raw;
import static com.digestapi.support.Api.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Positions stay 1..n without gaps inside every issue, whatever moves, inserts and deletes happen. */
@QuarkusTest
class ArticlePositionTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final String PROBLEM = "application/problem+json";

    private long outlet;

    @BeforeEach
    void outlet() {
        outlet = newOutlet();
    }

    /**
     * The article ids of an issue by position, read from both GET /issues/{id}/articles and the issue detail, after
     * checking that positions are exactly 1..n and articleCount is n.
     */
    private static List<Long> order(long issue) {
        JsonPath list = api().get("/api/v1/issues/{id}/articles?size=100", issue).then().statusCode(200)
                .extract().jsonPath();
        List<Long> ids = list.getList("items.id", Long.class);
        assertEquals(IntStream.rangeClosed(1, ids.size()).boxed().toList(), list.getList("items.position", Integer.class));
        assertEquals(ids.size(), list.getInt("totalItems"));
        JsonPath detail = api().get("/api/v1/issues/{id}", issue).then().statusCode(200).extract().jsonPath();
        assertEquals(ids, detail.getList("articles.id", Long.class));
        assertEquals(ids.size(), detail.getInt("articleCount"));
        assertEquals(IntStream.rangeClosed(1, ids.size()).boxed().toList(), detail.getList("articles.position", Integer.class));
        return ids;
    }

    private long add(long issue, Integer position) {
        Map<String, Object> extra = position == null ? Map.of() : Map.of("position", position);
        return newArticle(issue, outlet, unique("Positioned"), extra);
    }

    private static JsonPath move(long article, int position) {
        return api().contentType(MERGE_PATCH).body(Map.of("position", position))
                .patch("/api/v1/articles/{id}", article)
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("position", is(position))
                .extract().jsonPath();
    }

    @Test
    void createAppendsOrInsertsAtTheGivenPosition() {
        long issue = newIssue();
        long a = add(issue, null);
        long b = add(issue, null);
        assertEquals(List.of(a, b), order(issue));
        long c = add(issue, 1);
        assertEquals(List.of(c, a, b), order(issue));
        long d = add(issue, 3);
        assertEquals(List.of(c, a, d, b), order(issue));
        long e = add(issue, 5);
        assertEquals(List.of(c, a, d, b, e), order(issue));

        api().contentType(ContentType.JSON)
                .body(Map.of("issueId", issue, "headline", "Too far", "outletId", outlet, "publishedOn", "2024-10-01",
                        "summary", "Too far.", "position", 7))
                .post("/api/v1/articles")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("position")))
                .body("errors[0].message", equalTo("must be between 1 and 6 in this issue"));
        assertEquals(List.of(c, a, d, b, e), order(issue));

        long f = api().contentType(ContentType.JSON)
                .body(Map.of("headline", unique("Through issue"), "outletId", outlet, "publishedOn", "2024-10-01",
                        "summary", "Inserted.", "position", 2))
                .post("/api/v1/issues/{id}/articles", issue)
                .then().statusCode(201).body("position", is(2)).extract().jsonPath().getLong("id");
        assertEquals(List.of(c, f, a, d, b, e), order(issue));
    }

    @Test
    void patchOfPositionMovesUpAndDown() {
        long issue = newIssue();
        long a = add(issue, null);
        long b = add(issue, null);
        long c = add(issue, null);
        long d = add(issue, null);
        long e = add(issue, null);
        assertEquals(List.of(a, b, c, d, e), order(issue));

        move(d, 1);
        assertEquals(List.of(d, a, b, c, e), order(issue));
        move(d, 5);
        assertEquals(List.of(a, b, c, e, d), order(issue));
        move(b, 4);
        assertEquals(List.of(a, c, e, b, d), order(issue));
        move(e, 2);
        assertEquals(List.of(a, e, c, b, d), order(issue));
        move(c, 3);
        assertEquals(List.of(a, e, c, b, d), order(issue));
        api().contentType(ContentType.JSON).body(Map.of("position", 1)).patch("/api/v1/articles/{id}", d)
                .then().statusCode(200).body("position", is(1));
        assertEquals(List.of(d, a, e, c, b), order(issue));
    }

    @Test
    void aPositionOutsideTheIssueIs400AndMovesNothing() {
        long issue = newIssue();
        long a = add(issue, null);
        long b = add(issue, null);
        long c = add(issue, null);
        JsonPath before = api().get("/api/v1/articles/{id}", b).jsonPath();

        api().contentType(MERGE_PATCH).body(Map.of("position", 4)).patch("/api/v1/articles/{id}", b)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("position")))
                .body("errors[0].message", equalTo("must be between 1 and 3 in this issue"));
        raw().contentType(MERGE_PATCH).body(Map.of("position", 0)).patch("/api/v1/articles/{id}", b)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("position")));
        raw().contentType(MERGE_PATCH).body("{\"position\": -1}")
                .patch("/api/v1/articles/{id}", b)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("position")));
        assertEquals(List.of(a, b, c), order(issue));
        assertEquals(before.getMap(""), api().get("/api/v1/articles/{id}", b).jsonPath().getMap(""));
    }

    @Test
    void putWithAPositionMovesTheArticle() {
        long issue = newIssue();
        long a = add(issue, null);
        long b = add(issue, null);
        long c = add(issue, null);
        api().contentType(ContentType.JSON)
                .body(Map.of("headline", "Moved by PUT", "outletId", outlet, "publishedOn", "2024-10-01",
                        "summary", "Moved.", "position", 1))
                .put("/api/v1/articles/{id}", c)
                .then().statusCode(200).body("position", is(1)).body("issueId", is((int) issue));
        assertEquals(List.of(c, a, b), order(issue));
        api().contentType(ContentType.JSON)
                .body(Map.of("headline", "Kept by PUT", "outletId", outlet, "publishedOn", "2024-10-01",
                        "summary", "Kept."))
                .put("/api/v1/articles/{id}", a)
                .then().statusCode(200).body("position", is(2));
        assertEquals(List.of(c, a, b), order(issue));
    }

    @Test
    void deleteRenumbersTheRest() {
        long issue = newIssue();
        long a = add(issue, null);
        long b = add(issue, null);
        long c = add(issue, null);
        long d = add(issue, null);

        api().delete("/api/v1/articles/{id}", b).then().statusCode(204);
        assertEquals(List.of(a, c, d), order(issue));
        api().delete("/api/v1/articles/{id}", a).then().statusCode(204);
        assertEquals(List.of(c, d), order(issue));
        api().delete("/api/v1/articles/{id}", d).then().statusCode(204);
        assertEquals(List.of(c), order(issue));
        long e = add(issue, null);
        assertEquals(List.of(c, e), order(issue));
    }

    @Test
    void patchOfIssueIdMovesTheArticleToTheEndOfTheOtherIssue() {
        long from = newIssue();
        long to = newIssue();
        long a = add(from, null);
        long b = add(from, null);
        long c = add(from, null);
        long x = add(to, null);
        long y = add(to, null);
        Instant fromUpdated = Instant.parse(api().get("/api/v1/issues/{id}", from).jsonPath().getString("updatedAt"));
        Instant toUpdated = Instant.parse(api().get("/api/v1/issues/{id}", to).jsonPath().getString("updatedAt"));

        api().contentType(MERGE_PATCH).body(Map.of("issueId", to)).patch("/api/v1/articles/{id}", a)
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("issueId", is((int) to))
                .body("position", is(3));
        assertEquals(List.of(b, c), order(from));
        assertEquals(List.of(x, y, a), order(to));
        assertTrue(Instant.parse(api().get("/api/v1/issues/{id}", from).jsonPath().getString("updatedAt")).isAfter(fromUpdated));
        assertTrue(Instant.parse(api().get("/api/v1/issues/{id}", to).jsonPath().getString("updatedAt")).isAfter(toUpdated));

        // With a position, the article lands there.
        api().contentType(ContentType.JSON).body(Map.of("issueId", to, "position", 1)).patch("/api/v1/articles/{id}", c)
                .then().statusCode(200).body("issueId", is((int) to)).body("position", is(1));
        assertEquals(List.of(b), order(from));
        assertEquals(List.of(c, x, y, a), order(to));

        // Beyond the end of the other issue: 400, nothing moves.
        api().contentType(MERGE_PATCH).body(Map.of("issueId", to, "position", 6)).patch("/api/v1/articles/{id}", b)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("position")))
                .body("errors[0].message", equalTo("must be between 1 and 5 in this issue"));
        assertEquals(List.of(b), order(from));
        assertEquals(List.of(c, x, y, a), order(to));

        // Moving back from the middle closes the gap and appends.
        api().contentType(MERGE_PATCH).body(Map.of("issueId", from)).patch("/api/v1/articles/{id}", x)
                .then().statusCode(200).body("issueId", is((int) from)).body("position", is(2));
        assertEquals(List.of(b, x), order(from));
        assertEquals(List.of(c, y, a), order(to));

        // The last article leaves its issue empty.
        api().contentType(MERGE_PATCH).body(Map.of("issueId", to, "position", 4)).patch("/api/v1/articles/{id}", b)
                .then().statusCode(200).body("position", is(4));
        api().contentType(MERGE_PATCH).body(Map.of("issueId", to)).patch("/api/v1/articles/{id}", x)
                .then().statusCode(200).body("position", is(5));
        assertEquals(List.of(), order(from));
        assertEquals(List.of(c, y, a, b, x), order(to));
    }

    @Test
    void putWithAnotherIssueIdMovesTheArticleThere() {
        long from = newIssue();
        long to = newIssue();
        long a = add(from, null);
        long b = add(from, null);
        long x = add(to, null);
        api().contentType(ContentType.JSON)
                .body(Map.of("issueId", to, "headline", "Moved by PUT", "outletId", outlet, "publishedOn", "2024-10-01",
                        "summary", "Moved."))
                .put("/api/v1/articles/{id}", a)
                .then().statusCode(200).body("issueId", is((int) to)).body("position", is(2));
        assertEquals(List.of(b), order(from));
        assertEquals(List.of(x, a), order(to));
    }
}
