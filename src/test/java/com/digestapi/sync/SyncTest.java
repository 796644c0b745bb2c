package com.digestapi.sync;

import static com.digestapi.support.Api.anonymous;
import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.newArticle;
import static com.digestapi.support.Api.newIssue;
import static com.digestapi.support.Api.newOutlet;
import static com.digestapi.support.Api.newTopic;
import static com.digestapi.support.Api.rawAnonymous;
import static com.digestapi.support.Api.unique;
import static com.digestapi.support.ProblemChecks.problem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.digestapi.caching.ContentVersion;
import com.digestapi.caching.ReadCacheTest;
import com.digestapi.changelog.ChangeLog;
import com.digestapi.support.SentSql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * GET /api/v1/sync through HTTP: the initial sync, deltas with upserts that equal what a reader GETs and tombstones
 * with each reason, the types filter, paging tokens, 400 and 410 problems, drafts kept out, caching, the statement
 * count, and the OpenAPI description. Each test makes its own data and looks only at the items about it.
 */
@QuarkusTest
class SyncTest {

    private static final String SYNC = "/api/v1/sync";
    private static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    EntityManager em;

    @Inject
    ContentVersion contentVersion;

    @Inject
    ChangeLog changeLog;

    private static SyncClient partner;

    /** The class's partner, caught up with everything so far: its next round holds what the test changes next. */
    private static SyncClient caughtUp() {
        if (partner == null) {
            partner = new SyncClient(null, 500);
        }
        partner.catchUp();
        return partner;
    }

    // ------------------------------------------------------------------ initial sync

    @Test
    void anInitialSyncHoldsEveryPublicResourceAsReadersGetItAndNoDraft() {
        long outlet = newOutlet(Map.of("country", "KZ"));
        long topic = newTopic();
        long published = newIssue("2024-11-09", "PUBLISHED");
        long article = newArticle(published, outlet, unique("Public"), Map.of("topicIds", List.of(topic),
                "quotes", List.of(Map.of("text", "A quote", "attribution", "Someone"))));
        long draft = newIssue("2024-11-16", "DRAFT");
        long draftArticle = newArticle(draft, outlet, unique("Draft"));

        SyncClient fresh = new SyncClient(null, 500);
        assertTrue(fresh.catchUp().stream().allMatch(item -> "upsert".equals(item.get("op"))), "only upserts");

        assertEquals(readerGets("/api/v1/articles/" + article), fresh.held("article", article));
        assertEquals(issueAsListed(published), fresh.held("issue", published));
        assertEquals(readerGets("/api/v1/outlets/" + outlet), fresh.held("outlet", outlet));
        assertEquals(readerGets("/api/v1/topics/" + topic), fresh.held("topic", topic));
        assertNull(fresh.held("issue", draft), "a draft issue is not synced");
        assertNull(fresh.held("article", draftArticle), "an article of a draft issue is not synced");
        // Every public resource, no more: as many as the public lists count.
        for (String type : List.of("article", "issue", "outlet", "topic")) {
            long listed = anonymous().queryParam("size", 1).get("/api/v1/" + type + "s").then().statusCode(200)
                    .extract().jsonPath().getLong("totalItems");
            assertEquals(listed, fresh.replica.getOrDefault(type, Map.of()).size(), type);
        }
    }

    @Test
    void anInitialSyncPagesByTypeThenIdWithPageTokensAndEndsWithASyncToken() {
        newOutlet();
        newTopic();
        List<String> seen = new ArrayList<>();
        String token = null;
        int pages = 0;
        do {
            Response response = anonymous().queryParam("types", "outlet,topic").queryParam("size", 7)
                    .queryParam("token", token == null ? List.of() : List.of(token)).get(SYNC);
            JsonPath page = response.then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            assertTrue(items.size() <= 7, "at most size items");
            items.forEach(item -> seen.add(item.get("type") + "/" + item.get("id")));
            token = page.getString("nextPageToken");
            if (token != null) {
                assertNull(page.getString("nextSyncToken"), "a page with more after it names no sync token");
            } else {
                assertNotNull(page.getString("nextSyncToken"), "the last page names the sync token");
                assertEquals(Set.of("items", "nextSyncToken"), page.getMap("$").keySet());
            }
            pages++;
        } while (token != null);
        assertTrue(pages > 1, "several pages");
        assertEquals(seen.size(), new HashSet<>(seen).size(), "no resource twice");
        List<String> sorted = new ArrayList<>(seen);
        sorted.sort((a, b) -> {
            String[] x = a.split("/");
            String[] y = b.split("/");
            return x[0].equals(y[0]) ? Long.compare(Long.parseLong(x[1]), Long.parseLong(y[1])) : x[0].compareTo(y[0]);
        });
        assertEquals(sorted, seen, "by type, then id");
        SyncClient whole = new SyncClient("outlet,topic", 500);
        whole.catchUp();
        assertEquals(whole.replica.get("outlet").size() + whole.replica.get("topic").size(), seen.size());
    }

    // ------------------------------------------------------------------ deltas

    @Test
    void deltaUpsertsCarryWhatReadersGetNow() {
        SyncClient client = caughtUp();
        long outlet = newOutlet();
        long topic = newTopic();
        long issue = newIssue("2024-11-23", "PUBLISHED");
        long article = newArticle(issue, outlet, unique("Upserted"), Map.of("topicIds", List.of(topic)));

        List<Map<String, Object>> round = client.catchUp();
        Map<String, Object> item = only(round, "article", article);
        assertEquals(Set.of("type", "op", "id", "data"), item.keySet());
        assertEquals("upsert", item.get("op"));
        assertEquals(readerGets("/api/v1/articles/" + article), item.get("data"));
        assertEquals(issueAsListed(issue), only(round, "issue", issue).get("data"));
        assertEquals(readerGets("/api/v1/outlets/" + outlet), only(round, "outlet", outlet).get("data"));
        assertEquals(readerGets("/api/v1/topics/" + topic), only(round, "topic", topic).get("data"));
        assertEquals(1, ((Number) readerGets("/api/v1/outlets/" + outlet).get("articleCount")).intValue());

        // A rename changes what the articles embed: they come again, with the new name.
        String renamed = unique("Renamed outlet");
        api().contentType(MERGE_PATCH).body(Map.of("name", renamed)).patch("/api/v1/outlets/{id}", outlet)
                .then().statusCode(200);
        round = client.catchUp();
        assertEquals(readerGets("/api/v1/outlets/" + outlet), only(round, "outlet", outlet).get("data"));
        Map<String, Object> moved = only(round, "article", article);
        assertEquals(readerGets("/api/v1/articles/" + article), moved.get("data"));
        assertEquals(renamed, ((Map<?, ?>) ((Map<?, ?>) moved.get("data")).get("outlet")).get("name"));

        // Another outlet: both counts move.
        long other = newOutlet();
        client.catchUp();
        api().contentType(MERGE_PATCH).body(Map.of("outletId", other)).patch("/api/v1/articles/{id}", article)
                .then().statusCode(200);
        round = client.catchUp();
        assertEquals(0, ((Number) ((Map<?, ?>) only(round, "outlet", outlet).get("data")).get("articleCount")).intValue());
        assertEquals(readerGets("/api/v1/outlets/" + other), only(round, "outlet", other).get("data"));
        assertEquals(readerGets("/api/v1/articles/" + article), only(round, "article", article).get("data"));
        assertEquals(List.of(), SyncClient.about(round, "topic", topic), "its topic counts it still: no change");
        assertEquals(client.syncToken(), client.request(client.syncToken()).jsonPath().getString("nextSyncToken"),
                "a caught-up client keeps its token while nothing changes");
    }

    @Test
    void tombstonesSayWhyReadersLostAResource() {
        long outlet = newOutlet();
        long spareOutlet = newOutlet();
        long topic = newTopic();
        long issue = newIssue("2024-11-30", "PUBLISHED");
        long draft = newIssue("2024-12-07", "DRAFT");
        long first = newArticle(issue, outlet, unique("First"), Map.of("topicIds", List.of(topic)));
        long second = newArticle(issue, outlet, unique("Second"));
        long third = newArticle(issue, outlet, unique("Third"), Map.of("topicIds", List.of(topic)));
        String firstSlug = slugOf("/api/v1/articles/" + first);
        SyncClient client = caughtUp();

        // Withdrawn: the article left its published issue for a draft one; the others move up.
        Instant before = Instant.now().minusSeconds(1);
        api().contentType(MERGE_PATCH).body(Map.of("issueId", draft)).patch("/api/v1/articles/{id}", first)
                .then().statusCode(200);
        List<Map<String, Object>> round = client.catchUp();
        Map<String, Object> withdrawn = only(round, "article", first);
        assertEquals(Set.of("type", "op", "id", "slug", "at", "reason"), withdrawn.keySet());
        assertEquals("delete", withdrawn.get("op"));
        assertEquals("withdrawn", withdrawn.get("reason"));
        assertEquals(firstSlug, withdrawn.get("slug"));
        Instant at = Instant.parse((String) withdrawn.get("at"));
        assertTrue(!at.isBefore(before) && !at.isAfter(Instant.now().plusSeconds(1)), "at is when it happened: " + at);
        assertEquals(readerGets("/api/v1/articles/" + second), only(round, "article", second).get("data"));
        assertEquals(1, ((Number) ((Map<?, ?>) only(round, "article", second).get("data")).get("position")).intValue());
        assertEquals(issueAsListed(issue), only(round, "issue", issue).get("data"));
        assertEquals(readerGets("/api/v1/topics/" + topic), only(round, "topic", topic).get("data"));
        assertNull(client.held("article", first));

        // Unpublished: the issue went back to draft, with its articles; the outlet counts them no more.
        api().contentType(MERGE_PATCH).body(Map.of("status", "DRAFT")).patch("/api/v1/issues/{id}", issue)
                .then().statusCode(200);
        round = client.catchUp();
        for (Map.Entry<String, Long> gone : List.of(Map.entry("issue", issue), Map.entry("article", second),
                Map.entry("article", third))) {
            Map<String, Object> tombstone = only(round, gone.getKey(), gone.getValue());
            assertEquals("delete", tombstone.get("op"));
            assertEquals("unpublished", tombstone.get("reason"), tombstone.toString());
            assertNull(client.held(gone.getKey(), gone.getValue()));
        }
        assertEquals(0, ((Number) ((Map<?, ?>) only(round, "outlet", outlet).get("data")).get("articleCount")).intValue());

        // Published again: upserts.
        api().contentType(MERGE_PATCH).body(Map.of("status", "PUBLISHED")).patch("/api/v1/issues/{id}", issue)
                .then().statusCode(200);
        round = client.catchUp();
        assertEquals(issueAsListed(issue), only(round, "issue", issue).get("data"));
        assertEquals(readerGets("/api/v1/articles/" + third), only(round, "article", third).get("data"));
        assertEquals(readerGets("/api/v1/outlets/" + outlet), client.held("outlet", outlet));

        // Deleted: an article, a topic (its articles lose it), an outlet, an issue with its articles.
        api().delete("/api/v1/articles/{id}", second).then().statusCode(204);
        api().delete("/api/v1/topics/{id}", topic).then().statusCode(204);
        api().delete("/api/v1/outlets/{id}", spareOutlet).then().statusCode(204);
        round = client.catchUp();
        assertEquals("deleted", only(round, "article", second).get("reason"));
        assertEquals("deleted", only(round, "topic", topic).get("reason"));
        assertEquals("deleted", only(round, "outlet", spareOutlet).get("reason"));
        assertEquals(readerGets("/api/v1/articles/" + third), client.held("article", third));
        assertEquals(List.of(), ((Map<?, ?>) client.held("article", third)).get("topics"));

        api().delete("/api/v1/issues/{id}", issue).then().statusCode(204);
        round = client.catchUp();
        assertEquals("deleted", only(round, "issue", issue).get("reason"));
        assertEquals("deleted", only(round, "article", third).get("reason"));
        assertNull(client.held("issue", issue));
        assertEquals(readerGets("/api/v1/outlets/" + outlet), client.held("outlet", outlet));
    }

    @Test
    void draftsNeverReachAPartner() {
        SyncClient client = caughtUp();
        long outlet = newOutlet();
        long draft = newIssue("2024-12-14", "DRAFT");
        long article = newArticle(draft, outlet, unique("Never public"));
        long other = newArticle(draft, outlet, unique("Never public either"), Map.of("position", 1));
        api().contentType(MERGE_PATCH).body(Map.of("headline", unique("Edited draft"))).patch("/api/v1/articles/{id}",
                article).then().statusCode(200);
        api().delete("/api/v1/articles/{id}", other).then().statusCode(204);
        api().delete("/api/v1/issues/{id}", draft).then().statusCode(204);
        List<Map<String, Object>> round = client.catchUp();
        assertEquals(List.of(), SyncClient.about(round, "issue", draft));
        assertEquals(List.of(), SyncClient.about(round, "article", article));
        assertEquals(List.of(), SyncClient.about(round, "article", other));

        // Published, it appears; back to draft, it leaves under the slug readers knew, whatever it became since.
        long issue = newIssue("2024-12-21", "DRAFT");
        long shown = newArticle(issue, outlet, unique("Shown later"));
        api().contentType(MERGE_PATCH).body(Map.of("status", "PUBLISHED")).patch("/api/v1/issues/{id}", issue)
                .then().statusCode(200);
        round = client.catchUp();
        assertEquals(readerGets("/api/v1/articles/" + shown), only(round, "article", shown).get("data"));
        String publicSlug = slugOf("/api/v1/articles/" + shown);
        api().contentType(MERGE_PATCH).body(Map.of("status", "DRAFT")).patch("/api/v1/issues/{id}", issue)
                .then().statusCode(200);
        String secretSlug = unique("secret").toLowerCase();
        api().contentType(MERGE_PATCH).body(Map.of("slug", secretSlug)).patch("/api/v1/articles/{id}", shown)
                .then().statusCode(200);
        round = client.catchUp();
        assertEquals(publicSlug, only(round, "article", shown).get("slug"));
        assertTrue(round.stream().noneMatch(item -> item.toString().contains(secretSlug)), "the draft slug stays hidden");
        api().contentType(MERGE_PATCH).body(Map.of("status", "PUBLISHED")).patch("/api/v1/issues/{id}", issue)
                .then().statusCode(200);
        round = client.catchUp();
        assertEquals(secretSlug, ((Map<?, ?>) only(round, "article", shown).get("data")).get("slug"));
    }

    @Test
    void typesFilterTheSyncAndATokenKeepsItsTypes() {
        SyncClient articlesOnly = new SyncClient("article", 500);
        articlesOnly.catchUp();
        assertEquals(Set.of("article"), articlesOnly.replica.keySet());
        long outlet = newOutlet();
        long article = newArticle(newIssue(), outlet, unique("Typed"));
        List<Map<String, Object>> round = articlesOnly.catchUp();
        assertTrue(round.stream().allMatch(item -> "article".equals(item.get("type"))), round.toString());
        assertEquals(readerGets("/api/v1/articles/" + article), only(round, "article", article).get("data"));
        // Without types, the token's types apply.
        assertEquals(200, anonymous().queryParam("token", articlesOnly.syncToken()).get(SYNC).statusCode());

        JsonPath other = problem(anonymous().queryParam("types", "issue").queryParam("token", articlesOnly.syncToken())
                .get(SYNC), 400, "validation", SYNC);
        assertEquals(List.of("types"), other.getList("errors.field"));
        assertThat(other.getString("errors[0].message"), containsString("article"));
        JsonPath unknown = problem(anonymous().queryParam("types", "article,podcast").get(SYNC), 400, "validation", SYNC);
        assertEquals(List.of("types"), unknown.getList("errors.field"));
        assertThat(unknown.getString("errors[0].message"), containsString("podcast"));
        assertThat(unknown.getString("errors[0].message"), containsString("article, issue, outlet, topic"));
    }

    @Test
    void aMalformedOrChangedTokenIsA400NamingIt() {
        String token = caughtUp().syncToken();
        String cursor = anonymous().queryParam("size", 1).get("/api/v1/articles").then().statusCode(200).extract()
                .jsonPath().getString("nextCursor");
        char[] changed = token.toCharArray();
        changed[5] = changed[5] == 'A' ? 'B' : 'A';
        for (String bad : List.of("abc", new String(changed), cursor, token + "x", "%00")) {
            JsonPath body = problem(rawAnonymous().queryParam("token", bad).get(SYNC), 400, "validation", SYNC);
            assertEquals(List.of("token"), body.getList("errors.field"), bad);
        }
        JsonPath both = problem(rawAnonymous().queryParam("token", "abc").queryParam("size", 0).get(SYNC), 400,
                "validation", SYNC);
        assertEquals(List.of("token", "size"), both.getList("errors.field"));
        problem(rawAnonymous().queryParam("size", 501).get(SYNC), 400, "validation", SYNC);
    }

    @Test
    void aTokenWhoseNextChangeIsOlderThanTheRetentionIs410() {
        String token = caughtUp().syncToken();
        long version = SyncToken.decode(token).from().version();
        newTopic();
        // The write after the token happened 91 days ago, as far as the log can tell.
        Object kept = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select changed_at from content_change_set where version = (select min(version) from content_change_set"
                        + " where version > :v)").setParameter("v", version).getSingleResult());
        age("version = (select min(version) from content_change_set where version > " + version + ")", 91);
        JsonPath gone = problem(anonymous().queryParam("token", token).get(SYNC), 410, "sync-token-expired", SYNC);
        assertThat(gone.getString("detail"), containsString("initial sync"));
        assertThat(gone.getString("type"), containsString("/problems/sync-token-expired"));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update content_change_set set changed_at = :at"
                        + " where version = (select min(version) from content_change_set where version > :v)")
                .setParameter("at", kept).setParameter("v", version).executeUpdate());
        assertEquals(200, anonymous().queryParam("token", token).get(SYNC).statusCode(), "only its age made it expire");

        // A token of another database (or of history a restore undid): same version, another epoch.
        SyncToken foreign = SyncToken.decode(token);
        String other = SyncToken.caughtUp(foreign.types(), new ChangeLog.Point(foreign.from().version(),
                foreign.from().epoch() + 1)).encode();
        problem(anonymous().queryParam("token", other).get(SYNC), 410, "sync-token-expired", SYNC);
        String future = SyncToken.caughtUp(foreign.types(), new ChangeLog.Point(Long.MAX_VALUE, 1)).encode();
        problem(anonymous().queryParam("token", future).get(SYNC), 410, "sync-token-expired", SYNC);
    }

    @Test
    void pruningForgetsTombstonesOlderThanTheRetentionAndTheTokensThatNeedThem() {
        String old = caughtUp().syncToken();
        long topic = newTopic();
        api().delete("/api/v1/topics/{id}", topic).then().statusCode(204);
        List<Map<String, Object>> round = partner.catchUp();
        assertEquals("deleted", only(round, "topic", topic).get("reason"));
        String current = partner.syncToken();
        long head = SyncToken.decode(current).from().version();
        assertEquals(1, tombstones(topic));

        age("version <= " + head, 91);
        assertTrue(changeLog.prune() >= 1, "the old tombstone is removed");
        assertEquals(0, tombstones(topic));
        problem(anonymous().queryParam("token", old).get(SYNC), 410, "sync-token-expired", SYNC);
        assertEquals(200, anonymous().queryParam("token", current).get(SYNC).statusCode(),
                "a token with nothing old to deliver stays good");
    }

    // ------------------------------------------------------------------ HTTP

    @Test
    void syncAnswersAreTaggedAndCacheableLikeEveryRead() {
        String token = caughtUp().syncToken();
        Response first = anonymous().queryParam("token", token).get(SYNC);
        first.then().statusCode(200).contentType(ContentType.JSON).header("Cache-Control", "public, max-age=30");
        String etag = first.header("ETag");
        assertNotNull(etag);
        anonymous().queryParam("token", token).header("If-None-Match", etag).get(SYNC).then().statusCode(304);
    }

    /**
     * A page costs a fixed number of statements whatever its size: the check of the token, the newest change set, the
     * page of the log, then the current views per type (two for articles): eight with every type on the page.
     */
    @Test
    void aDeltaPageCostsTheSameStatementsWhateverItsSize() {
        String token = caughtUp().syncToken();
        importIssue(1);
        importIssue(30);
        ReadCacheTest.dropCachedReads(contentVersion);
        long small = statements(() -> anonymous().queryParam("token", token).queryParam("size", 4).get(SYNC), 4);
        // 1 + 1 + 1 + 1, then 30 articles, 1 issue, 30 outlets and 30 topics, then the topic that dropped the cache.
        long large = statements(() -> anonymous().queryParam("token", token).queryParam("size", 100).get(SYNC), 96);
        assertEquals(8, small, "token check + head + log page + articles (2) + issues + outlets + topics");
        assertEquals(small, large);

        long initialSmall = statements(() -> anonymous().queryParam("size", 4).get(SYNC), 4);
        long initialLarge = statements(() -> anonymous().queryParam("types", "issue,outlet,topic")
                .queryParam("size", 500).get(SYNC), -1);
        assertTrue(initialSmall <= 7 && initialLarge <= 7, initialSmall + ", " + initialLarge);
    }

    @Test
    void theOpenApiDocumentDescribesSync() {
        JsonPath document = RestAssured.given().accept(ContentType.JSON).get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Object> operation = document.getMap("paths.'/api/v1/sync'.get");
        assertNotNull(operation);
        List<Map<String, Object>> parameters = document.getList("paths.'/api/v1/sync'.get.parameters");
        assertTrue(parameters.stream().map(p -> p.get("name")).toList().containsAll(List.of("types", "token", "size")));
        Map<String, Object> responses = document.getMap("paths.'/api/v1/sync'.get.responses");
        assertTrue(responses.keySet().containsAll(List.of("200", "400", "410")), responses.keySet().toString());
        assertNotNull(document.get("paths.'/api/v1/sync'.get.responses.'410'.content.'application/problem+json'"));
        assertEquals(2, document.getList("components.schemas.SyncItem.oneOf").size());
        assertEquals(List.of("deleted", "unpublished", "withdrawn"),
                document.getList("components.schemas.SyncTombstone.properties.reason.enum"));
        assertEquals(4, document.getList("components.schemas.SyncUpsert.properties.data.anyOf").size());
    }

    // ------------------------------------------------------------------ helpers

    /** The one item of the round about this resource. */
    private static Map<String, Object> only(List<Map<String, Object>> round, String type, long id) {
        List<Map<String, Object>> items = SyncClient.about(round, type, id);
        assertEquals(1, items.size(), () -> type + " " + id + " in " + round);
        return items.get(0);
    }

    private static Map<String, Object> readerGets(String path) {
        return anonymous().get(path).then().statusCode(200).extract().jsonPath().getMap("$");
    }

    /** An issue as the public list shows it: the detail without its articles, which sync gives as items of their own. */
    private static Map<String, Object> issueAsListed(long id) {
        Map<String, Object> detail = new LinkedHashMap<>(readerGets("/api/v1/issues/" + id));
        detail.remove("articles");
        return detail;
    }

    private static String slugOf(String path) {
        return (String) readerGets(path).get("slug");
    }

    /** Makes the change sets that match the condition look this many days old. */
    private void age(String condition, int days) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update content_change_set set changed_at = :at"
                        + " where " + condition)
                .setParameter("at", Instant.now().minus(days, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC))
                .executeUpdate());
    }

    private long tombstones(long topic) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from"
                        + " content_change where resource_type = 'topic' and resource_id = :id and reason is not null")
                .setParameter("id", topic).getSingleResult()).longValue());
    }

    /** Imports a published issue of n articles, each with a new outlet and topic. */
    private static void importIssue(int n) {
        String prefix = unique("Sync import");
        List<Map<String, Object>> articles = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Map<String, Object> article = new HashMap<>();
            article.put("headline", prefix + " article " + i);
            article.put("outlet", prefix + " outlet " + i);
            article.put("publishedOn", "2024-10-01");
            article.put("summary", "Summary " + i);
            article.put("quotes", List.of(Map.of("text", "Quote " + i, "attribution", "Someone")));
            article.put("topics", List.of(prefix + " topic " + i));
            articles.add(article);
        }
        api().contentType(ContentType.JSON).body(Map.of("title", prefix, "publishedOn", "2024-10-02",
                "status", "PUBLISHED", "articles", articles)).post("/api/v1/issues/import").then().statusCode(201);
    }

    /** The statements of one request on the database path; the same request again costs none (read cache). */
    private long statements(java.util.function.Supplier<Response> request, int expectedItems) {
        Response[] response = new Response[1];
        long count = SentSql.count(() -> response[0] = request.get());
        response[0].then().statusCode(200);
        if (expectedItems >= 0) {
            assertEquals(expectedItems, response[0].jsonPath().getList("items").size(), response[0]::asString);
        }
        Response[] again = new Response[1];
        assertEquals(0, SentSql.count(() -> again[0] = request.get()), "a repeated read is cached");
        assertEquals(response[0].asString(), again[0].asString());
        assertNotEquals(null, response[0].header("ETag"));
        return count;
    }
}
