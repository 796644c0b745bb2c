package com.digestapi.article;

import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.newArticle;
import static com.digestapi.support.Api.newIssue;
import static com.digestapi.support.Api.newOutlet;
import static com.digestapi.support.Api.raw;
import static com.digestapi.support.Api.unique;
import static com.digestapi.support.ProblemChecks.problem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** An issue holds at most 500 articles, so an issue with its articles is one bounded answer, as documented. */
@QuarkusTest
class IssueSizeLimitTest {

    @Test
    void aFullIssueTakesNoMoreArticles() {
        String outlet = unique("Outlet");
        List<Map<String, Object>> articles = IntStream.range(0, IssueLineup.MAX_ARTICLES)
                .<Map<String, Object>>mapToObj(i -> Map.of("headline", "Entry " + i, "outlet", outlet,
                        "publishedOn", "2024-11-01", "summary", "Summary " + i))
                .toList();
        long full = api().contentType(ContentType.JSON).body(Map.of("slug", unique("full-issue"), "title", "Full",
                        "publishedOn", "2024-11-02", "status", "DRAFT", "articles", articles))
                .post("/api/v1/issues/import").then().statusCode(201).extract().jsonPath().getLong("id");
        try {
            String path = "/api/v1/issues/" + full + "/articles";
            assertThat(problem(raw().contentType(ContentType.JSON).body(Map.of("headline", "One too many",
                            "outletId", newOutlet(), "publishedOn", "2024-11-01", "summary", "s")).post(path),
                    409, "conflict", path).getString("detail"), containsString("holds 500 articles"));

            long other = newIssue();
            long article = newArticle(other, newOutlet(), "Stays where it is");
            String move = "/api/v1/articles/" + article;
            problem(raw().contentType("application/merge-patch+json").body(Map.of("issueId", full)).patch(move),
                    409, "conflict", move);
            api().get(move).then().statusCode(200).body("issueId", equalTo((int) other));
            api().get("/api/v1/issues/{id}", full).then().statusCode(200).body("articleCount", equalTo(500));
        } finally {
            api().delete("/api/v1/issues/{id}", full).then().statusCode(204);
        }
    }
}
