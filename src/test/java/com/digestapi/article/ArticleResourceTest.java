package com.digestapi.article;

import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.newArticle;
import static com.digestapi.support.Api.newIssue;
import static com.digestapi.support.Api.newOutlet;
import static com.digestapi.support.Api.newTopic;
import static com.digestapi.support.Api.raw;
import static com.digestapi.support.Api.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ArticleResourceTest {

    static final String MERGE_PATCH = "application/merge-patch+json";
    static final String PROBLEM = "application/problem+json";
    static final long NO_SUCH_ID = Long.MAX_VALUE;

    static String token() {
        return unique("t").replace("-", "");
    }

    static String base() {
        return "http://localhost:" + RestAssured.port;
    }

    static Instant instant(JsonPath json, String path) {
        return Instant.parse(json.getString(path));
    }

    /** A valid create body; callers add or replace fields. */
    static Map<String, Object> body(long issue, long outlet, String headline) {
        Map<String, Object> body = new HashMap<>();
        body.put("issueId", issue);
        body.put("headline", headline);
        body.put("outletId", outlet);
        body.put("publishedOn", "2024-10-03");
        body.put("summary", "Summary of " + headline);
        return body;
    }

    static JsonPath create(Map<String, Object> body) {
        return api().contentType(ContentType.JSON).body(body).post("/api/v1/articles")
                .then().statusCode(201).extract().jsonPath();
    }

    static JsonPath read(long id) {
        return api().get("/api/v1/articles/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath topic(long id) {
        return api().get("/api/v1/topics/{id}", id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void createsAnArticleWithEverythingAndReadsItBack() {
        long issue = newIssue();
        String outletName = unique("Nikkei");
        long outlet = newOutlet(Map.of("name", outletName));
        String outletSlug = api().get("/api/v1/outlets/{id}", outlet).jsonPath().getString("slug");
        String zName = "Zz " + unique("topic");
        String aName = "Aa " + unique("topic");
        long z = api().contentType(ContentType.JSON).body(Map.of("name", zName)).post("/api/v1/topics")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        long a = api().contentType(ContentType.JSON).body(Map.of("name", aName)).post("/api/v1/topics")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        String token = token();
        Map<String, Object> body = body(issue, outlet, "  Kazakhstan must shake off testing-site past " + token + " ");
        body.put("author", "Yerkin Tukumov");
        body.put("originalUrl", "https://asia.nikkei.com/Opinion/nuclear");
        body.put("quotes", List.of(Map.of("text", " Vote yes. ", "attribution", "The author"),
                Map.of("text", "Second quote.")));
        body.put("topicIds", List.of(z, a));

        var response = api().contentType(ContentType.JSON).body(body).post("/api/v1/articles")
                .then().statusCode(201).contentType(ContentType.JSON)
                .body("slug", equalTo("kazakhstan-must-shake-off-testing-site-past-" + token))
                .body("issueId", is((int) issue))
                .body("position", is(1))
                .body("headline", equalTo("Kazakhstan must shake off testing-site past " + token))
                .body("outlet.id", is((int) outlet))
                .body("outlet.name", equalTo(outletName))
                .body("outlet.slug", equalTo(outletSlug))
                .body("publishedOn", equalTo("2024-10-03"))
                .body("author", equalTo("Yerkin Tukumov"))
                .body("originalUrl", equalTo("https://asia.nikkei.com/Opinion/nuclear"))
                .body("summary", equalTo("Summary of   Kazakhstan must shake off testing-site past " + token))
                .body("quotes.text", equalTo(List.of("Vote yes.", "Second quote.")))
                .body("quotes.attribution", equalTo(java.util.Arrays.asList("The author", null)))
                .body("topics.id", equalTo(List.of((int) a, (int) z)))
                .body("topics.name", equalTo(List.of(aName, zName)))
                .extract();
        long id = response.jsonPath().getLong("id");
        assertEquals(base() + "/api/v1/articles/" + id, response.header("Location"));
        assertEquals(response.jsonPath().getString("createdAt"), response.jsonPath().getString("updatedAt"));

        JsonPath read = api().get(response.header("Location")).then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
        assertEquals(response.jsonPath().getMap(""), read.getMap(""));
        assertEquals(1, topic(a).getInt("articleCount"));
        assertEquals(1, api().get("/api/v1/outlets/{id}", outlet).jsonPath().getInt("articleCount"));
    }

    @Test
    void generatesSlugsFromHeadlinesWithSuffixesAndTransliteration() {
        long issue = newIssue();
        long outlet = newOutlet();
        String token = token();
        String headline = "Türkiye and Central Asia are riding together again " + token;
        String slug = "turkiye-and-central-asia-are-riding-together-again-" + token;
        assertEquals(slug, create(body(issue, outlet, headline)).getString("slug"));
        assertEquals(slug + "-2", create(body(issue, outlet, headline)).getString("slug"));
        assertEquals(slug + "-3", create(body(newIssue(), outlet, headline.toUpperCase())).getString("slug"));
        assertEquals("kazakhstans-transformation-" + token,
                create(body(issue, outlet, "Kazakhstan’s transformation — " + token)).getString("slug"));
    }

    @Test
    void refusesATakenSlugWith409() {
        long issue = newIssue();
        long outlet = newOutlet();
        String slug = "taken-" + token();
        Map<String, Object> owner = body(issue, outlet, "Owner");
        owner.put("slug", slug);
        long ownerId = create(owner).getLong("id");
        JsonPath other = create(body(issue, outlet, "Other " + token()));
        long otherId = other.getLong("id");
        String detail = "slug '" + slug + "' is already taken by article " + ownerId;

        Map<String, Object> again = body(issue, outlet, "Again");
        again.put("slug", slug);
        api().contentType(ContentType.JSON).body(again).post("/api/v1/articles")
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo(base() + "/problems/conflict"))
                .body("status", is(409))
                .body("detail", equalTo(detail))
                .body("instance", equalTo("/api/v1/articles"));
        api().contentType(ContentType.JSON).body(again).post("/api/v1/issues/{id}/articles", issue)
                .then().statusCode(409).contentType(PROBLEM).body("detail", equalTo(detail));
        api().contentType(MERGE_PATCH).body(Map.of("slug", slug)).patch("/api/v1/articles/{id}", otherId)
                .then().statusCode(409).contentType(PROBLEM).body("detail", equalTo(detail));

        assertEquals(other.getMap(""), read(otherId).getMap(""));
        api().get("/api/v1/issues/{id}", issue).then().body("articleCount", is(2));
    }

    @Test
    void putReplacesClearingLeftOutFieldsAndKeepingSlugIssueAndPosition() {
        long issue = newIssue();
        long outlet = newOutlet();
        long otherOutlet = newOutlet();
        long topic = newTopic();
        newArticle(issue, outlet, unique("Before"));
        Map<String, Object> full = body(issue, outlet, "Full " + token());
        full.put("author", "Someone");
        full.put("originalUrl", "http://example.com/a");
        full.put("quotes", List.of(Map.of("text", "A quote.")));
        full.put("topicIds", List.of(topic));
        JsonPath created = create(full);
        long id = created.getLong("id");

        JsonPath replaced = api().contentType(ContentType.JSON)
                .body(Map.of("headline", "Replaced", "outletId", otherOutlet, "publishedOn", "2024-10-04",
                        "summary", "New summary."))
                .put("/api/v1/articles/{id}", id)
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("id", is((int) id))
                .body("slug", equalTo(created.getString("slug")))
                .body("issueId", is((int) issue))
                .body("position", is(2))
                .body("headline", equalTo("Replaced"))
                .body("outlet.id", is((int) otherOutlet))
                .body("publishedOn", equalTo("2024-10-04"))
                .body("summary", equalTo("New summary."))
                .body("author", nullValue())
                .body("originalUrl", nullValue())
                .body("quotes", empty())
                .body("topics", empty())
                .body("createdAt", equalTo(created.getString("createdAt")))
                .extract().jsonPath();
        assertTrue(instant(replaced, "updatedAt").isAfter(instant(created, "updatedAt")));
        assertEquals(replaced.getMap(""), read(id).getMap(""));
        assertEquals(0, topic(topic).getInt("articleCount"));
        assertEquals(1, api().get("/api/v1/outlets/{id}", outlet).jsonPath().getInt("articleCount"));
        assertEquals(1, api().get("/api/v1/outlets/{id}", otherOutlet).jsonPath().getInt("articleCount"));
    }

    @Test
    void patchesWithMergePatchAndPlainJson() {
        long issue = newIssue();
        long outlet = newOutlet();
        long t1 = newTopic();
        long t2 = newTopic();
        Map<String, Object> full = body(issue, outlet, "Patchable " + token());
        full.put("author", "Someone");
        full.put("originalUrl", "https://example.com/a");
        full.put("quotes", List.of(Map.of("text", "A quote.", "attribution", "X")));
        full.put("topicIds", List.of(t1));
        JsonPath created = create(full);
        long id = created.getLong("id");

        JsonPath step1 = api().contentType(MERGE_PATCH).body("{\"author\": null, \"headline\": \"Patched headline\"}")
                .patch("/api/v1/articles/{id}", id)
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("author", nullValue())
                .body("headline", equalTo("Patched headline"))
                .body("slug", equalTo(created.getString("slug")))
                .body("originalUrl", equalTo("https://example.com/a"))
                .body("quotes.text", equalTo(List.of("A quote.")))
                .body("topics.id", equalTo(List.of((int) t1)))
                .body("createdAt", equalTo(created.getString("createdAt")))
                .extract().jsonPath();
        assertTrue(instant(step1, "updatedAt").isAfter(instant(created, "updatedAt")));

        JsonPath step2 = api().contentType(ContentType.JSON).body(Map.of("topicIds", List.of(t2)))
                .patch("/api/v1/articles/{id}", id)
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("topics.id", equalTo(List.of((int) t2)))
                .body("headline", equalTo("Patched headline"))
                .extract().jsonPath();
        assertTrue(instant(step2, "updatedAt").isAfter(instant(step1, "updatedAt")), "a topic change is a change");
        assertEquals(0, topic(t1).getInt("articleCount"));
        assertEquals(1, topic(t2).getInt("articleCount"));

        JsonPath step3 = api().contentType(MERGE_PATCH)
                .body("{\"quotes\": [{\"text\": \"Other quote.\"}], \"originalUrl\": null, \"topicIds\": null}")
                .patch("/api/v1/articles/{id}", id)
                .then().statusCode(200)
                .body("quotes.text", equalTo(List.of("Other quote.")))
                .body("quotes[0].attribution", nullValue())
                .body("originalUrl", nullValue())
                .body("topics", empty())
                .extract().jsonPath();
        assertTrue(instant(step3, "updatedAt").isAfter(instant(step2, "updatedAt")), "a quote change is a change");
        assertEquals(step3.getMap(""), read(id).getMap(""));
    }

    @Test
    void patchRejectsUnknownPropertiesNonObjectsAndClearedRequiredFields() {
        long id = create(body(newIssue(), newOutlet(), "Strict " + token())).getLong("id");
        JsonPath before = read(id);

        raw().contentType(MERGE_PATCH).body("{\"outlet\": {\"id\": 1}}").patch("/api/v1/articles/{id}", id)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("outlet")))
                .body("errors[0].message", equalTo("is not a known property"));
        for (String notAnObject : List.of("[]", "\"headline\"", "true", "null")) {
            raw().contentType(MERGE_PATCH).body(notAnObject).patch("/api/v1/articles/{id}", id)
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("status", is(400))
                    .body("errors.field", equalTo(List.of("body")))
                    .body("errors[0].message", equalTo("must be a JSON object (a merge patch)"));
        }
        raw().contentType(MERGE_PATCH).body("{\"headline\": null, \"summary\": null, \"outletId\": null}")
                .patch("/api/v1/articles/{id}", id)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("headline", "outletId", "summary")));
        raw().contentType(ContentType.JSON).body("{\"originalUrl\": \"javascript:alert(1)\"}")
                .patch("/api/v1/articles/{id}", id)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("originalUrl")));
        raw().contentType(ContentType.TEXT).body("{\"headline\": \"x\"}").patch("/api/v1/articles/{id}", id)
                .then().statusCode(415).contentType(PROBLEM);

        assertEquals(before.getMap(""), read(id).getMap(""));
    }

    @Test
    void deleteAnswers204ThenTheArticleIs404() {
        long issue = newIssue();
        long id = newArticle(issue, newOutlet(), unique("Short-lived"));

        api().delete("/api/v1/articles/{id}", id).then().statusCode(204).body(emptyString());
        api().get("/api/v1/articles/{id}", id).then().statusCode(404).contentType(PROBLEM)
                .body("status", is(404))
                .body("type", equalTo(base() + "/problems/not-found"))
                .body("detail", equalTo("article " + id + " does not exist"))
                .body("instance", equalTo("/api/v1/articles/" + id));
        api().delete("/api/v1/articles/{id}", id).then().statusCode(404).contentType(PROBLEM);
        api().get("/api/v1/issues/{id}", issue).then().body("articleCount", is(0)).body("articles", empty());
    }

    @Test
    void unknownAndNonNumericIdsAre404ProblemsOnEveryMethod() {
        Map<String, Object> body = body(newIssue(), newOutlet(), "Nobody");
        for (String id : List.of(String.valueOf(NO_SUCH_ID), "abc", "0", "-7", "1e3", "7x")) {
            String path = "/api/v1/articles/" + id;
            for (Response response : List.of(raw().get(path),
                    raw().contentType(ContentType.JSON).body(body).put(path),
                    raw().contentType(MERGE_PATCH).body(Map.of("headline", "x")).patch(path),
                    raw().delete(path))) {
                response.then().statusCode(404).contentType(PROBLEM)
                        .body("type", equalTo(base() + "/problems/not-found"))
                        .body("title", equalTo("Not found"))
                        .body("status", is(404))
                        .body("detail", containsString("does not exist"));
            }
        }
    }

    @Test
    void unknownReferencesInTheBodyAre400NamingTheField() {
        long issue = newIssue();
        long outlet = newOutlet();
        long t1 = newTopic();
        long t2 = newTopic();

        Map<String, Object> unknownIssue = body(NO_SUCH_ID, outlet, "Unknown issue");
        api().contentType(ContentType.JSON).body(unknownIssue).post("/api/v1/articles")
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo(base() + "/problems/validation"))
                .body("errors.field", equalTo(List.of("issueId")))
                .body("errors[0].message", equalTo("refers to no issue (" + NO_SUCH_ID + ")"));

        Map<String, Object> unknownRefs = body(issue, NO_SUCH_ID, "Unknown refs");
        unknownRefs.put("topicIds", List.of(t1, NO_SUCH_ID, t2, NO_SUCH_ID - 1));
        api().contentType(ContentType.JSON).body(unknownRefs).post("/api/v1/articles")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("outletId", "topicIds[1]", "topicIds[3]")))
                .body("errors[1].message", equalTo("refers to no topic (" + NO_SUCH_ID + ")"));

        Map<String, Object> repeated = body(issue, outlet, "Repeated topic");
        repeated.put("topicIds", List.of(t1, t1, NO_SUCH_ID));
        api().contentType(ContentType.JSON).body(repeated).post("/api/v1/articles")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("topicIds[2]")));

        Map<String, Object> missingIssue = body(issue, outlet, "No issue");
        missingIssue.remove("issueId");
        api().contentType(ContentType.JSON).body(missingIssue).post("/api/v1/articles")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("issueId")));

        long id = newArticle(issue, outlet, unique("Existing"));
        JsonPath before = read(id);
        api().contentType(MERGE_PATCH).body(Map.of("issueId", NO_SUCH_ID)).patch("/api/v1/articles/{id}", id)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("issueId")));
        api().contentType(MERGE_PATCH).body(Map.of("outletId", NO_SUCH_ID, "topicIds", List.of(NO_SUCH_ID)))
                .patch("/api/v1/articles/{id}", id)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("outletId", "topicIds[0]")));
        Map<String, Object> put = body(NO_SUCH_ID, outlet, "Put");
        api().contentType(ContentType.JSON).body(put).put("/api/v1/articles/{id}", id)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("issueId")));
        assertEquals(before.getMap(""), read(id).getMap(""));
        api().get("/api/v1/issues/{id}", issue).then().body("articleCount", is(1));
    }

    @Test
    void duplicateTopicIdsAreStoredOnce() {
        long topic = newTopic();
        Map<String, Object> body = body(newIssue(), newOutlet(), "Twice tagged " + token());
        body.put("topicIds", List.of(topic, topic));
        JsonPath created = create(body);
        assertEquals(List.of((int) topic), created.getList("topics.id"));
        assertEquals(1, topic(topic).getInt("articleCount"));
    }

    @Test
    void rejectsInvalidValuesWithOneErrorPerField() {
        long issue = newIssue();
        long outlet = newOutlet();
        Map<String, Object> bad = body(issue, outlet, " ");
        bad.put("summary", "x".repeat(10_001));
        bad.put("author", "x".repeat(201));
        bad.put("originalUrl", "ftp://example.com/file");
        bad.put("slug", "Bad_Slug");
        bad.put("position", 0);
        List<Object> quotes = new ArrayList<>();
        quotes.add(Map.of("attribution", "Nobody"));
        quotes.add(Map.of("text", "Fine."));
        quotes.add(Map.of("text", "  ", "attribution", "x".repeat(201)));
        bad.put("quotes", quotes);
        raw().contentType(ContentType.JSON).body(bad).post("/api/v1/articles")
                .then().statusCode(400).contentType(PROBLEM)
                .body("title", equalTo("Invalid request"))
                .body("type", equalTo(base() + "/problems/validation"))
                .body("instance", equalTo("/api/v1/articles"))
                .body("errors.field", equalTo(List.of("author", "headline", "originalUrl", "position",
                        "quotes[0].text", "quotes[2].attribution", "quotes[2].text", "slug", "summary")))
                .body("detail", containsString("headline must not be blank"));

        Map<String, Object> badIds = body(issue, outlet, "Ids");
        badIds.put("outletId", 0);
        badIds.put("topicIds", java.util.Arrays.asList(newTopic(), 0, null));
        raw().contentType(ContentType.JSON).body(badIds).post("/api/v1/articles")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("outletId", "topicIds[1]", "topicIds[2]")));

        for (String url : List.of("ftp://example.com/x", "javascript:alert(1)", "/relative/path", "example.com/x",
                "//example.com/x", "http://", "mailto:a@example.com", "https://exa mple.com/")) {
            Map<String, Object> body = body(issue, outlet, "Url");
            body.put("originalUrl", url);
            raw().contentType(ContentType.JSON).body(body).post("/api/v1/articles")
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("errors.field", equalTo(List.of("originalUrl")))
                    .body("errors[0].message", equalTo("must be an absolute http or https URL"));
        }

        Map<String, Object> tooMany = body(issue, outlet, "Quotes");
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 21; i++) {
            many.add(Map.of("text", "Quote " + i));
        }
        tooMany.put("quotes", many);
        tooMany.put("headline", "x".repeat(501));
        raw().contentType(ContentType.JSON).body(tooMany).post("/api/v1/articles")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("headline", "quotes")));
        tooMany.put("headline", "Exactly twenty quotes " + token());
        tooMany.put("quotes", many.subList(0, 20));
        api().contentType(ContentType.JSON).body(tooMany).post("/api/v1/articles")
                .then().statusCode(201).body("quotes.size()", is(20)).body("quotes[19].text", equalTo("Quote 19"));

        for (String date : List.of("2024-02-30", "03.10.2024", "yesterday", "2024-10-03T10:00:00Z")) {
            Map<String, Object> body = body(issue, outlet, "Date");
            body.put("publishedOn", date);
            raw().contentType(ContentType.JSON).body(body).post("/api/v1/articles")
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("errors.field", equalTo(List.of("publishedOn")))
                    .body("errors[0].message", equalTo("must be a date (yyyy-MM-dd)"));
        }
        api().get("/api/v1/issues/{id}", issue).then().body("articleCount", is(1));
    }

    @Test
    void acceptsHttpAndHttpsUrls() {
        long issue = newIssue();
        long outlet = newOutlet();
        for (String url : List.of("http://example.com", "https://example.com/a?b=c#d", "HTTPS://EXAMPLE.COM/X")) {
            Map<String, Object> body = body(issue, outlet, "Url " + token());
            body.put("originalUrl", url);
            create(body);
        }
        api().get("/api/v1/issues/{id}", issue).then()
                .body("articles.originalUrl", equalTo(List.of("http://example.com", "https://example.com/a?b=c#d",
                        "HTTPS://EXAMPLE.COM/X")));
    }
}
