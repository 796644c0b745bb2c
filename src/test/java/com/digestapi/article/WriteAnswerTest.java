package com.digestapi.article;

import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.newArticle;
import static com.digestapi.support.Api.newIssue;
import static com.digestapi.support.Api.newOutlet;
import static com.digestapi.support.Api.newTopic;
import static com.digestapi.support.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The answer to PATCH and PUT is the article exactly as a GET reads it afterwards, whatever the write
 * changed: fields, quotes, topics, outlet, position, issue. The service answers from the written entity, not a re-read.
 */
@QuarkusTest
class WriteAnswerTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    private static void answerIsWhatAReadSees(Response written, long id) {
        written.then().statusCode(200).contentType(ContentType.JSON);
        Response read = api().get("/api/v1/articles/{id}", id);
        read.then().statusCode(200);
        assertEquals(read.jsonPath().getMap(""), written.jsonPath().getMap(""));
    }

    @Test
    void patchesAnswerTheStoredArticle() {
        long issue = newIssue();
        long other = newIssue();
        long outlet = newOutlet();
        long otherOutlet = newOutlet();
        long topic = newTopic();
        long otherTopic = newTopic();
        long first = newArticle(issue, outlet, unique("First"));
        long article = newArticle(issue, outlet, unique("Answered"),
                Map.of("topicIds", List.of(topic), "quotes", List.of(Map.of("text", "Said once."))));
        newArticle(other, outlet, unique("Elsewhere"));

        answerIsWhatAReadSees(api().contentType(MERGE_PATCH).body(Map.of("summary", "A new summary."))
                .patch("/api/v1/articles/{id}", article), article);
        answerIsWhatAReadSees(api().contentType(MERGE_PATCH).body(Map.of(
                        "topicIds", List.of(otherTopic, topic), "outletId", otherOutlet,
                        "quotes", List.of(Map.of("text", "Said twice.", "attribution", "A minister"), Map.of("text", "Then."))))
                .patch("/api/v1/articles/{id}", article), article);
        answerIsWhatAReadSees(api().contentType(MERGE_PATCH).body(Map.of("position", 1))
                .patch("/api/v1/articles/{id}", article), article);
        answerIsWhatAReadSees(api().contentType(MERGE_PATCH).body(Map.of("issueId", other))
                .patch("/api/v1/articles/{id}", article), article);
        answerIsWhatAReadSees(api().contentType(MERGE_PATCH).body(Map.of("issueId", issue, "position", 1, "quotes", List.of()))
                .patch("/api/v1/articles/{id}", article), article);
        assertEquals(2, api().get("/api/v1/articles/{id}", first).jsonPath().getInt("position"));
    }

    @Test
    void aReplaceAnswersTheStoredArticle() {
        long issue = newIssue();
        long outlet = newOutlet();
        long article = newArticle(issue, outlet, unique("Replaced"));
        Map<String, Object> read = api().get("/api/v1/articles/{id}", article).jsonPath().getMap("");
        Map<String, Object> body = new HashMap<>(read);
        List.of("id", "outlet", "topics", "createdAt", "updatedAt").forEach(body::remove);
        body.put("outletId", outlet);
        body.put("topicIds", List.of(newTopic()));
        body.put("headline", unique("Replaced again"));
        answerIsWhatAReadSees(api().contentType(ContentType.JSON).body(body).put("/api/v1/articles/{id}", article),
                article);
    }
}
