package com.digestapi.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.digestapi.support.PackagedService;
import com.digestapi.support.PostgresResource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the packaged service on one PostgreSQL, started at the same moment: a write through one is read
 * through the other, concurrent conditional writes through both have exactly one winner, and neither keeps state the
 * other needs (same ETags, one demo digest, one first editor, sync tokens that either continues). Runs with
 * -Ddigest-test.it.db=pg.
 */
class TwoInstancesIT {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern UPDATED_AT = Pattern.compile("\"updatedAt\":\"([^\"]+)\"");
    private static final Pattern PUBLISHED_METRIC =
            Pattern.compile("(?m)^digest_scheduling_published_total(?:\\{[^}]*})? ([0-9.E+]+)$");
    private static final Pattern SYNC_TOKEN = Pattern.compile("\"nextSyncToken\":\"([A-Za-z0-9_.-]+)\"");

    @Test
    void instancesShareEverythingThroughTheDatabase() throws Exception {
        assumeTrue(PackagedService.onPostgres(), "needs -Ddigest-test.it.db=pg and a jar built with -Dquarkus.profile=pg");
        Path dir = Files.createTempDirectory("digest-two-instances");
        try (EmbeddedPostgres postgres = PostgresResource.startPostgres()) {
            Map<String, String> database = PostgresResource.settings(postgres);
            ExecutorService starter = Executors.newFixedThreadPool(2);
            Future<PackagedService> startingA = starter.submit(() -> PackagedService.start(dir, database));
            Future<PackagedService> startingB = starter.submit(() -> PackagedService.start(dir, database));
            try (PackagedService a = startingA.get(); PackagedService b = startingB.get()) {
                starter.shutdown();
                assertEquals("1", a.get("/api/v1/issues?q=foreign%20media%20digest").headers()
                        .firstValue("X-Total-Count").orElseThrow(), "the demo digest is loaded once");
                // A partner's initial sync through A: its token continues through B (see the end).
                HttpResponse<String> initial = a.read("/api/v1/sync?size=500");
                Matcher syncToken = SYNC_TOKEN.matcher(initial.body());
                assertTrue(initial.statusCode() == 200 && syncToken.find(), initial.body());

                HttpResponse<String> created = a.send("POST", "/api/v1/topics",
                        "{\"name\":\"Shared " + System.nanoTime() + "\"}", Map.of());
                assertEquals(201, created.statusCode(), created.body());
                Matcher id = ID.matcher(created.body());
                assertTrue(id.find());
                String path = "/api/v1/topics/" + id.group(1);
                HttpResponse<String> throughB = b.get(path);
                assertEquals(200, throughB.statusCode());
                String etag = throughB.headers().firstValue("ETag").orElseThrow();
                assertEquals(etag, a.get(path).headers().firstValue("ETag").orElseThrow(), "same ETag on both");

                ExecutorService pool = Executors.newFixedThreadPool(20);
                try {
                    List<Callable<Integer>> racers = new ArrayList<>();
                    for (int i = 0; i < 20; i++) {
                        PackagedService via = i % 2 == 0 ? a : b;
                        String body = "{\"description\":\"racer " + i + "\"}";
                        racers.add(() -> via.send("PATCH", path, body, Map.of("If-Match", etag)).statusCode());
                    }
                    List<Integer> statuses = new ArrayList<>();
                    for (Future<Integer> result : pool.invokeAll(racers)) {
                        statuses.add(result.get());
                    }
                    assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
                    assertEquals(19, statuses.stream().filter(s -> s == 412).count(), statuses.toString());
                } finally {
                    pool.shutdownNow();
                }
                String afterA = a.get(path).body();
                assertEquals(afterA, b.get(path).body(), "both instances read the winner's write");

                // Anonymous reads come from each instance's read cache: B's readers see A's write within the
                // staleness bound (digest.read-cache.max-staleness, 1 s), however busy the machine.
                assertEquals(200, b.read(path).statusCode());
                assertEquals(200, b.read(path).statusCode());
                String marker = "seen by the readers of the other instance " + System.nanoTime();
                HttpResponse<String> written = a.send("PATCH", path, "{\"description\":\"" + marker + "\"}", Map.of());
                assertEquals(200, written.statusCode(), written.body());
                long acknowledged = System.nanoTime();
                long lastStaleReadStarted = acknowledged;
                while (true) {
                    long started = System.nanoTime();
                    if (b.read(path).body().contains(marker)) {
                        break;
                    }
                    lastStaleReadStarted = started;
                    assertTrue(started - acknowledged < 10_000_000_000L, "B's readers never saw A's write");
                    Thread.sleep(20);
                }
                long lagMillis = (lastStaleReadStarted - acknowledged) / 1_000_000;
                assertTrue(lagMillis < 1_500, "B's readers saw A's write " + lagMillis + " ms late (bound 1 s)");

                // Article search: each instance has its own index, fed from the database's change log; a write through
                // A is found through B within the same bound, and both answer the same.
                String word = "zebra" + System.nanoTime();
                HttpResponse<String> article = a.send("POST", "/api/v1/articles", "{\"issueId\":1,\"outletId\":1,"
                        + "\"headline\":\"A " + word + " crossing opens\",\"publishedOn\":\"2024-10-04\","
                        + "\"summary\":\"Searchable through both instances.\"}", Map.of());
                assertEquals(201, article.statusCode(), article.body());
                assertTrue(a.read("/api/v1/articles?q=" + word).body().contains("<mark>" + word + "</mark>"),
                        "the writing instance finds its own write at once");
                long written2 = System.nanoTime();
                while (!b.read("/api/v1/articles?q=" + word).body().contains("\"totalItems\":1")) {
                    assertTrue(System.nanoTime() - written2 < 1_500_000_000L, "B's search never found A's article");
                    Thread.sleep(20);
                }
                assertEquals(a.read("/api/v1/articles?q=crossing&sort=id&facets=topic,outlet,year").body(),
                        b.read("/api/v1/articles?q=crossing&sort=id&facets=topic,outlet,year").body(),
                        "both instances answer a search the same");

                // Scheduled publication: issues due at one instant, both instances polling: each is published once,
                // by one of them, not before its publishAt, and soon after it.
                Instant publishAt = Instant.now().plusMillis(2_500);
                List<String> scheduled = new ArrayList<>();
                for (int i = 0; i < 6; i++) {
                    HttpResponse<String> issue = (i % 2 == 0 ? a : b).send("POST", "/api/v1/issues", "{\"title\":"
                            + "\"Scheduled " + i + " " + System.nanoTime() + "\",\"publishedOn\":\"2024-11-16\","
                            + "\"status\":\"SCHEDULED\",\"publishAt\":\"" + publishAt + "\"}", Map.of());
                    assertEquals(201, issue.statusCode(), issue.body());
                    Matcher issueId = ID.matcher(issue.body());
                    assertTrue(issueId.find());
                    scheduled.add("/api/v1/issues/" + issueId.group(1));
                }
                double publishedBefore = scheduledPublished(a) + scheduledPublished(b);
                for (String issuePath : scheduled) {
                    while (a.read(issuePath).statusCode() != 200 || b.read(issuePath).statusCode() != 200) {
                        assertTrue(Instant.now().isBefore(publishAt.plusSeconds(10)), issuePath + " never published");
                        Thread.sleep(20);
                    }
                    Matcher updatedAt = UPDATED_AT.matcher(a.get(issuePath).body());
                    assertTrue(updatedAt.find());
                    long lag = Instant.parse(updatedAt.group(1)).toEpochMilli() - publishAt.toEpochMilli();
                    // Never early; late by the poll interval and the publish itself (the bound is wider, for a busy machine).
                    assertTrue(lag >= 0 && lag < 3_000, issuePath + " published " + lag + " ms after its publishAt");
                }
                assertEquals(scheduled.size(), scheduledPublished(a) + scheduledPublished(b) - publishedBefore,
                        "each scheduled issue published once, by one instance");

                HttpResponse<String> deleted = b.send("DELETE", path, null, Map.of());
                assertEquals(204, deleted.statusCode());
                assertEquals(404, a.get(path).statusCode());
                assertEquals(404, b.read(path).statusCode(), "an instance's readers see its own writes at once");

                // The delta since A's token, through B: what both instances wrote, the deletion as a tombstone.
                HttpResponse<String> delta = b.read("/api/v1/sync?size=500&token=" + syncToken.group(1));
                assertEquals(200, delta.statusCode(), delta.body());
                assertTrue(delta.body().contains("\"type\":\"topic\",\"op\":\"delete\",\"id\":" + id.group(1) + ","),
                        delta.body());
                assertTrue(delta.body().contains("\"headline\":\"A " + word + " crossing opens\""), delta.body());
            }
        }
    }

    /** How many scheduled issues this instance has published, from its metrics. */
    private static double scheduledPublished(PackagedService instance) throws Exception {
        Matcher metric = PUBLISHED_METRIC.matcher(instance.read("/q/metrics").body());
        assertTrue(metric.find(), "no digest_scheduling_published_total metric");
        return Double.parseDouble(metric.group(1));
    }
}
