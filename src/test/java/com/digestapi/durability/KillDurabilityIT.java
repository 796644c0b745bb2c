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
import org.junit.jupiter.api.Test;

/**
 * Kills the packaged service with SIGKILL while it acknowledges writes, restarts it on the same database and checks
 * that every acknowledged write is there. On H2 (the default) this needs WRITE_DELAY=0; with -Ddigest-test.it.db=pg the
 * same test runs against PostgreSQL.
 */
class KillDurabilityIT {

    private static final Pattern NAME = Pattern.compile("\"name\":\"(durable-[^\"]+)\"");
    private static final Pattern NEXT_CURSOR = Pattern.compile("\"nextCursor\":\"([A-Za-z0-9_.-]+)\"");

    @Test
    void acknowledgedWritesSurviveKillMinus9() throws Exception {
        Path dir = Files.createTempDirectory("digest-kill-test");
        Map<String, String> properties = new HashMap<>(Map.of("digest.data-dir", dir.toString(),
                "digest.demo.enabled", "false"));
        EmbeddedPostgres postgres = null;
        if (PackagedService.onPostgres()) {
            postgres = PostgresResource.startPostgres();
            properties.putAll(Map.of("quarkus.datasource.jdbc.url", postgres.getJdbcUrl("postgres", "digest"),
                    "quarkus.datasource.username", "postgres", "quarkus.datasource.password", "postgres"));
        }
        String prefix = "durable-" + Long.toString(System.nanoTime(), 36);
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        try {
            PackagedService first = PackagedService.start(dir, properties);
            try {
                Thread writer = new Thread(() -> writeUntilRefused(first, prefix, acknowledged));
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
                Set<String> stored = storedNames(second, prefix);
                List<String> lost = new ArrayList<>(acknowledged);
                lost.removeAll(stored);
                assertEquals(List.of(), lost, "acknowledged writes lost by kill -9 (" + acknowledged.size() + " acknowledged)");
                assertTrue(stored.size() <= acknowledged.size() + 1, "at most the one write in flight may be extra");
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    private static void writeUntilRefused(PackagedService service, String prefix, List<String> acknowledged) {
        for (int i = 0; i < 100_000; i++) {
            String name = prefix + "-" + i;
            try {
                if (service.send("POST", "/api/v1/topics", "{\"name\":\"" + name + "\"}", Map.of()).statusCode() == 201) {
                    acknowledged.add(name);
                }
            } catch (IOException | InterruptedException e) {
                return; // the service is gone
            }
        }
    }

    private static Set<String> storedNames(PackagedService service, String prefix) throws Exception {
        Set<String> names = new HashSet<>();
        // Walks the list by its next cursors: numbered pages reach only the first 10,000 items.
        String query = "/api/v1/topics?size=100&sort=id&q=" + prefix;
        String cursor = null;
        for (int page = 0; page < 10_000; page++) {
            String body = service.get(query + (cursor == null ? "" : "&cursor=" + cursor)).body();
            Matcher matcher = NAME.matcher(body);
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
