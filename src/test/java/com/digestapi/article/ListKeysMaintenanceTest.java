package com.digestapi.article;

import static com.digestapi.support.Api.anonymous;
import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.newArticle;
import static com.digestapi.support.Api.newIssue;
import static com.digestapi.support.Api.newOutlet;
import static com.digestapi.support.Api.newTopic;
import static com.digestapi.support.Api.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Public lists and feeds filter and sort by copies of the issue's status and date kept on each article
 * (V3__article_list_keys.sql), and topic lists by copies of the article's own keys kept on each topic link
 * (V14__topic_and_outlet_list_keys.sql): every write that changes them shows at once in what anonymous readers get.
 */
@QuarkusTest
class ListKeysMaintenanceTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    private long outlet;
    private String outletSlug;
    private long topic;
    private String topicSlug;

    @BeforeEach
    void setUp() {
        outlet = newOutlet();
        outletSlug = api().get("/api/v1/outlets/{id}", outlet).jsonPath().getString("slug");
        topic = newTopic();
        topicSlug = api().get("/api/v1/topics/{id}", topic).jsonPath().getString("slug");
    }

    private long article(long issue, String headline) {
        return newArticle(issue, outlet, headline, Map.of("topicIds", List.of(topic)));
    }

    private static void patchIssue(long issue, Map<String, Object> patch) {
        api().contentType(MERGE_PATCH).body(patch).patch("/api/v1/issues/{id}", issue).then().statusCode(200);
    }

    /** The anonymous article list of this test's outlet: ids in order, with body and headers agreeing. */
    private List<Integer> anonymousByOutlet() {
        Response response = anonymous().queryParam("outlet", outletSlug).get("/api/v1/articles");
        List<Integer> ids = response.then().statusCode(200).extract().jsonPath().getList("items.id", Integer.class);
        response.then().body("totalItems", is(ids.size())).header("X-Total-Count", String.valueOf(ids.size()));
        anonymous().queryParam("topic", topicSlug).get("/api/v1/articles").then().statusCode(200)
                .body("items.id", equalTo(ids)).header("X-Total-Count", String.valueOf(ids.size()));
        return ids;
    }

    /** The anonymous JSON feed of this test's outlet: article ids in feed order. */
    private List<Integer> anonymousFeed() {
        List<String> urls = anonymous().queryParam("outlet", outletSlug).get("/api/v1/feeds/articles.json")
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
        return urls.stream().map(u -> Integer.valueOf(u.substring(u.lastIndexOf('/') + 1))).toList();
    }

    private static long anonymousTotal() {
        Response response = anonymous().get("/api/v1/articles");
        long total = response.then().statusCode(200).extract().jsonPath().getLong("totalItems");
        response.then().header("X-Total-Count", String.valueOf(total));
        return total;
    }

    @Test
    void publishingAndUnpublishingAnIssueShowsAndHidesItsArticlesAtOnce() {
        long issue = newIssue("2150-01-10", "DRAFT");
        long total = anonymousTotal();
        int first = (int) article(issue, unique("First"));
        int second = (int) article(issue, unique("Second"));
        assertEquals(List.of(), anonymousByOutlet());
        assertEquals(List.of(), anonymousFeed());
        assertEquals(total, anonymousTotal(), "drafts are not counted on the front page");
        anonymous().get("/api/v1/outlets/{id}", outlet).then().body("articleCount", is(0));

        String beforePublishing = java.time.Instant.now().toString();
        patchIssue(issue, Map.of("status", "PUBLISHED"));
        // Partners syncing with updatedSince see the articles that just became visible.
        anonymous().queryParam("outlet", outletSlug).queryParam("updatedSince", beforePublishing)
                .get("/api/v1/articles").then().statusCode(200)
                .body("items.id", equalTo(List.of(first, second))).header("X-Total-Count", "2");
        // Same outlet date for both: the id breaks the tie of the default order (-publishedOn, id).
        assertEquals(List.of(first, second), anonymousByOutlet());
        assertEquals(List.of(first, second), anonymousFeed(), "the issue's own order");
        assertEquals(total + 2, anonymousTotal());
        anonymous().get("/api/v1/outlets/{id}", outlet).then().body("articleCount", is(2));
        anonymous().get("/api/v1/topics/{id}", topic).then().body("articleCount", is(2));
        anonymous().get("/api/v1/articles/{id}", first).then().statusCode(200)
                .body(not(containsString("issuePublished")));

        patchIssue(issue, Map.of("status", "DRAFT"));
        assertEquals(List.of(), anonymousByOutlet());
        assertEquals(List.of(), anonymousFeed());
        assertEquals(total, anonymousTotal());
        anonymous().get("/api/v1/articles/{id}", first).then().statusCode(404);
        // Editors still see the draft's articles, in every list.
        api().queryParam("outlet", outletSlug).get("/api/v1/articles").then().statusCode(200)
                .body("items.id", equalTo(List.of(first, second))).header("X-Total-Count", "2");
    }

    @Test
    void changingAnIssuesDateReordersTheFeedNewestIssueFirst() {
        long older = newIssue("2151-01-01", "PUBLISHED");
        long newer = newIssue("2151-02-01", "PUBLISHED");
        int o1 = (int) article(older, unique("Older one"));
        int o2 = (int) article(older, unique("Older two"));
        int n1 = (int) article(newer, unique("Newer one"));
        assertEquals(List.of(n1, o1, o2), anonymousFeed());

        patchIssue(older, Map.of("publishedOn", "2151-03-01"));
        assertEquals(List.of(o1, o2, n1), anonymousFeed());
        anonymous().queryParam("outlet", outletSlug).get("/api/v1/feeds/articles.json").then()
                .body("items[0]._digest.issue.publishedOn", equalTo("2151-03-01"))
                .body("items[2]._digest.issue.publishedOn", equalTo("2151-02-01"));
        // A PUT does the same; the Atom feed follows.
        api().contentType(ContentType.JSON)
                .body(Map.of("title", unique("Issue"), "publishedOn", "2151-01-15", "status", "PUBLISHED"))
                .put("/api/v1/issues/{id}", older).then().statusCode(200);
        assertEquals(List.of(n1, o1, o2), anonymousFeed());
        anonymous().queryParam("outlet", outletSlug).get("/api/v1/feeds/articles.atom").then().statusCode(200)
                .contentType(startsWith("application/atom+xml"))
                .body(containsString("/api/v1/articles/" + n1));
    }

    @Test
    void movingAnArticleBetweenAPublishedIssueAndADraftHidesAndShowsIt() {
        long published = newIssue("2152-01-01", "PUBLISHED");
        long draft = newIssue("2152-02-01", "DRAFT");
        int article = (int) article(published, unique("Mover"));
        assertEquals(List.of(article), anonymousByOutlet());

        api().contentType(MERGE_PATCH).body(Map.of("issueId", draft)).patch("/api/v1/articles/{id}", article)
                .then().statusCode(200).body("issueId", is((int) draft));
        assertEquals(List.of(), anonymousByOutlet());
        assertEquals(List.of(), anonymousFeed());
        anonymous().get("/api/v1/articles/{id}", article).then().statusCode(404);

        api().contentType(MERGE_PATCH).body(Map.of("issueId", published)).patch("/api/v1/articles/{id}", article)
                .then().statusCode(200).body("issueId", is((int) published));
        assertEquals(List.of(article), anonymousByOutlet());
        assertEquals(List.of(article), anonymousFeed());
        anonymous().queryParam("outlet", outletSlug).get("/api/v1/feeds/articles.json").then()
                .body("items[0]._digest.issue.publishedOn", equalTo("2152-01-01"));
    }

    @Test
    void importingADraftThenThePublishedDocumentShowsItsArticlesUnderTheNewDate() {
        String slug = unique("import-keys");
        String outletName = api().get("/api/v1/outlets/{id}", outlet).jsonPath().getString("name");
        String topicName = api().get("/api/v1/topics/{id}", topic).jsonPath().getString("name");
        List<Map<String, Object>> articles = List.of(
                Map.of("headline", unique("Imported one"), "outlet", outletName, "publishedOn", "2153-01-02",
                        "summary", "One.", "topics", List.of(topicName)),
                Map.of("headline", unique("Imported two"), "outlet", outletName, "publishedOn", "2153-01-03",
                        "summary", "Two.", "topics", List.of(topicName)));
        api().contentType(ContentType.JSON).body(Map.of("slug", slug, "title", "Imported", "publishedOn", "2153-01-05",
                "status", "DRAFT", "articles", articles)).post("/api/v1/issues/import").then().statusCode(201);
        assertEquals(List.of(), anonymousByOutlet());
        assertEquals(List.of(), anonymousFeed());

        List<Integer> ids = api().contentType(ContentType.JSON).body(Map.of("slug", slug, "title", "Imported",
                        "publishedOn", "2153-01-12", "status", "PUBLISHED", "articles", articles))
                .post("/api/v1/issues/import").then().statusCode(200).extract().jsonPath()
                .getList("articles.id", Integer.class);
        // The list's default order is the outlets' dates, newest first; the feed keeps the issue's order.
        assertEquals(List.of(ids.get(1), ids.get(0)), anonymousByOutlet());
        assertEquals(ids, anonymousFeed());
        anonymous().queryParam("outlet", outletSlug).get("/api/v1/feeds/articles.json").then()
                .body("items[0]._digest.issue.publishedOn", equalTo("2153-01-12"));
        anonymous().queryParam("outlet", outletSlug).queryParam("from", "2153-01-03").get("/api/v1/articles").then()
                .body("items.id", equalTo(List.of(ids.get(1)))).header("X-Total-Count", "1");
    }

    /** The anonymous list of one topic: ids in order, with body and headers agreeing. */
    private static List<Integer> anonymousByTopic(String slug) {
        Response response = anonymous().queryParam("topic", slug).get("/api/v1/articles");
        List<Integer> ids = response.then().statusCode(200).extract().jsonPath().getList("items.id", Integer.class);
        response.then().body("totalItems", is(ids.size())).header("X-Total-Count", String.valueOf(ids.size()));
        return ids;
    }

    /**
     * A topic list reads the copies on the topic links: editing an article's date reorders it, giving it a topic
     * lists it there under its own date, taking the topic away drops it, and restoring a revision (written in SQL)
     * brings the link back with its keys.
     */
    @Test
    void articleWritesKeepTheTopicListInStep() {
        long issue = newIssue("2154-01-10", "PUBLISHED");
        int older = (int) newArticle(issue, outlet, unique("Older"),
                Map.of("topicIds", List.of(topic), "publishedOn", "2154-01-01"));
        int newer = (int) newArticle(issue, outlet, unique("Newer"),
                Map.of("topicIds", List.of(topic), "publishedOn", "2154-01-05"));
        assertEquals(List.of(newer, older), anonymousByTopic(topicSlug));

        api().contentType(MERGE_PATCH).body(Map.of("publishedOn", "2154-01-08")).patch("/api/v1/articles/{id}", older)
                .then().statusCode(200);
        assertEquals(List.of(older, newer), anonymousByTopic(topicSlug));
        anonymous().queryParam("topic", topicSlug).queryParam("from", "2154-01-06").get("/api/v1/articles").then()
                .statusCode(200).body("items.id", equalTo(List.of(older))).header("X-Total-Count", "1");

        long other = newTopic();
        String otherSlug = api().get("/api/v1/topics/{id}", other).jsonPath().getString("slug");
        api().contentType(MERGE_PATCH).body(Map.of("topicIds", List.of(other))).patch("/api/v1/articles/{id}", newer)
                .then().statusCode(200);
        assertEquals(List.of(older), anonymousByTopic(topicSlug));
        assertEquals(List.of(newer), anonymousByTopic(otherSlug));

        int topicChange = api().get("/api/v1/articles/{id}/revisions", newer).then().statusCode(200).extract()
                .jsonPath().getList("items.number", Integer.class).stream().max(Integer::compare).orElseThrow();
        api().post("/api/v1/articles/{id}/revisions/{number}/restore", newer, topicChange).then().statusCode(200)
                .body("topics.slug", equalTo(List.of(topicSlug)));
        assertEquals(List.of(older, newer), anonymousByTopic(topicSlug));
        assertEquals(List.of(), anonymousByTopic(otherSlug));

        patchIssue(issue, Map.of("status", "DRAFT"));
        assertEquals(List.of(), anonymousByTopic(topicSlug));
    }
}
