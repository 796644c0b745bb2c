package com.digestapi.issue;

import static com.digestapi.support.Api.anonymous;
import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.newArticle;
import static com.digestapi.support.Api.newIssue;
import static com.digestapi.support.Api.newOutlet;
import static com.digestapi.support.Api.newTopic;
import static com.digestapi.support.Api.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A draft issue and its articles cannot be seen, counted or found by an anonymous reader; editors see everything. */
@QuarkusTest
class DraftVisibilityTest {

    private long draft;
    private long article;
    private long outlet;
    private String outletSlug;
    private long topic;
    private String topicSlug;
    private String token;

    @BeforeEach
    void setUp() {
        token = unique("secretword");
        outlet = newOutlet();
        outletSlug = api().get("/api/v1/outlets/{id}", outlet).jsonPath().getString("slug");
        topic = newTopic();
        topicSlug = api().get("/api/v1/topics/{id}", topic).jsonPath().getString("slug");
        draft = api().contentType("application/json")
                .body(Map.of("title", "Draft " + token, "publishedOn", "2035-01-01"))
                .post("/api/v1/issues").then().statusCode(201).body("status", equalTo("DRAFT"))
                .extract().jsonPath().getLong("id");
        article = newArticle(draft, outlet, "Embargoed " + token, Map.of("topicIds", List.of(topic)));
    }

    @Test
    void anonymousReadersCannotSeeADraftAnywhere() {
        anonymous().get("/api/v1/issues/{id}", draft).then().statusCode(404).body("status", is(404));
        anonymous().get("/api/v1/issues/{id}/articles", draft).then().statusCode(404);
        anonymous().get("/api/v1/issues/{id}/export", draft).then().statusCode(404);
        anonymous().get("/api/v1/articles/{id}", article).then().statusCode(404);
        anonymous().queryParam("q", token).get("/api/v1/issues").then().statusCode(200)
                .body("totalItems", is(0)).header("X-Total-Count", "0");
        anonymous().queryParam("status", "DRAFT").queryParam("q", token).get("/api/v1/issues").then().statusCode(200)
                .body("totalItems", is(0));
        anonymous().queryParam("q", token).get("/api/v1/articles").then().statusCode(200).body("totalItems", is(0));
        anonymous().queryParam("issue", draft).get("/api/v1/articles").then().statusCode(200).body("totalItems", is(0));
        anonymous().queryParam("outlet", outletSlug).get("/api/v1/articles").then().body("totalItems", is(0));
        anonymous().queryParam("topic", topicSlug).get("/api/v1/articles").then().body("totalItems", is(0));
        anonymous().get("/api/v1/outlets/{id}", outlet).then().statusCode(200).body("articleCount", is(0));
        anonymous().get("/api/v1/topics/{id}", topic).then().statusCode(200).body("articleCount", is(0));
        anonymous().queryParam("q", api().get("/api/v1/outlets/{id}", outlet).jsonPath().getString("name"))
                .get("/api/v1/outlets").then().body("items[0].articleCount", is(0));
        anonymous().queryParam("topic", topicSlug).get("/api/v1/feeds/articles.json").then().statusCode(200)
                .body("items.size()", is(0));
    }

    @Test
    void editorsSeeDraftsAndStatusFiltersThem() {
        api().get("/api/v1/issues/{id}", draft).then().statusCode(200).body("articles[0].id", is((int) article));
        api().get("/api/v1/articles/{id}", article).then().statusCode(200);
        api().queryParam("status", "DRAFT").queryParam("q", token).get("/api/v1/issues").then()
                .body("items.id", equalTo(List.of((int) draft)));
        api().queryParam("status", "PUBLISHED").queryParam("q", token).get("/api/v1/issues").then()
                .body("totalItems", is(0));
        api().queryParam("q", token).get("/api/v1/articles").then().body("totalItems", is(1));
        api().get("/api/v1/outlets/{id}", outlet).then().body("articleCount", is(1));
        api().get("/api/v1/topics/{id}", topic).then().body("articleCount", is(1));
        api().get("/api/v1/issues/{id}/export", draft).then().statusCode(200).body("status", equalTo("DRAFT"));
    }

    @Test
    void publishingIsAPatchOfStatus() {
        api().contentType("application/merge-patch+json").body(Map.of("status", "PUBLISHED"))
                .patch("/api/v1/issues/{id}", draft).then().statusCode(200).body("status", equalTo("PUBLISHED"));
        anonymous().get("/api/v1/issues/{id}", draft).then().statusCode(200).body("articleCount", is(1));
        anonymous().get("/api/v1/articles/{id}", article).then().statusCode(200);
        anonymous().queryParam("q", token).get("/api/v1/articles").then().body("items.id", hasItem((int) article));
        anonymous().get("/api/v1/topics/{id}", topic).then().body("articleCount", is(1));
        anonymous().queryParam("topic", topicSlug).get("/api/v1/feeds/articles.json").then()
                .body("items.size()", is(1)).body("items[0].title", not(equalTo(null)));
    }

    @Test
    void theDemoIssueIsPublishedAndVisible() {
        long published = newIssue();
        anonymous().get("/api/v1/issues/{id}", published).then().statusCode(200);
    }
}
