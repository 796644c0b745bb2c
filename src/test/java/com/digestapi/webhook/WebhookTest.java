package com.digestapi.webhook;

import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.newArticle;
import static com.digestapi.support.Api.newIssue;
import static com.digestapi.support.Api.newOutlet;
import static com.digestapi.support.Api.newTopic;
import static com.digestapi.support.Api.raw;
import static com.digestapi.support.Api.rawAnonymous;
import static com.digestapi.support.Api.unique;
import static com.digestapi.support.ProblemChecks.problem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.digestapi.outlet.OutletInput;
import com.digestapi.outlet.OutletService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Webhooks: managed by editors, filled inside content writes, delivered signed, in order, at least once. */
@QuarkusTest
class WebhookTest {

    static final String WEBHOOKS = "/api/v1/webhooks";
    static final List<String> ALL = List.of(EventType.CODES);

    @Inject
    OutletService outlets;

    @Inject
    EntityManager em;

    @Inject
    WebhookSender sender;

    /** Runs the body with a receiver subscribed to these events; the subscription is deleted afterwards. */
    static void subscribed(List<String> events, Consumer<Subscription> body) {
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            JsonPath created = api().contentType(ContentType.JSON)
                    .body(Map.of("url", receiver.url(), "events", events)).post(WEBHOOKS)
                    .then().statusCode(201).extract().jsonPath();
            receiver.secret(created.getString("secret"));
            long id = created.getLong("id");
            try {
                body.accept(new Subscription(id, receiver));
            } finally {
                raw().delete(WEBHOOKS + "/{id}", id);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    record Subscription(long id, WebhookReceiver receiver) {
    }

    // ------------------------------------------------------------------ managing subscriptions

    @Test
    void aSubscriptionShowsItsSecretOnceAndListsWithoutIt() {
        String url = "http://127.0.0.1:9/" + unique("hook");
        JsonPath created = api().contentType(ContentType.JSON)
                .body(Map.of("url", url, "events", List.of("issue.published", "article.published"))).post(WEBHOOKS)
                .then().statusCode(201)
                .header("Location", matchesPattern("^http://[^/]+" + WEBHOOKS + "/\\d+$"))
                .body("url", equalTo(url))
                .body("events", equalTo(List.of("article.published", "issue.published")))
                .body("active", equalTo(true))
                .body("secret", matchesPattern("^whsec_[A-Za-z0-9+/]{43}=$"))
                .extract().jsonPath();
        long id = created.getLong("id");
        String secret = created.getString("secret");
        assertEquals(32, java.util.Base64.getDecoder().decode(secret.substring(6)).length);

        api().get(WEBHOOKS).then().statusCode(200)
                .body("find { it.id == " + id + " }.url", equalTo(url))
                .body("find { it.id == " + id + " }", not(hasKey("secret")))
                .body(not(containsString(secret)));
        api().get(WEBHOOKS + "/{id}", id).then().statusCode(200)
                .body("active", equalTo(true)).body("disabledReason", nullValue()).body("$", not(hasKey("secret")));

        // Pausing shows why; the events can change; enabling clears the reason.
        api().contentType("application/merge-patch+json").body(Map.of("active", false, "events", List.of("topic.created")))
                .patch(WEBHOOKS + "/{id}", id).then().statusCode(200)
                .body("active", equalTo(false)).body("disabledReason", equalTo(Webhooks.PAUSED))
                .body("events", equalTo(List.of("topic.created")));
        api().contentType(ContentType.JSON).body(Map.of("active", true)).patch(WEBHOOKS + "/{id}", id)
                .then().statusCode(200).body("active", equalTo(true)).body("disabledReason", nullValue())
                .body("disabledAt", nullValue());

        api().delete(WEBHOOKS + "/{id}", id).then().statusCode(204);
        problem(raw().get(WEBHOOKS + "/{id}", id), 404, "not-found", WEBHOOKS + "/" + id);
    }

    @Test
    void everyWrongRequestIsAProblem() {
        JsonPath noUrl = problem(raw().contentType(ContentType.JSON).body(Map.of("events", List.of("article.published")))
                .post(WEBHOOKS), 400, "validation", WEBHOOKS);
        assertEquals("url", noUrl.getString("errors[0].field"));
        JsonPath ftp = problem(raw().contentType(ContentType.JSON)
                .body(Map.of("url", "ftp://partner.example/x", "events", List.of("article.published")))
                .post(WEBHOOKS), 400, "validation", WEBHOOKS);
        assertEquals("url", ftp.getString("errors[0].field"));
        JsonPath unknown = problem(raw().contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/x", "events", List.of("article.published", "article.liked")))
                .post(WEBHOOKS), 400, "validation", WEBHOOKS);
        assertThat(unknown.getString("errors[0].field"), matchesPattern("^events.*"));
        assertThat(unknown.getString("detail"), containsString("must be an event type"));
        JsonPath none = problem(raw().contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/x", "events", List.of())).post(WEBHOOKS),
                400, "validation", WEBHOOKS);
        assertEquals("events", none.getString("errors[0].field"));
        JsonPath twice = problem(raw().contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/x", "events", List.of("topic.created", "topic.created")))
                .post(WEBHOOKS), 400, "validation", WEBHOOKS);
        assertEquals("events", twice.getString("errors[0].field"));
        problem(raw().contentType(ContentType.JSON).body("{\"url\": 7, \"events\": []}").post(WEBHOOKS),
                400, "malformed-json", WEBHOOKS);
        JsonPath ownSecret = problem(raw().contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/x", "events", List.of("topic.created"), "secret", "mine"))
                .post(WEBHOOKS), 400, "validation", WEBHOOKS);
        assertThat(ownSecret.getString("detail"), containsString("secret"));

        problem(rawAnonymous().get(WEBHOOKS), 401, "unauthorized", WEBHOOKS);
        problem(rawAnonymous().contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/x", "events", List.of("topic.created"))).post(WEBHOOKS),
                401, "unauthorized", WEBHOOKS);

        long missing = 9_000_000_000L + System.nanoTime() % 1_000_000;
        String path = WEBHOOKS + "/" + missing;
        problem(raw().get(path), 404, "not-found", path);
        problem(raw().contentType(ContentType.JSON).body(Map.of("active", true)).patch(path), 404, "not-found", path);
        problem(raw().delete(path), 404, "not-found", path);
        problem(raw().get(path + "/deliveries"), 404, "not-found", path + "/deliveries");
        problem(raw().post(path + "/ping"), 404, "not-found", path + "/ping");

        long id = api().contentType(ContentType.JSON)
                .body(Map.of("url", "http://127.0.0.1:9/" + unique("x"), "events", List.of("topic.created")))
                .post(WEBHOOKS).then().statusCode(201).extract().jsonPath().getLong("id");
        try {
            String one = WEBHOOKS + "/" + id;
            JsonPath nullActive = problem(raw().contentType(ContentType.JSON).body("{\"active\": null}").patch(one),
                    400, "validation", one);
            assertEquals("active", nullActive.getString("errors[0].field"));
            JsonPath badUrl = problem(raw().contentType(ContentType.JSON).body(Map.of("url", "mailto:a@b.example"))
                    .patch(one), 400, "validation", one);
            assertEquals("url", badUrl.getString("errors[0].field"));
            problem(raw().header("If-Match", "\"stale\"").contentType(ContentType.JSON).body(Map.of("active", true))
                    .patch(one), 412, "precondition-failed", one);
            JsonPath status = problem(raw().queryParam("status", "lost").get(one + "/deliveries"),
                    400, "validation", one + "/deliveries");
            assertEquals("status", status.getString("errors[0].field"));
            problem(raw().queryParam("sort", "url").get(one + "/deliveries"), 400, "validation", one + "/deliveries");
            api().contentType(ContentType.JSON).body(Map.of("active", false)).patch(one).then().statusCode(200);
            JsonPath disabled = problem(raw().post(one + "/ping"), 409, "conflict", one + "/ping");
            assertThat(disabled.getString("detail"), containsString("active"));
        } finally {
            api().delete(WEBHOOKS + "/{id}", id).then().statusCode(204);
        }
    }

    // ------------------------------------------------------------------ deliveries

    @Test
    void anArticlesLifeIsDeliveredSignedWithItsRepresentationThenItsTombstone() {
        subscribed(ALL, hook -> {
            long outlet = newOutlet();
            JsonPath created = hook.receiver().await("outlet.created", outlet).json();
            assertEquals(api().get("/api/v1/outlets/{id}", outlet).then().extract().jsonPath().getMap("$"),
                    created.getMap("data"));
            long issue = newIssue("2024-11-02", "PUBLISHED");
            hook.receiver().await("issue.published", issue);
            String headline = unique("Webhook article");
            long article = newArticle(issue, outlet, headline, Map.of());
            WebhookReceiver.Receipt published = hook.receiver().await("article.published", article);
            assertEquals(headline, published.json().getString("data.headline"));
            assertNotNull(Instant.parse(published.json().getString("timestamp")));
            assertEquals(published.json().getMap("$").keySet(), java.util.Set.of("type", "timestamp", "data"));
            assertThat(published.id(), matchesPattern("^msg_[0-9]+$"));

            api().contentType(ContentType.JSON).body(Map.of("summary", "Changed summary"))
                    .patch("/api/v1/articles/{id}", article).then().statusCode(200);
            assertEquals("Changed summary",
                    hook.receiver().await("article.updated", article).json().getString("data.summary"));

            String slug = api().get("/api/v1/articles/{id}", article).then().extract().jsonPath().getString("slug");
            api().delete("/api/v1/articles/{id}", article).then().statusCode(204);
            JsonPath tombstone = hook.receiver().await("article.deleted", article).json();
            assertEquals(Map.of("type", "article", "op", "delete", "id", (int) article, "slug", slug,
                    "reason", "deleted", "at", tombstone.getString("data.at")), tombstone.getMap("data"));

            // Moved to a draft issue: withdrawn. Left in an issue that goes back to draft: unpublished, like the issue.
            long moved = newArticle(issue, outlet, unique("Moved"), Map.of());
            long staying = newArticle(issue, outlet, unique("Staying"), Map.of());
            long draft = newIssue("2024-11-09", "DRAFT");
            api().contentType(ContentType.JSON).body(Map.of("issueId", draft)).patch("/api/v1/articles/{id}", moved)
                    .then().statusCode(200);
            assertEquals("withdrawn", hook.receiver().await("article.withdrawn", moved).json().getString("data.reason"));
            api().contentType(ContentType.JSON).body(Map.of("status", "DRAFT")).patch("/api/v1/issues/{id}", issue)
                    .then().statusCode(200);
            assertEquals("unpublished", hook.receiver().await("issue.unpublished", issue).json().getString("data.reason"));
            assertEquals("unpublished",
                    hook.receiver().await("article.unpublished", staying).json().getString("data.reason"));
            assertTrue(hook.receiver().receipts().stream().noneMatch(r -> r.body().contains("\"id\":" + draft + ",")),
                    "a draft issue is never announced");

            assertEquals(List.of(), hook.receiver().rejected());
            hook.receiver().receipts().forEach(r -> assertEquals(1, hook.receiver().times(r.id()), "no duplicates"));
            JsonPath deliveries = api().queryParam("status", "delivered").get(WEBHOOKS + "/{id}/deliveries", hook.id())
                    .then().statusCode(200).extract().jsonPath();
            assertTrue(deliveries.getList("items").size() >= 6);
            assertEquals(1, deliveries.getInt("items[0].attempts"));
            assertEquals(204, deliveries.getInt("items[0].lastResponseCode"));
        });
    }

    @Test
    void aScheduledPublishIsAnnouncedOnceWhenItHappensAndNotBefore() {
        subscribed(List.of("issue.published", "article.published"), hook -> {
            long outlet = newOutlet();
            Instant publishAt = Instant.now().plusMillis(1_500);
            long issue = api().contentType(ContentType.JSON).body(Map.of("title", unique("Scheduled hook"),
                            "publishedOn", "2024-11-16", "status", "SCHEDULED", "publishAt", publishAt.toString()))
                    .post("/api/v1/issues").then().statusCode(201).extract().jsonPath().getLong("id");
            long article = newArticle(issue, outlet, unique("Scheduled article"), Map.of());
            WebhookReceiver.Receipt published = hook.receiver().await("issue.published", issue);
            assertFalse(published.at().isBefore(publishAt), "announced at " + published.at() + ", before " + publishAt);
            assertEquals("PUBLISHED", published.json().getString("data.status"));
            hook.receiver().await("article.published", article);
            WebhookReceiver.sleep(500);
            assertEquals(1, hook.receiver().receipts().stream()
                    .filter(r -> r.type().equals("issue.published") && r.dataId() == issue).count());
            assertEquals(1, hook.receiver().receipts().stream()
                    .filter(r -> r.type().equals("article.published") && r.dataId() == article).count());
        });
    }

    @Test
    void onlyTheEventsASubscriptionAskedForAreQueued() {
        subscribed(List.of("topic.deleted"), hook -> {
            long topic = newTopic();
            api().contentType(ContentType.JSON).body(Map.of("name", unique("Renamed")))
                    .patch("/api/v1/topics/{id}", topic).then().statusCode(200);
            api().delete("/api/v1/topics/{id}", topic).then().statusCode(204);
            assertEquals("topic", hook.receiver().await("topic.deleted", topic).json().getString("data.type"));
            assertEquals(List.of("topic.deleted"), hook.receiver().receipts().stream()
                    .map(WebhookReceiver.Receipt::type).toList());
        });
    }

    @Test
    void aRolledBackWriteQueuesAndSendsNothing() {
        subscribed(List.of("outlet.created"), hook -> {
            String name = unique("Rolled back");
            long[] queued = new long[1];
            QuarkusTransaction.begin();
            try {
                created(name);
                queued[0] = ((Number) em.createNativeQuery("select count(*) from webhook_delivery where subscription_id = ?1")
                        .setParameter(1, hook.id()).getSingleResult()).longValue();
            } finally {
                QuarkusTransaction.rollback();
            }
            assertEquals(1, queued[0], "the write queued its event in its own transaction");
            // A committed write after it is delivered; the rolled-back one never is.
            long outlet = newOutlet();
            hook.receiver().await("outlet.created", outlet);
            WebhookReceiver.sleep(300);
            assertTrue(hook.receiver().receipts().stream().noneMatch(r -> r.body().contains(name)));
            assertEquals(1, hook.receiver().receipts().size());
        });
    }

    void created(String name) {
        outlets.create(new OutletInput(null, name, null, null, null));
    }

    @Test
    void aFailedDeliveryIsRetriedWithTheSameIdAndTheQueueKeepsItsOrder() {
        subscribed(List.of("outlet.created", "outlet.updated"), hook -> {
            hook.receiver().answer(500, 503);
            long outlet = newOutlet();
            List<String> names = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                String name = unique("Order");
                names.add(name);
                api().contentType(ContentType.JSON).body(Map.of("name", name)).patch("/api/v1/outlets/{id}", outlet)
                        .then().statusCode(200);
            }
            hook.receiver().await(r -> r.body().contains(names.get(4)) || received(hook, outlet, 6),
                    Duration.ofSeconds(20));
            List<WebhookReceiver.Receipt> all = hook.receiver().receipts();
            // The first delivery was refused twice, then accepted, under one id.
            String first = all.get(0).id();
            assertEquals(List.of(500, 503, 204), all.subList(0, 3).stream().map(WebhookReceiver.Receipt::answered).toList());
            assertEquals(List.of(first, first, first), all.subList(0, 3).stream().map(WebhookReceiver.Receipt::id).toList());
            assertEquals(3, hook.receiver().times(first));
            // Processed in commit order: created, then the renames one after the other (each rendered when its turn
            // came, so a later state may arrive early, never an earlier one late).
            List<WebhookReceiver.Receipt> processed = hook.receiver().processed();
            assertEquals("outlet.created", processed.get(0).type());
            long previous = 0;
            for (WebhookReceiver.Receipt receipt : processed) {
                long id = Long.parseLong(receipt.id().substring(4));
                assertTrue(id > previous, "in queue order: " + processed);
                previous = id;
            }
            JsonPath delivery = api().queryParam("sort", "id").get(WEBHOOKS + "/{id}/deliveries", hook.id())
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(first, delivery.getString("items[0].messageId"));
            assertEquals(3, delivery.getInt("items[0].attempts"));
            assertEquals("delivered", delivery.getString("items[0].status"));
            assertEquals(204, delivery.getInt("items[0].lastResponseCode"));
            assertNull(delivery.get("items[0].lastError"));
        });
    }

    private static boolean received(Subscription hook, long outlet, int count) {
        return hook.receiver().processed().stream().filter(r -> r.dataId() == outlet).count() >= count;
    }

    @Test
    void aPingIsSignedAndATargetThatKeepsFailingIsDisabledWithItsReason() {
        subscribed(List.of("topic.created"), hook -> {
            JsonPath ping = api().post(WEBHOOKS + "/{id}/ping", hook.id()).then().statusCode(202)
                    .extract().jsonPath();
            assertEquals("webhook.ping", ping.getString("type"));
            WebhookReceiver.Receipt received = hook.receiver().await(r -> r.type().equals("webhook.ping"),
                    Duration.ofSeconds(10));
            assertEquals(hook.id(), received.json().getLong("data.webhookId"));
            assertEquals(ping.getString("messageId"), received.id());

            // From now on the target fails: retried with backoff until digest.webhooks.give-up-after (2 s in tests).
            hook.receiver().refuseWith(500);
            api().post(WEBHOOKS + "/{id}/ping", hook.id()).then().statusCode(202);
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            JsonPath view;
            do {
                WebhookReceiver.sleep(100);
                view = api().get(WEBHOOKS + "/{id}", hook.id()).then().statusCode(200).extract().jsonPath();
            } while (view.getBoolean("active") && System.nanoTime() < deadline);
            assertEquals(false, view.getBoolean("active"));
            assertNotNull(view.getString("disabledAt"));
            assertThat(view.getString("disabledReason"), containsString("answered 500"));
            JsonPath failed = api().queryParam("status", "failed").get(WEBHOOKS + "/{id}/deliveries", hook.id())
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(1, failed.getList("items").size());
            assertTrue(failed.getInt("items[0].attempts") >= 3, "retried with backoff");
            assertEquals(500, failed.getInt("items[0].lastResponseCode"));
            assertEquals("scripted 500", failed.getString("items[0].lastResponseBody"));
            assertThat(failed.getString("items[0].lastError"), containsString("500"));
            List<WebhookReceiver.Receipt> attempts = hook.receiver().receipts().stream()
                    .filter(r -> r.answered() == 500).toList();
            assertTrue(attempts.stream().allMatch(r -> r.id().equals(attempts.get(0).id())), "one id for all attempts");
            for (int i = 2; i < attempts.size(); i++) {
                Duration before = Duration.between(attempts.get(i - 2).at(), attempts.get(i - 1).at());
                Duration after = Duration.between(attempts.get(i - 1).at(), attempts.get(i).at());
                assertTrue(after.toMillis() * 3 >= before.toMillis(), "the waits grow: " + attempts);
            }
            // Disabled: new events are not queued for it.
            long topic = newTopic();
            WebhookReceiver.sleep(300);
            assertTrue(hook.receiver().receipts().stream().noneMatch(r -> r.body().contains("\"id\":" + topic + ",")));
        });
    }

    @Test
    void doneDeliveriesAreForgottenAfterTheRetention() {
        subscribed(List.of("topic.created"), hook -> {
            long topic = newTopic();
            hook.receiver().await("topic.created", topic);
            String deliveries = WEBHOOKS + "/" + hook.id() + "/deliveries";
            api().get(deliveries).then().statusCode(200).body("totalItems", equalTo(1));
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update webhook_delivery"
                    + " set occurred_at = occurred_at - interval '31' day where subscription_id = ?1")
                    .setParameter(1, hook.id()).executeUpdate());
            assertTrue(sender.prune() >= 1);
            api().get(deliveries).then().statusCode(200).body("totalItems", equalTo(0));
        });
    }

    @Test
    void signaturesMatchTheStandardWebhooksReferenceVector() {
        String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
        String body = "{\"test\": 2432232314}";
        String signature = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";
        assertEquals(signature, WebhookSecrets.signature(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body));
        assertNull(WebhookReceiver.check(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", "1614265330", signature, body,
                Instant.ofEpochSecond(1614265330)));
    }

    @Test
    void theReceiverRejectsATamperedBodyAndAnOldTimestamp() {
        String secret = WebhookSecrets.generate();
        String body = "{\"type\":\"topic.created\",\"timestamp\":\"2026-12-03T10:00:00Z\",\"data\":{\"id\":1}}";
        long now = Instant.now().getEpochSecond();
        String signature = WebhookSecrets.signature(secret, "msg_1", now, body);
        assertNull(WebhookReceiver.check(secret, "msg_1", Long.toString(now), signature, body, Instant.now()));
        assertNotNull(WebhookReceiver.check(secret, "msg_1", Long.toString(now), signature,
                body.replace("\"id\":1", "\"id\":2"), Instant.now()));
        assertNotNull(WebhookReceiver.check(secret, "msg_2", Long.toString(now), signature, body, Instant.now()));
        long old = now - 301;
        assertNotNull(WebhookReceiver.check(secret, "msg_1", Long.toString(old),
                WebhookSecrets.signature(secret, "msg_1", old, body), body, Instant.now()));
        assertNotNull(WebhookReceiver.check(WebhookSecrets.generate(), "msg_1", Long.toString(now), signature, body,
                Instant.now()));
    }
}
