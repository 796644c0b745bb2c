package com.digestapi.issue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.digestapi.support.PackagedService;
import com.digestapi.support.PostgresResource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * An issue scheduled for an instant at which the service is down (killed with SIGKILL before it) is published by the
 * next start, at its first poll: readers see it as soon as the restarted service answers. On H2 by default; with
 * -Ddigest-test.it.db=pg on PostgreSQL.
 */
class ScheduledRestartIT {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern UPDATED_AT = Pattern.compile("\"updatedAt\":\"([^\"]+)\"");

    @Test
    void anIssueDueWhileTheServiceWasDownIsPublishedAtTheStart() throws Exception {
        Path dir = Files.createTempDirectory("digest-scheduled-restart");
        Map<String, String> properties = new HashMap<>(Map.of("digest.data-dir", dir.toString(),
                "digest.demo.enabled", "false"));
        EmbeddedPostgres postgres = PostgresResource.forPackagedService(properties);
        try {
            Instant publishAt;
            String path;
            PackagedService first = PackagedService.start(dir, properties);
            try {
                // Far enough ahead for the create and the kill to come first on a busy machine.
                publishAt = Instant.now().plusSeconds(8);
                HttpResponse<String> created = first.send("POST", "/api/v1/issues", "{\"title\":\"Due while down\","
                        + "\"publishedOn\":\"2024-11-16\",\"status\":\"SCHEDULED\",\"publishAt\":\"" + publishAt + "\"}",
                        Map.of());
                assertEquals(201, created.statusCode(), created.body());
                Matcher id = ID.matcher(created.body());
                assertTrue(id.find());
                path = "/api/v1/issues/" + id.group(1);
                assertEquals(404, first.read(path).statusCode());
            } finally {
                first.kill();
            }
            assertTrue(Instant.now().isBefore(publishAt), "the service was not down before publishAt");
            Thread.sleep(Math.max(0, publishAt.toEpochMilli() - System.currentTimeMillis()) + 500);

            try (PackagedService second = PackagedService.start(dir, properties)) {
                long started = System.nanoTime();
                while (second.read(path).statusCode() != 200) {
                    assertTrue(System.nanoTime() - started < 5_000_000_000L,
                            "not published within 5 s of the restart");
                    Thread.sleep(20);
                }
                HttpResponse<String> issue = second.get(path);
                assertTrue(issue.body().contains("\"status\":\"PUBLISHED\""), issue.body());
                Matcher updatedAt = UPDATED_AT.matcher(issue.body());
                assertTrue(updatedAt.find());
                assertFalse(Instant.parse(updatedAt.group(1)).isBefore(publishAt), issue.body());
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }
}
