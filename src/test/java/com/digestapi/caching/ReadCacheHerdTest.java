package com.digestapi.caching;

import static com.digestapi.support.Api.newTopic;
import static com.digestapi.support.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.digestapi.support.ListSupport;
import com.digestapi.support.SentSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A herd of identical anonymous reads on a cold cache runs the query once: the first goes to the database, the others
 * wait for its bytes without holding a thread, and all get the same answer. The first one's query is held back (a hook
 * on its first statement) until every other request is waiting for it, and meanwhile an unrelated request is answered:
 * waiting requests leave the event loops free. When the first one has nothing to share (a 404), each goes on its own.
 */
@QuarkusTest
class ReadCacheHerdTest {

    /** More than the event loops (two per core): a herd that blocked them would stall the probe request. */
    private static final int HERD = 12;

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    @Inject
    ReadCache readCache;

    @Inject
    ContentVersion contentVersion;

    @AfterEach
    void clearHook() {
        SentSql.clearHook();
    }

    private static HttpResponse<String> get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(ListSupport.base() + path)).timeout(Duration.ofSeconds(60))
                    .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(path + ": " + e, e);
        }
    }

    /**
     * Holds the first statement that matches until the rest of the herd waits for the request that sent it, and checks
     * that another request is answered meanwhile.
     */
    private void holdTheFirstUntilTheHerdWaits(Predicate<String> firstStatement, String probe) {
        SentSql.beforeNext(firstStatement, () -> {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (readCache.waiting() < HERD - 1) {
                assertTrue(System.nanoTime() < deadline, "the herd waits for the first: " + readCache.waiting());
                Thread.onSpinWait();
            }
            long started = System.nanoTime();
            HttpResponse<String> other = get(probe);
            assertEquals(200, other.statusCode(), other.body());
            assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(10), "another request is answered");
        });
    }

    /** Sends the herd at once, one client thread each, and returns the answers. */
    private static List<HttpResponse<String>> herd(String path) {
        ExecutorService clients = Executors.newFixedThreadPool(HERD);
        try {
            List<CompletableFuture<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < HERD; i++) {
                sent.add(CompletableFuture.supplyAsync(() -> get(path), clients));
            }
            return sent.stream().map(CompletableFuture::join).toList();
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void identicalMissesRunTheListQueryOnceAndGetTheSameBytes() {
        String name = unique("Herd topic");
        for (int i = 0; i < 3; i++) {
            ListSupport.topic(name + " " + i);
        }
        long probeTopic = newTopic();
        ReadCacheTest.dropCachedReads(contentVersion);
        String path = "/api/v1/topics?size=2&q=" + URLEncoder.encode(name, StandardCharsets.UTF_8);
        Predicate<String> count = sql -> sql.startsWith("select 1 from topic");
        holdTheFirstUntilTheHerdWaits(count, "/api/v1/topics/" + probeTopic);

        List<HttpResponse<String>>[] answers = new List[1];
        List<String> sql = SentSql.during(() -> answers[0] = herd(path));

        assertEquals(1, sql.stream().filter(count).count(), "one count: " + sql);
        assertEquals(1, sql.stream().filter(s -> s.startsWith("select t1_0.id") && s.contains(" from topic t1_0 ")
                && s.contains(" order by ")).count(), "one page: " + sql);
        HttpResponse<String> first = answers[0].get(0);
        assertEquals(200, first.statusCode(), first.body());
        assertTrue(first.body().contains(name + " 0"), first.body());
        for (HttpResponse<String> answer : answers[0]) {
            assertEquals(200, answer.statusCode(), answer.body());
            assertEquals(first.body(), answer.body());
            assertNotNull(answer.headers().firstValue("ETag").orElse(null));
            assertEquals(first.headers().firstValue("ETag"), answer.headers().firstValue("ETag"));
            assertEquals(first.headers().firstValue("Link"), answer.headers().firstValue("Link"));
            assertEquals(first.headers().firstValue("X-Total-Count"), answer.headers().firstValue("X-Total-Count"));
            assertEquals(List.of("public, max-age=30"), answer.headers().allValues("Cache-Control"));
        }
        assertEquals(0, readCache.waiting());
    }

    @Test
    @SuppressWarnings("unchecked")
    void whenTheFirstHasNothingToShareEachGoesToTheDatabase() {
        long missing = newTopic() + 1_000_000;
        long probeTopic = newTopic();
        ReadCacheTest.dropCachedReads(contentVersion);
        String path = "/api/v1/topics/" + missing;
        Predicate<String> lookup = sql -> sql.startsWith("select t1_0.id") && sql.contains(" from topic t1_0 ")
                && sql.contains("where t1_0.id=?");
        holdTheFirstUntilTheHerdWaits(lookup, "/api/v1/topics/" + probeTopic);

        List<HttpResponse<String>>[] answers = new List[1];
        List<String> sql = SentSql.during(() -> answers[0] = herd(path));

        for (HttpResponse<String> answer : answers[0]) {
            assertEquals(404, answer.statusCode(), answer.body());
            assertTrue(answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        }
        // The herd's lookups, and the probe's.
        assertEquals(HERD + 1, sql.stream().filter(lookup).count(), sql::toString);
        assertEquals(0, readCache.waiting());
    }

    @Test
    void theMetricsCountTheReadsAnsweredFromAnothersBytes() {
        RestAssured.given().get("/q/metrics").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("digest_read_cache_coalesced_total"));
    }
}
