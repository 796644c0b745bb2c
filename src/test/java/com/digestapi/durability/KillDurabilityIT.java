package com.digestapi.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.digestapi.support.PackagedService;
import com.digestapi.support.PostgresResource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Kills the packaged service with SIGKILL while it acknowledges writes, restarts it on the same database and checks
 * that every acknowledged write is there, and found by search: the search index commits at most once a second, so the
 * kill lands between database commits and the index's, and the restart must repair the index from the search_change
 * log. On H2 (the default) this needs a write to be answered only once its commit is in the file (persistence.
 * DurableCommits; H2 alone stores commits up to 500 ms later); with -Ddigest-test.it.db=pg the same test runs against
 * PostgreSQL.
 */
class KillDurabilityIT {

    private static final Pattern HEADLINE = Pattern.compile("\"headline\":\"(durable-[^\"]+)\"");
    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern TOTAL = Pattern.compile("\"totalItems\":(\\d+)");
    private static final Pattern NEXT_CURSOR = Pattern.compile("\"nextCursor\":\"([A-Za-z0-9_.-]+)\"");

    @Test
    void acknowledgedWritesSurviveKillMinus9() throws Exception {
        Path dir = Files.createTempDirectory("digest-kill-test");
        Map<String, String> properties = new HashMap<>(Map.of("digest.data-dir", dir.toString(),
                "digest.demo.enabled", "false"));
        EmbeddedPostgres postgres = PostgresResource.forPackagedService(properties);
        String prefix = "durable-" + Long.toString(System.nanoTime(), 36);
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        try {
            PackagedService first = PackagedService.start(dir, properties);
            long issue;
            try {
                long outlet = created(first, "/api/v1/outlets", "{\"name\":\"" + prefix + " outlet\"}");
                issue = created(first, "/api/v1/issues", "{\"title\":\"" + prefix + " issue\",\"publishedOn\":"
                        + "\"2024-10-07\",\"status\":\"PUBLISHED\"}");
                Thread writer = new Thread(() -> writeUntilRefused(first, prefix, issue, outlet, acknowledged));
                writer.start();
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (acknowledged.size() < 200 && System.nanoTime() < deadline) {
                    Thread.sleep(5);
                }
                first.kill();
                writer.join(10_000);
            } finally {
                first.kill();
            }
            assertTrue(acknowledged.size() >= 50, "too few writes acknowledged before the kill: " + acknowledged.size());

            try (PackagedService second = PackagedService.start(dir, properties)) {
                Set<String> stored = storedHeadlines(second, issue);
                List<String> lost = new ArrayList<>(acknowledged);
                lost.removeAll(stored);
                assertEquals(List.of(), lost, "acknowledged writes lost by kill -9 (" + acknowledged.size() + " acknowledged)");
                assertTrue(stored.size() <= acknowledged.size() + 1, "at most the one write in flight may be extra");
                assertEquals(stored.size(), searchTotal(second, prefix), "search finds every stored article");
            }

            // An unreadable index (every file of it overwritten) is built again from the database at the next start.
            try (Stream<Path> files = Files.list(dir.resolve("search-index"))) {
                for (Path file : files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
                    Files.writeString(file, "not an index");
                }
            }
            try (PackagedService third = PackagedService.start(dir, properties)) {
                assertEquals(storedHeadlines(third, issue).size(), searchTotal(third, prefix),
                        "the rebuilt index finds every stored article");
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    private static int searchTotal(PackagedService service, String prefix) throws Exception {
        Matcher total = TOTAL.matcher(service.get("/api/v1/articles?size=1&q=" + prefix).body());
        assertTrue(total.find());
        return Integer.parseInt(total.group(1));
    }

    private static long created(PackagedService service, String path, String body) throws Exception {
        String answer = service.send("POST", path, body, Map.of()).body();
        Matcher id = ID.matcher(answer);
        assertTrue(id.find(), answer);
        return Long.parseLong(id.group(1));
    }

    private static void writeUntilRefused(PackagedService service, String prefix, long issue, long outlet,
                                          List<String> acknowledged) {
        for (int i = 0; i < 100_000; i++) {
            String headline = prefix + "-" + i;
            String body = "{\"issueId\":" + issue + ",\"outletId\":" + outlet + ",\"headline\":\"" + headline
                    + "\",\"publishedOn\":\"2024-10-04\",\"summary\":\"Written before the kill.\"}";
            try {
                if (service.send("POST", "/api/v1/articles", body, Map.of()).statusCode() == 201) {
                    acknowledged.add(headline);
                }
            } catch (IOException | InterruptedException e) {
                return; // the service is gone
            }
        }
    }

    private static Set<String> storedHeadlines(PackagedService service, long issue) throws Exception {
        Set<String> names = new HashSet<>();
        // Walks the list by its next cursors: numbered pages reach only the first 10,000 items.
        String query = "/api/v1/articles?size=100&sort=id&issue=" + issue;
        String cursor = null;
        for (int page = 0; page < 10_000; page++) {
            String body = service.get(query + (cursor == null ? "" : "&cursor=" + cursor)).body();
            Matcher matcher = HEADLINE.matcher(body);
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
            Matcher next = NEXT_CURSOR.matcher(body);
            if (!next.find()) {
                return names;
            }
            cursor = next.group(1);
        }
        return names;
    }
}
