package com.digestapi.issue;

import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.newArticle;
import static com.digestapi.support.Api.newIssue;
import static com.digestapi.support.Api.newOutlet;
import static com.digestapi.support.Api.raw;
import static com.digestapi.support.Api.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class IssueResourceTest {

    static final String MERGE_PATCH = "application/merge-patch+json";
    static final String PROBLEM = "application/problem+json";
    static final String NO_SUCH_ID = "9223372036854775807";

    /** A lowercase token without hyphens, so a slug made from it is predictable. */
    static String token() {
        return unique("t").replace("-", "");
    }

    static String base() {
        return "http://localhost:" + RestAssured.port;
    }

    static JsonPath create(Map<String, Object> body) {
        return api().contentType(ContentType.JSON).body(body).post("/api/v1/issues")
                .then().statusCode(201).extract().jsonPath();
    }

    static Instant instant(JsonPath json, String path) {
        return Instant.parse(json.getString(path));
    }

    @Test
    void createsADraftWithAbsoluteLocationAndASlugFromTitleAndDate() {
        String token = token();
        var response = api().contentType(ContentType.JSON)
                .body(Map.of("title", "Foreign media digest " + token, "publishedOn", "2024-10-12",
                        "intro", "  This week: the referendum.  "))
                .post("/api/v1/issues")
                .then().statusCode(201)
                .contentType(ContentType.JSON)
                .body("slug", equalTo("foreign-media-digest-" + token + "-2024-10-12"))
                .body("title", equalTo("Foreign media digest " + token))
                .body("publishedOn", equalTo("2024-10-12"))
                .body("intro", equalTo("This week: the referendum."))
                .body("status", equalTo("DRAFT"))
                .body("articleCount", is(0))
                .body("articles", empty())
                .extract();
        long id = response.jsonPath().getLong("id");
        assertEquals(base() + "/api/v1/issues/" + id, response.header("Location"));
        assertEquals(response.jsonPath().getString("createdAt"), response.jsonPath().getString("updatedAt"));

        JsonPath read = api().get(response.header("Location")).then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath();
        assertEquals(response.jsonPath().getMap(""), read.getMap(""));
    }

    @Test
    void suffixesAGeneratedSlugThatIsTakenAndTransliteratesAccents() {
        String token = token();
        Map<String, Object> body = Map.of("title", "Türkiye’s Ünïcode Straße digest " + token, "publishedOn", "2024-09-26");
        String slug = "turkiyes-unicode-strasse-digest-" + token + "-2024-09-26";
        assertEquals(slug, create(body).getString("slug"));
        assertEquals(slug + "-2", create(body).getString("slug"));
        assertEquals(slug + "-3", create(body).getString("slug"));
        assertEquals("turkiyes-unicode-strasse-digest-" + token + "-2024-09-27",
                create(Map.of("title", body.get("title"), "publishedOn", "2024-09-27")).getString("slug"));
    }

    @Test
    void refusesATakenSlugWith409OnCreatePutAndPatch() {
        String slug = "taken-" + token();
        long owner = create(Map.of("title", "Owner", "publishedOn", "2024-10-12", "slug", slug)).getLong("id");
        JsonPath other = create(Map.of("title", "Other", "publishedOn", "2024-10-12"));
        long otherId = other.getLong("id");
        String conflict = "slug '" + slug + "' is already taken by issue " + owner;

        api().contentType(ContentType.JSON).body(Map.of("title", "Again", "publishedOn", "2024-10-12", "slug", slug))
                .post("/api/v1/issues")
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo(base() + "/problems/conflict"))
                .body("title", equalTo("Conflict"))
                .body("status", is(409))
                .body("detail", equalTo(conflict))
                .body("instance", equalTo("/api/v1/issues"));
        api().contentType(ContentType.JSON).body(Map.of("title", "Other", "publishedOn", "2024-10-12", "slug", slug))
                .put("/api/v1/issues/{id}", otherId)
                .then().statusCode(409).contentType(PROBLEM).body("detail", equalTo(conflict));
        api().contentType(MERGE_PATCH).body(Map.of("slug", slug)).patch("/api/v1/issues/{id}", otherId)
                .then().statusCode(409).contentType(PROBLEM).body("detail", equalTo(conflict))
                .body("instance", equalTo("/api/v1/issues/" + otherId));

        JsonPath after = api().get("/api/v1/issues/{id}", otherId).then().statusCode(200).extract().jsonPath();
        assertEquals(other.getString("slug"), after.getString("slug"));
        assertEquals(other.getString("updatedAt"), after.getString("updatedAt"));
        // An issue may keep its own slug.
        api().contentType(MERGE_PATCH).body(Map.of("slug", slug)).patch("/api/v1/issues/{id}", owner)
                .then().statusCode(200).body("slug", equalTo(slug));
    }

    @Test
    void putReplacesOwnFieldsClearsLeftOutOnesAndKeepsSlugAndArticles() {
        String slug = "put-" + token();
        JsonPath created = create(Map.of("title", "Before", "publishedOn", "2024-10-12", "slug", slug,
                "intro", "Intro before", "status", "PUBLISHED"));
        long id = created.getLong("id");
        long article = newArticle(id, newOutlet(), unique("Kept"));
        Instant updated = instant(api().get("/api/v1/issues/{id}", id).jsonPath(), "updatedAt");

        JsonPath replaced = api().contentType(ContentType.JSON)
                .body(Map.of("title", "After", "publishedOn", "2024-10-19"))
                .put("/api/v1/issues/{id}", id)
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("id", is((int) id))
                .body("slug", equalTo(slug))
                .body("title", equalTo("After"))
                .body("publishedOn", equalTo("2024-10-19"))
                .body("intro", nullValue())
                .body("status", equalTo("DRAFT"))
                .body("articleCount", is(1))
                .body("articles.id", equalTo(List.of((int) article)))
                .body("createdAt", equalTo(created.getString("createdAt")))
                .extract().jsonPath();
        assertTrue(instant(replaced, "updatedAt").isAfter(updated), "updatedAt moves forward on PUT");
        assertEquals(replaced.getMap(""), api().get("/api/v1/issues/{id}", id).jsonPath().getMap(""));
    }

    @Test
    void patchesWithMergePatchAndPlainJsonAndPublishesADraft() {
        JsonPath created = create(Map.of("title", "Patch me", "publishedOn", "2024-10-12", "intro", "Some intro"));
        long id = created.getLong("id");
        assertEquals("DRAFT", created.getString("status"));

        JsonPath published = api().contentType(MERGE_PATCH).body(Map.of("status", "PUBLISHED"))
                .patch("/api/v1/issues/{id}", id)
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("status", equalTo("PUBLISHED"))
                .body("title", equalTo("Patch me"))
                .body("intro", equalTo("Some intro"))
                .body("slug", equalTo(created.getString("slug")))
                .body("createdAt", equalTo(created.getString("createdAt")))
                .extract().jsonPath();
        assertTrue(instant(published, "updatedAt").isAfter(instant(created, "updatedAt")));

        JsonPath cleared = api().contentType(ContentType.JSON).body("{\"intro\": null, \"title\": \"Patched\"}")
                .patch("/api/v1/issues/{id}", id)
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("intro", nullValue())
                .body("title", equalTo("Patched"))
                .body("status", equalTo("PUBLISHED"))
                .body("slug", equalTo(created.getString("slug")))
                .extract().jsonPath();
        assertTrue(instant(cleared, "updatedAt").isAfter(instant(published, "updatedAt")));
        assertEquals(created.getString("createdAt"), cleared.getString("createdAt"));

        // A slug patched to null keeps the current slug (it cannot be cleared).
        api().contentType(MERGE_PATCH).body("{\"slug\": null}").patch("/api/v1/issues/{id}", id)
                .then().statusCode(200).body("slug", equalTo(created.getString("slug")));
        // A status patched to null falls back to DRAFT.
        api().contentType(MERGE_PATCH).body("{\"status\": null}").patch("/api/v1/issues/{id}", id)
                .then().statusCode(200).body("status", equalTo("DRAFT"));
    }

    @Test
    void patchRejectsUnknownPropertiesNonObjectsAndInvalidValuesAndChangesNothing() {
        JsonPath created = create(Map.of("title", "Strict", "publishedOn", "2024-10-12"));
        long id = created.getLong("id");

        raw().contentType(MERGE_PATCH).body("{\"colour\": \"red\"}").patch("/api/v1/issues/{id}", id)
                .then().statusCode(400).contentType(PROBLEM)
                .body("status", is(400))
                .body("errors.field", equalTo(List.of("colour")))
                .body("errors[0].message", equalTo("is not a known property"))
                .body("instance", equalTo("/api/v1/issues/" + id));
        for (String notAnObject : List.of("[{\"title\": \"x\"}]", "\"PUBLISHED\"", "42", "null")) {
            raw().contentType(ContentType.JSON).body(notAnObject).patch("/api/v1/issues/{id}", id)
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("status", is(400))
                    .body("errors.field", equalTo(List.of("body")));
        }
        raw().contentType(MERGE_PATCH).body("{\"title\": null, \"status\": \"LIVE\"}").patch("/api/v1/issues/{id}", id)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("status")))
                .body("errors[0].message", equalTo("must be one of [DRAFT, SCHEDULED, PUBLISHED]"));
        raw().contentType(MERGE_PATCH).body("{\"title\": \" \", \"publishedOn\": null}").patch("/api/v1/issues/{id}", id)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("publishedOn", "title")));

        JsonPath after = api().get("/api/v1/issues/{id}", id).jsonPath();
        assertEquals(created.getMap(""), after.getMap(""));
    }

    @Test
    void rejectsInvalidBodiesWithOneErrorPerField() {
        raw().contentType(ContentType.JSON)
                .body(Map.of("title", " ", "slug", "Not A Slug", "intro", "x".repeat(10_001)))
                .post("/api/v1/issues")
                .then().statusCode(400).contentType(PROBLEM)
                .body("title", equalTo("Invalid request"))
                .body("type", equalTo(base() + "/problems/validation"))
                .body("errors.field", equalTo(List.of("intro", "publishedOn", "slug", "title")))
                .body("detail", containsString("title must not be blank"));
        raw().contentType(ContentType.JSON).body(Map.of("title", "x".repeat(301), "publishedOn", "2024-10-12"))
                .post("/api/v1/issues")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("title")));
        for (String date : List.of("2024-02-30", "2024-10-12T00:00:00Z", "12/10/2024", "")) {
            raw().contentType(ContentType.JSON).body(Map.of("title", "Bad date", "publishedOn", date))
                    .post("/api/v1/issues")
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("errors.field", equalTo(List.of("publishedOn")))
                    .body("errors[0].message", equalTo("must be a date (yyyy-MM-dd)"));
        }
        raw().contentType(ContentType.JSON).body(Map.of("title", "Bad status", "publishedOn", "2024-10-12",
                        "status", "LIVE"))
                .post("/api/v1/issues")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("status")));
    }

    @Test
    void detailAndArticleListShowTheArticlesInPositionOrder() {
        long issue = newIssue("2024-10-12", "PUBLISHED");
        long outlet = newOutlet();
        long first = newArticle(issue, outlet, unique("First"));
        long second = newArticle(issue, outlet, unique("Second"));
        long third = newArticle(issue, outlet, unique("Third"), Map.of("position", 1));

        api().get("/api/v1/issues/{id}", issue).then().statusCode(200)
                .body("articleCount", is(3))
                .body("articles.id", equalTo(List.of((int) third, (int) first, (int) second)))
                .body("articles.position", equalTo(List.of(1, 2, 3)))
                .body("articles.issueId", equalTo(List.of((int) issue, (int) issue, (int) issue)))
                .body("articles[0].outlet.id", is((int) outlet));
        api().get("/api/v1/issues/{id}/articles", issue).then().statusCode(200)
                .contentType(ContentType.JSON)
                .header("X-Total-Count", "3")
                .header("Link", containsString("rel=\"first\""))
                .header("Link", containsString(base() + "/api/v1/issues/" + issue + "/articles?page=0"))
                .body("items.id", equalTo(List.of((int) third, (int) first, (int) second)))
                .body("items.position", equalTo(List.of(1, 2, 3)))
                .body("page", is(0))
                .body("size", is(20))
                .body("totalItems", is(3))
                .body("totalPages", is(1));
        api().get("/api/v1/issues/{id}/articles?size=2&page=1", issue).then().statusCode(200)
                .header("X-Total-Count", "3")
                .body("items.id", equalTo(List.of((int) second)))
                .body("totalPages", is(2));

        long empty = newIssue();
        api().get("/api/v1/issues/{id}/articles", empty).then().statusCode(200)
                .header("X-Total-Count", "0")
                .body("items", empty())
                .body("totalItems", is(0));
        api().get("/api/v1/issues/{id}", empty).then().statusCode(200)
                .body("articleCount", is(0)).body("articles", empty());
    }

    @Test
    void deletingAnIssueDeletesItsArticles() {
        long issue = newIssue();
        long outlet = newOutlet();
        long a = newArticle(issue, outlet, unique("Gone"));
        long b = newArticle(issue, outlet, unique("Gone too"));
        long survivorIssue = newIssue();
        long survivor = newArticle(survivorIssue, outlet, unique("Stays"));

        api().delete("/api/v1/issues/{id}", issue).then().statusCode(204).body(emptyString());

        api().get("/api/v1/issues/{id}", issue).then().statusCode(404).contentType(PROBLEM)
                .body("detail", equalTo("issue " + issue + " does not exist"));
        for (long article : List.of(a, b)) {
            api().get("/api/v1/articles/{id}", article).then().statusCode(404).contentType(PROBLEM)
                    .body("detail", equalTo("article " + article + " does not exist"));
        }
        api().get("/api/v1/issues/{id}/articles", issue).then().statusCode(404).contentType(PROBLEM);
        api().delete("/api/v1/issues/{id}", issue).then().statusCode(404).contentType(PROBLEM);
        api().get("/api/v1/articles/{id}", survivor).then().statusCode(200).body("position", is(1));
        api().get("/api/v1/outlets/{id}", outlet).then().statusCode(200).body("articleCount", is(1));
    }

    @Test
    void unknownAndNonNumericIdsAre404ProblemsOnEveryMethod() {
        Map<String, Object> issue = Map.of("title", "Nobody", "publishedOn", "2024-10-12");
        Map<String, Object> article = Map.of("headline", "Nobody", "outletId", newOutlet(), "publishedOn", "2024-10-12",
                "summary", "Nothing.");
        for (String id : List.of(NO_SUCH_ID, "abc", "0", "-1", "1.5", "99999999999999999999")) {
            String path = "/api/v1/issues/" + id;
            expect404(raw().get(path), path);
            expect404(raw().contentType(ContentType.JSON).body(issue).put(path), path);
            expect404(raw().contentType(MERGE_PATCH).body(Map.of("title", "x")).patch(path), path);
            expect404(raw().delete(path), path);
            expect404(raw().get(path + "/articles"), path + "/articles");
            expect404(raw().contentType(ContentType.JSON).body(article).post(path + "/articles"), path + "/articles");
        }
    }

    static void expect404(io.restassured.response.Response response, String path) {
        response.then().statusCode(404).contentType(PROBLEM)
                .body("type", equalTo(base() + "/problems/not-found"))
                .body("title", equalTo("Not found"))
                .body("status", is(404))
                .body("instance", equalTo(path))
                .body("detail", containsString("does not exist"))
                .body("errors", nullValue());
    }

    @Test
    void articlesCanBeAddedThroughTheIssue() {
        long issue = newIssue();
        long other = newIssue();
        long outlet = newOutlet();
        long first = newArticle(issue, outlet, unique("Existing"));
        Map<String, Object> body = Map.of("headline", "Added through the issue " + token(), "outletId", outlet,
                "publishedOn", "2024-10-11", "summary", "Added.");

        var added = api().contentType(ContentType.JSON).body(body).post("/api/v1/issues/{id}/articles", issue)
                .then().statusCode(201).contentType(ContentType.JSON)
                .body("issueId", is((int) issue))
                .body("position", is(2))
                .body("headline", equalTo(body.get("headline")))
                .extract();
        long id = added.jsonPath().getLong("id");
        assertEquals(base() + "/api/v1/articles/" + id, added.header("Location"));

        var withIssueId = new java.util.HashMap<>(body);
        withIssueId.put("headline", "Same issue id " + token());
        withIssueId.put("issueId", issue);
        withIssueId.put("position", 1);
        long top = api().contentType(ContentType.JSON).body(withIssueId).post("/api/v1/issues/{id}/articles", issue)
                .then().statusCode(201).body("position", is(1)).extract().jsonPath().getLong("id");

        withIssueId.put("issueId", other);
        api().contentType(ContentType.JSON).body(withIssueId).post("/api/v1/issues/{id}/articles", issue)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("issueId")));
        withIssueId.put("issueId", Long.MAX_VALUE);
        api().contentType(ContentType.JSON).body(withIssueId).post("/api/v1/issues/{id}/articles", issue)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("issueId")));

        api().get("/api/v1/issues/{id}/articles", issue).then().statusCode(200)
                .body("items.id", equalTo(List.of((int) top, (int) first, (int) id)))
                .body("items.position", equalTo(List.of(1, 2, 3)));
        api().get("/api/v1/issues/{id}", other).then().body("articleCount", is(0));
    }

    @Test
    void addingAnArticleMovesTheIssuesUpdatedAt() {
        JsonPath created = create(Map.of("title", "Touched", "publishedOn", "2024-10-12"));
        long id = created.getLong("id");
        long article = newArticle(id, newOutlet(), unique("Touching"));
        JsonPath afterAdd = api().get("/api/v1/issues/{id}", id).jsonPath();
        assertTrue(instant(afterAdd, "updatedAt").isAfter(instant(created, "updatedAt")));
        assertEquals(created.getString("createdAt"), afterAdd.getString("createdAt"));

        api().delete("/api/v1/articles/{id}", article).then().statusCode(204);
        JsonPath afterDelete = api().get("/api/v1/issues/{id}", id).jsonPath();
        assertTrue(instant(afterDelete, "updatedAt").isAfter(instant(afterAdd, "updatedAt")));
        assertEquals(0, afterDelete.getInt("articleCount"));
    }
}
