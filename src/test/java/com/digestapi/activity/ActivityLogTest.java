package com.digestapi.activity;

import static com.digestapi.support.Api.anonymous;
import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.newIssue;
import static com.digestapi.support.Api.newOutlet;
import static com.digestapi.support.Api.raw;
import static com.digestapi.support.Api.rawAnonymous;
import static com.digestapi.support.Api.unique;
import static com.digestapi.support.ProblemChecks.problem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The activity log: every write through the API leaves one record (a success inside its own transaction, a failure
 * after authentication in another), readable by editors at GET /api/v1/activity and by nobody changeable.
 */
@QuarkusTest
class ActivityLogTest {

    private static final String ACTIVITY = "/api/v1/activity";
    private static final String UUID = "^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$";

    @Test
    void contentWritesAreRecordedWithTheirRequestId() {
        String created = unique("req-create");
        Response post = api().header("X-Request-Id", created).contentType(ContentType.JSON)
                .body(Map.of("name", unique("Logged topic"))).post("/api/v1/topics");
        post.then().statusCode(201).header("X-Request-Id", created);
        long topic = post.jsonPath().getLong("id");
        Map<String, Object> record = single(created);
        assertEquals("editor", record.get("actor"));
        assertEquals("topic.create", record.get("action"));
        assertEquals("topic", record.get("targetType"));
        assertEquals(String.valueOf(topic), record.get("targetId"));
        assertEquals("success", record.get("outcome"));
        Instant at = Instant.parse((String) record.get("at"));
        assertTrue(at.isAfter(Instant.now().minusSeconds(60)), record.toString());

        String updated = unique("req-update");
        api().header("X-Request-Id", updated).contentType("application/merge-patch+json")
                .body(Map.of("description", "changed")).patch("/api/v1/topics/{id}", topic).then().statusCode(200);
        assertEquals("topic.update", single(updated).get("action"));
        String deleted = unique("req-delete");
        api().header("X-Request-Id", deleted).delete("/api/v1/topics/{id}", topic).then().statusCode(204);
        assertEquals(Map.of("action", "topic.delete", "targetId", String.valueOf(topic), "outcome", "success"),
                pick(single(deleted), "action", "targetId", "outcome"));
    }

    @Test
    void everyKindOfWriteIsRecorded() {
        long outlet = newOutlet();
        long issue = newIssue("2024-11-23", "DRAFT");
        List<Object[]> writes = new ArrayList<>();
        writes.add(write("outlet.update", "outlet", String.valueOf(outlet), r -> r.contentType(ContentType.JSON)
                .body(Map.of("country", "KZ")).patch("/api/v1/outlets/{id}", outlet)));
        writes.add(write("issue.update", "issue", String.valueOf(issue), r -> r.contentType(ContentType.JSON)
                .body(Map.of("intro", "Logged")).patch("/api/v1/issues/{id}", issue)));
        writes.add(write("article.create", "article", null, r -> r.contentType(ContentType.JSON)
                .body(Map.of("headline", unique("Logged article"), "outletId", outlet, "publishedOn", "2024-11-20",
                        "summary", "Logged.")).post("/api/v1/issues/{id}/articles", issue)));
        writes.add(write("issue.import", "issue", null, r -> r.contentType(ContentType.JSON)
                .body(Map.of("title", "Imported " + unique("doc"), "publishedOn", "2024-11-23", "articles", List.of()))
                .post("/api/v1/issues/import")));
        String username = unique("logged").toLowerCase();
        writes.add(write("account.create", "account", username, r -> r.contentType(ContentType.JSON)
                .body(Map.of("username", username, "password", "logged-password-1", "roles", List.of()))
                .post("/api/v1/accounts")));
        writes.add(write("account.delete", "account", username, r -> r.delete("/api/v1/accounts/{name}", username)));
        writes.add(write("token.create", "token", null, r -> r.contentType(ContentType.JSON)
                .body(Map.of("name", "logged token")).post("/api/v1/accounts/me/tokens")));
        writes.add(write("webhook.create", "webhook", null, r -> r.contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/" + unique("hook"), "events", List.of("topic.created")))
                .post("/api/v1/webhooks")));
        for (Object[] write : writes) {
            String requestId = (String) write[0];
            Response response = (Response) write[4];
            assertTrue(response.statusCode() < 300, response.asString());
            Map<String, Object> record = single(requestId);
            assertEquals(write[1], record.get("action"), record.toString());
            assertEquals(write[2], record.get("targetType"), record.toString());
            String expectedId = write[3] != null ? (String) write[3] : response.jsonPath().getString("id");
            assertEquals(expectedId, record.get("targetId"), record.toString());
            assertEquals("success", record.get("outcome"));
        }
        // The token and the webhook go again: revoked, deleted, each recorded with its id.
        long token = ((Response) writes.get(6)[4]).jsonPath().getLong("id");
        Object[] revoke = write("token.revoke", "token", String.valueOf(token),
                r -> r.delete("/api/v1/accounts/me/tokens/{id}", token));
        assertEquals("token.revoke", single((String) revoke[0]).get("action"));
        long webhook = ((Response) writes.get(7)[4]).jsonPath().getLong("id");
        Object[] ping = write("webhook.ping", "webhook", String.valueOf(webhook),
                r -> r.post("/api/v1/webhooks/{id}/ping", webhook));
        assertEquals(String.valueOf(webhook), single((String) ping[0]).get("targetId"));
        Object[] delete = write("webhook.delete", "webhook", String.valueOf(webhook),
                r -> r.delete("/api/v1/webhooks/{id}", webhook));
        assertEquals("webhook.delete", single((String) delete[0]).get("action"));
    }

    @Test
    void anUpdateThatPublishesOrWithdrawsAnIssueIsRecordedAsSuch() {
        long issue = newIssue("2024-11-16", "DRAFT");
        Object[] publish = write("issue.publish", "issue", String.valueOf(issue), r -> r
                .contentType("application/merge-patch+json").body(Map.of("status", "PUBLISHED"))
                .patch("/api/v1/issues/{id}", issue));
        ((Response) publish[4]).then().statusCode(200);
        assertEquals(Map.of("action", "issue.publish", "targetId", String.valueOf(issue), "outcome", "success"),
                pick(single((String) publish[0]), "action", "targetId", "outcome"));
        Object[] withdraw = write("issue.unpublish", "issue", String.valueOf(issue), r -> r
                .contentType("application/merge-patch+json").body(Map.of("status", "DRAFT"))
                .patch("/api/v1/issues/{id}", issue));
        ((Response) withdraw[4]).then().statusCode(200);
        assertEquals("issue.unpublish", single((String) withdraw[0]).get("action"));
        Object[] retitle = write("issue.update", "issue", String.valueOf(issue), r -> r
                .contentType("application/merge-patch+json").body(Map.of("intro", "Still a draft."))
                .patch("/api/v1/issues/{id}", issue));
        ((Response) retitle[4]).then().statusCode(200);
        assertEquals("issue.update", single((String) retitle[0]).get("action"));
    }

    @Test
    void restoresAreRecordedAsRestores() {
        long topic = api().contentType(ContentType.JSON).body(Map.of("name", unique("Restored topic")))
                .post("/api/v1/topics").then().statusCode(201).extract().jsonPath().getLong("id");
        long issue = newIssue("2024-11-30", "DRAFT");
        long article = api().contentType(ContentType.JSON).body(Map.of("headline", unique("Restored article"),
                        "outletId", newOutlet(), "publishedOn", "2024-11-20", "summary", "First.",
                        "topicIds", List.of(topic)))
                .post("/api/v1/issues/{id}/articles", issue).then().statusCode(201).extract().jsonPath().getLong("id");
        api().contentType("application/merge-patch+json").body(Map.of("summary", "Second."))
                .patch("/api/v1/articles/{id}", article).then().statusCode(200);
        Object[] restore = write("article.restore", "article", String.valueOf(article),
                r -> r.post("/api/v1/articles/{id}/revisions/2/restore", article));
        ((Response) restore[4]).then().statusCode(200);
        assertEquals(Map.of("action", "article.restore", "targetId", String.valueOf(article), "outcome", "success"),
                pick(single((String) restore[0]), "action", "targetId", "outcome"));
        api().delete("/api/v1/issues/{id}", issue).then().statusCode(204);
        int deletion = api().get("/api/v1/issues/{id}/revisions", issue).then().statusCode(200)
                .body("items[0].action", equalTo("deleted")).extract().jsonPath().getInt("items[0].number");
        Object[] back = write("issue.restore", "issue", String.valueOf(issue),
                r -> r.post("/api/v1/issues/{id}/revisions/{n}/restore", issue, deletion));
        ((Response) back[4]).then().statusCode(200);
        assertEquals(Map.of("action", "issue.restore", "targetId", String.valueOf(issue), "outcome", "success"),
                pick(single((String) back[0]), "action", "targetId", "outcome"));
    }

    @Test
    void aFailedWriteLeavesItsFailureAndNoSuccess() {
        long outlet = newOutlet();
        String taken = api().get("/api/v1/outlets/{id}", outlet).jsonPath().getString("name");
        // A 409 from the database's unique index rolls the write back: its success record goes with it.
        String conflict = unique("req-conflict");
        raw().header("X-Request-Id", conflict).contentType(ContentType.JSON).body(Map.of("name", taken))
                .post("/api/v1/outlets").then().statusCode(409);
        Map<String, Object> failure = single(conflict);
        assertEquals("409 conflict", failure.get("outcome"));
        assertEquals("outlet.create", failure.get("action"));
        assertEquals(null, failure.get("targetId"));

        String stale = unique("req-stale");
        raw().header("X-Request-Id", stale).header("If-Match", "\"stale\"").contentType(ContentType.JSON)
                .body(Map.of("country", "FR")).patch("/api/v1/outlets/{id}", outlet).then().statusCode(412);
        assertEquals(Map.of("action", "outlet.update", "targetId", String.valueOf(outlet),
                "outcome", "412 precondition-failed"), pick(single(stale), "action", "targetId", "outcome"));

        String invalid = unique("req-invalid");
        raw().header("X-Request-Id", invalid).contentType(ContentType.JSON).body(Map.of("websiteUrl", "ftp://x"))
                .patch("/api/v1/outlets/{id}", outlet).then().statusCode(400);
        assertEquals("400 validation", single(invalid).get("outcome"));

        String missing = unique("req-missing");
        raw().header("X-Request-Id", missing).delete("/api/v1/topics/{id}", 999_999_999L).then().statusCode(404);
        assertEquals(Map.of("action", "topic.delete", "targetId", "999999999", "outcome", "404 not-found"),
                pick(single(missing), "action", "targetId", "outcome"));
    }

    @Test
    void onlyAuthenticatedWritesAreRecorded() {
        String reader = unique("reader").toLowerCase();
        api().contentType(ContentType.JSON).body(Map.of("username", reader, "password", "reader-password-1",
                "roles", List.of())).post("/api/v1/accounts").then().statusCode(201);
        String forbidden = unique("req-forbidden");
        raw().auth().preemptive().basic(reader, "reader-password-1").header("X-Request-Id", forbidden)
                .contentType(ContentType.JSON).body(Map.of("name", unique("Nope"))).post("/api/v1/topics")
                .then().statusCode(403);
        Map<String, Object> record = single(forbidden);
        assertEquals(reader, record.get("actor"));
        assertEquals("403 forbidden", record.get("outcome"));

        String anonymousWrite = unique("req-anonymous");
        rawAnonymous().header("X-Request-Id", anonymousWrite).contentType(ContentType.JSON)
                .body(Map.of("name", unique("Nope"))).post("/api/v1/topics").then().statusCode(401);
        String wrongPassword = unique("req-wrong");
        rawAnonymous().auth().preemptive().basic("editor", "not-the-password").header("X-Request-Id", wrongPassword)
                .contentType(ContentType.JSON).body(Map.of("name", unique("Nope"))).post("/api/v1/topics")
                .then().statusCode(401);
        sleepBriefly();
        assertEquals(0, records(anonymousWrite).size());
        assertEquals(0, records(wrongPassword).size());
        // Reads leave nothing either.
        String read = unique("req-read");
        api().header("X-Request-Id", read).get("/api/v1/topics").then().statusCode(200).header("X-Request-Id", read);
        assertEquals(0, records(read).size());
    }

    @Test
    void aRequestIdIsTheClientsWhenSaneElseGenerated() {
        anonymous().get("/api/v1/topics").then().statusCode(200).header("X-Request-Id", matchesPattern(UUID));
        for (String insane : List.of("has spaces", "x".repeat(65), "semi;colon", "")) {
            rawAnonymous().header("X-Request-Id", insane).get("/api/v1/topics").then().statusCode(200)
                    .header("X-Request-Id", matchesPattern(UUID));
        }
        String sane = "abc-123_./:@+=XYZ";
        anonymous().header("X-Request-Id", sane).get("/api/v1/topics").then().header("X-Request-Id", sane);
        // An error answer carries it too.
        rawAnonymous().header("X-Request-Id", sane).get("/api/v1/topics/999999999").then().statusCode(404)
                .header("X-Request-Id", sane);
        // A generated id is what the record holds.
        Response created = api().contentType(ContentType.JSON).body(Map.of("name", unique("Generated id")))
                .post("/api/v1/topics");
        String generated = created.header("X-Request-Id");
        assertTrue(generated.matches(UUID), generated);
        assertEquals("topic.create", single(generated).get("action"));
    }

    @Test
    void theListFiltersPagesNewestFirstAndIsForEditorsOnly() {
        String marker = unique("req-page");
        Instant before = Instant.now().minusSeconds(1);
        List<Long> topics = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            topics.add(api().header("X-Request-Id", marker + "-" + i).contentType(ContentType.JSON)
                    .body(Map.of("name", unique("Paged topic"))).post("/api/v1/topics").then().statusCode(201)
                    .extract().jsonPath().getLong("id"));
        }
        JsonPath page = api().queryParam("action", "topic.create").queryParam("actor", "editor")
                .queryParam("targetType", "topic").queryParam("from", before.toString()).queryParam("size", 2)
                .get(ACTIVITY).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(String.valueOf(topics.get(2)), String.valueOf(topics.get(1))),
                page.getList("items.targetId"), "newest first");
        String cursor = page.getString("nextCursor");
        assertNotNull(cursor);
        JsonPath next = api().queryParam("action", "topic.create").queryParam("actor", "editor")
                .queryParam("targetType", "topic").queryParam("from", before.toString()).queryParam("size", 2)
                .queryParam("cursor", cursor).get(ACTIVITY).then().statusCode(200).extract().jsonPath();
        assertEquals(String.valueOf(topics.get(0)), next.getString("items[0].targetId"));
        api().queryParam("to", before.toString()).queryParam("action", "topic.create").queryParam("size", 100)
                .get(ACTIVITY).then().statusCode(200).extract().jsonPath().getList("items.requestId")
                .forEach(id -> assertFalse(String.valueOf(id).startsWith(marker)));
        JsonPath sortedOldestFirst = api().queryParam("sort", "at").queryParam("size", 1).get(ACTIVITY).jsonPath();
        assertEquals(1, sortedOldestFirst.getList("items").size());

        problem(raw().queryParam("from", "yesterday").get(ACTIVITY), 400, "validation", ACTIVITY);
        problem(raw().queryParam("sort", "actor").get(ACTIVITY), 400, "validation", ACTIVITY);
        problem(raw().queryParam("targetType", "revision").get(ACTIVITY), 400, "validation", ACTIVITY);
        problem(raw().queryParam("action", "drop table").get(ACTIVITY), 400, "validation", ACTIVITY);
        problem(raw().queryParam("requestId", "a b").get(ACTIVITY), 400, "validation", ACTIVITY);
        problem(raw().queryParam("from", "2024-11-02T00:00:00Z").queryParam("to", "2024-11-01T00:00:00Z")
                .get(ACTIVITY), 400, "validation", ACTIVITY);
        problem(rawAnonymous().get(ACTIVITY), 401, "unauthorized", ACTIVITY);
        String reader = unique("onlooker").toLowerCase();
        api().contentType(ContentType.JSON).body(Map.of("username", reader, "password", "onlooker-password-1",
                "roles", List.of())).post("/api/v1/accounts").then().statusCode(201);
        problem(raw().auth().preemptive().basic(reader, "onlooker-password-1").get(ACTIVITY), 403, "forbidden",
                ACTIVITY);
    }

    @Test
    void recordsCannotBeChangedThroughTheApi() {
        for (String method : List.of("POST", "PUT", "PATCH", "DELETE")) {
            Response response = raw().contentType(ContentType.JSON).body("{}").request(method, ACTIVITY);
            problem(response, 405, "method-not-allowed", ACTIVITY);
            response.then().header("Allow", equalTo("GET, HEAD"));
        }
        raw().delete(ACTIVITY + "/1").then().statusCode(404);
    }

    // ------------------------------------------------------------------ helpers

    /** Sends a write with a fresh request id: {requestId, action, targetType, targetId, response}. */
    private static Object[] write(String action, String targetType, String targetId,
                                  java.util.function.Function<RequestSpecification, Response> send) {
        String requestId = unique("req-" + action);
        Response response = send.apply(api().header("X-Request-Id", requestId));
        response.then().header("X-Request-Id", requestId);
        return new Object[] {requestId, action, targetType, targetId, response};
    }

    /** The records of one request (a failure may come a moment after its answer: waits for one, up to 5 s). */
    private static Map<String, Object> single(String requestId) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        List<Map<String, Object>> records = records(requestId);
        while (records.isEmpty() && System.nanoTime() < deadline) {
            sleepBriefly();
            records = records(requestId);
        }
        assertEquals(1, records.size(), "records of " + requestId + ": " + records);
        return records.get(0);
    }

    private static List<Map<String, Object>> records(String requestId) {
        return api().queryParam("requestId", requestId).get(ACTIVITY).then().statusCode(200)
                .extract().jsonPath().getList("items");
    }

    private static Map<String, Object> pick(Map<String, Object> record, String... keys) {
        Map<String, Object> picked = new java.util.HashMap<>();
        for (String key : keys) {
            picked.put(key, record.get(key));
        }
        return picked;
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
