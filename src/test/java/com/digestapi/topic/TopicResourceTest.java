package com.digestapi.topic;

import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.newArticle;
import static com.digestapi.support.Api.newIssue;
import static com.digestapi.support.Api.newOutlet;
import static com.digestapi.support.Api.newTopic;
import static com.digestapi.support.Api.raw;
import static com.digestapi.support.Api.unique;
import static org.hamcrest.Matchers.containsString;
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
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TopicResourceTest {

    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final String PROBLEM = "application/problem+json";

    private static String token() {
        return unique("t").replace("-", "");
    }

    private static String base() {
        return "http://localhost:" + RestAssured.port;
    }

    private static Instant instant(JsonPath json, String path) {
        return Instant.parse(json.getString(path));
    }

    private static JsonPath create(Map<String, Object> body) {
        return api().contentType(ContentType.JSON).body(body).post("/api/v1/topics")
                .then().statusCode(201).extract().jsonPath();
    }

    private static JsonPath read(String path, long id) {
        return api().get(path, id).then().statusCode(200).extract().jsonPath();
    }

    @Test
    void createsReadsReplacesPatchesAndDeletesATopic() {
        String token = token();
        String name = "Ядерная Énergie nucléaire " + token;
        var response = api().contentType(ContentType.JSON)
                .body(Map.of("name", "  " + name + " ", "description", "Power plants and the referendum."))
                .post("/api/v1/topics")
                .then().statusCode(201).contentType(ContentType.JSON)
                .body("name", equalTo(name))
                .body("slug", equalTo("energie-nucleaire-" + token))
                .body("description", equalTo("Power plants and the referendum."))
                .body("articleCount", is(0))
                .extract();
        JsonPath created = response.jsonPath();
        long id = created.getLong("id");
        assertEquals(base() + "/api/v1/topics/" + id, response.header("Location"));
        assertEquals(created.getString("createdAt"), created.getString("updatedAt"));
        assertEquals(created.getMap(""), api().get(response.header("Location")).then().statusCode(200)
                .contentType(ContentType.JSON).extract().jsonPath().getMap(""));

        JsonPath replaced = api().contentType(ContentType.JSON).body(Map.of("name", "Nuclear " + token))
                .put("/api/v1/topics/{id}", id)
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("id", is((int) id))
                .body("name", equalTo("Nuclear " + token))
                .body("slug", equalTo("energie-nucleaire-" + token))
                .body("description", nullValue())
                .body("createdAt", equalTo(created.getString("createdAt")))
                .extract().jsonPath();
        assertTrue(instant(replaced, "updatedAt").isAfter(instant(created, "updatedAt")));

        JsonPath patched = api().contentType(MERGE_PATCH).body(Map.of("description", "Now described."))
                .patch("/api/v1/topics/{id}", id)
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("description", equalTo("Now described."))
                .body("name", equalTo("Nuclear " + token))
                .extract().jsonPath();
        assertTrue(instant(patched, "updatedAt").isAfter(instant(replaced, "updatedAt")));

        String newSlug = "nuclear-" + token;
        JsonPath cleared = api().contentType(ContentType.JSON).body("{\"description\": null, \"slug\": \"" + newSlug + "\"}")
                .patch("/api/v1/topics/{id}", id)
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("description", nullValue())
                .body("slug", equalTo(newSlug))
                .body("name", equalTo("Nuclear " + token))
                .body("createdAt", equalTo(created.getString("createdAt")))
                .extract().jsonPath();
        assertTrue(instant(cleared, "updatedAt").isAfter(instant(patched, "updatedAt")));
        assertEquals(cleared.getMap(""), read("/api/v1/topics/{id}", id).getMap(""));

        api().delete("/api/v1/topics/{id}", id).then().statusCode(204).body(emptyString());
        api().get("/api/v1/topics/{id}", id).then().statusCode(404).contentType(PROBLEM)
                .body("status", is(404))
                .body("detail", equalTo("topic " + id + " does not exist"))
                .body("instance", equalTo("/api/v1/topics/" + id));
        api().delete("/api/v1/topics/{id}", id).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void patchRejectsUnknownPropertiesNonObjectsAndBlankNames() {
        JsonPath created = create(Map.of("name", unique("Strict topic")));
        long id = created.getLong("id");
        raw().contentType(MERGE_PATCH).body("{\"articleCount\": 3}").patch("/api/v1/topics/{id}", id)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("articleCount")))
                .body("errors[0].message", equalTo("is not a known property"));
        for (String notAnObject : List.of("[]", "\"name\"", "1", "null")) {
            raw().contentType(ContentType.JSON).body(notAnObject).patch("/api/v1/topics/{id}", id)
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("errors.field", equalTo(List.of("body")));
        }
        raw().contentType(MERGE_PATCH).body("{\"name\": null}").patch("/api/v1/topics/{id}", id)
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("name")));
        assertEquals(created.getMap(""), read("/api/v1/topics/{id}", id).getMap(""));
    }

    @Test
    void rejectsInvalidValuesWithOneErrorPerField() {
        raw().contentType(ContentType.JSON)
                .body(Map.of("name", "\t ", "slug", "-bad-", "description", "x".repeat(2001)))
                .post("/api/v1/topics")
                .then().statusCode(400).contentType(PROBLEM)
                .body("title", equalTo("Invalid request"))
                .body("errors.field", equalTo(List.of("description", "name", "slug")));
        raw().contentType(ContentType.JSON).body(Map.of("name", "x".repeat(201), "slug", "x".repeat(121)))
                .post("/api/v1/topics")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("name", "slug")));
        raw().contentType(ContentType.JSON).body(Map.of("name", "Fine", "colour", "red"))
                .post("/api/v1/topics")
                .then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", equalTo(List.of("colour")));
    }

    @Test
    void refusesATakenNameCaseInsensitivelyAndATakenSlugWith409() {
        String name = unique("Water Security");
        long owner = create(Map.of("name", name)).getLong("id");
        String slug = read("/api/v1/topics/{id}", owner).getString("slug");
        JsonPath other = create(Map.of("name", unique("Other")));
        long otherId = other.getLong("id");

        api().contentType(ContentType.JSON).body(Map.of("name", name.toUpperCase())).post("/api/v1/topics")
                .then().statusCode(409).contentType(PROBLEM)
                .body("type", equalTo(base() + "/problems/conflict"))
                .body("status", is(409))
                .body("detail", equalTo("name '" + name.toUpperCase() + "' is already taken by topic " + owner))
                .body("instance", equalTo("/api/v1/topics"));
        api().contentType(ContentType.JSON).body(Map.of("name", unique("Fresh"), "slug", slug)).post("/api/v1/topics")
                .then().statusCode(409).contentType(PROBLEM)
                .body("detail", equalTo("slug '" + slug + "' is already taken by topic " + owner));
        api().contentType(MERGE_PATCH).body(Map.of("name", name.toLowerCase())).patch("/api/v1/topics/{id}", otherId)
                .then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("is already taken by topic " + owner));
        api().contentType(ContentType.JSON).body(Map.of("name", "  " + name + "  ")).put("/api/v1/topics/{id}", otherId)
                .then().statusCode(409).contentType(PROBLEM);
        assertEquals(other.getMap(""), read("/api/v1/topics/{id}", otherId).getMap(""));

        // A topic may change the case of its own name.
        api().contentType(MERGE_PATCH).body(Map.of("name", name.toUpperCase())).patch("/api/v1/topics/{id}", owner)
                .then().statusCode(200).body("name", equalTo(name.toUpperCase())).body("slug", equalTo(slug));
    }

    @Test
    void suffixesAGeneratedSlugThatIsTaken() {
        String token = token();
        assertEquals("water-security-" + token, create(Map.of("name", "Water security " + token)).getString("slug"));
        assertEquals("water-security-" + token + "-2", create(Map.of("name", "Water-security " + token)).getString("slug"));
        assertEquals("water-security-" + token + "-3", create(Map.of("name", "Water security! " + token)).getString("slug"));
        assertEquals("turkiye-" + token, create(Map.of("name", "Türkiye " + token)).getString("slug"));
    }

    @Test
    void deleteDetachesTheTopicFromItsArticles() {
        long gone = newTopic();
        long kept = newTopic();
        long issue = newIssue();
        long outlet = newOutlet();
        long tagged = newArticle(issue, outlet, unique("Tagged"), Map.of("topicIds", List.of(gone, kept)));
        long other = newArticle(issue, outlet, unique("Also tagged"), Map.of("topicIds", List.of(gone)));
        long untagged = newArticle(issue, outlet, unique("Untagged"));
        JsonPath taggedBefore = read("/api/v1/articles/{id}", tagged);
        JsonPath otherBefore = read("/api/v1/articles/{id}", other);
        JsonPath untaggedBefore = read("/api/v1/articles/{id}", untagged);
        assertEquals(2, read("/api/v1/topics/{id}", gone).getInt("articleCount"));
        assertEquals(1, read("/api/v1/topics/{id}", kept).getInt("articleCount"));

        api().delete("/api/v1/topics/{id}", gone).then().statusCode(204);

        api().get("/api/v1/topics/{id}", gone).then().statusCode(404).contentType(PROBLEM);
        JsonPath taggedAfter = read("/api/v1/articles/{id}", tagged);
        assertEquals(List.of(kept), taggedAfter.getList("topics.id", Long.class));
        assertTrue(instant(taggedAfter, "updatedAt").isAfter(instant(taggedBefore, "updatedAt")));
        assertEquals(taggedBefore.getString("createdAt"), taggedAfter.getString("createdAt"));
        JsonPath otherAfter = read("/api/v1/articles/{id}", other);
        assertEquals(List.of(), otherAfter.getList("topics"));
        assertTrue(instant(otherAfter, "updatedAt").isAfter(instant(otherBefore, "updatedAt")));
        assertEquals(untaggedBefore.getMap(""), read("/api/v1/articles/{id}", untagged).getMap(""));
        assertEquals(1, read("/api/v1/topics/{id}", kept).getInt("articleCount"));
        api().get("/api/v1/issues/{id}", issue).then().statusCode(200).body("articleCount", is(3));
    }

    @Test
    void renamingATopicMovesTheUpdatedAtOfItsArticles() {
        long topic = newTopic();
        long issue = newIssue();
        long outlet = newOutlet();
        long tagged = newArticle(issue, outlet, unique("Renamed topic"), Map.of("topicIds", List.of(topic)));
        long untagged = newArticle(issue, outlet, unique("Untouched"));
        JsonPath before = read("/api/v1/articles/{id}", tagged);
        JsonPath untaggedBefore = read("/api/v1/articles/{id}", untagged);

        String renamed = unique("Renamed");
        api().contentType(MERGE_PATCH).body(Map.of("name", renamed)).patch("/api/v1/topics/{id}", topic)
                .then().statusCode(200).body("name", equalTo(renamed)).body("articleCount", is(1));

        JsonPath after = read("/api/v1/articles/{id}", tagged);
        assertEquals(List.of(renamed), after.getList("topics.name"));
        assertTrue(instant(after, "updatedAt").isAfter(instant(before, "updatedAt")));
        assertEquals(untaggedBefore.getMap(""), read("/api/v1/articles/{id}", untagged).getMap(""));

        String slug = "renamed-" + token();
        api().contentType(MERGE_PATCH).body(Map.of("slug", slug)).patch("/api/v1/topics/{id}", topic)
                .then().statusCode(200).body("slug", equalTo(slug));
        JsonPath afterSlug = read("/api/v1/articles/{id}", tagged);
        assertEquals(List.of(slug), afterSlug.getList("topics.slug"));
        assertTrue(instant(afterSlug, "updatedAt").isAfter(instant(after, "updatedAt")));
    }

    @Test
    void articleCountFollowsTaggingAndDeletion() {
        long topic = newTopic();
        long issue = newIssue();
        long outlet = newOutlet();
        long a = newArticle(issue, outlet, unique("Counted"), Map.of("topicIds", List.of(topic)));
        newArticle(issue, outlet, unique("Counted too"), Map.of("topicIds", List.of(topic)));
        assertEquals(2, read("/api/v1/topics/{id}", topic).getInt("articleCount"));
        api().delete("/api/v1/articles/{id}", a).then().statusCode(204);
        assertEquals(1, read("/api/v1/topics/{id}", topic).getInt("articleCount"));
        api().delete("/api/v1/issues/{id}", issue).then().statusCode(204);
        assertEquals(0, read("/api/v1/topics/{id}", topic).getInt("articleCount"));
    }

    @Test
    void unknownAndNonNumericIdsAre404ProblemsOnEveryMethod() {
        for (String id : List.of("9223372036854775807", "abc", "0", "-3", "2.0")) {
            String path = "/api/v1/topics/" + id;
            for (Response response : List.of(raw().get(path),
                    raw().contentType(ContentType.JSON).body(Map.of("name", unique("Nobody"))).put(path),
                    raw().contentType(MERGE_PATCH).body(Map.of("description", "x")).patch(path),
                    raw().delete(path))) {
                response.then().statusCode(404).contentType(PROBLEM)
                        .body("type", equalTo(base() + "/problems/not-found"))
                        .body("title", equalTo("Not found"))
                        .body("status", is(404))
                        .body("instance", equalTo(path))
                        .body("detail", containsString("does not exist"));
            }
        }
    }
}
