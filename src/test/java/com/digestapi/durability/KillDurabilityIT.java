package com.digestapi.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Kills the packaged service with SIGKILL while it acknowledges writes, restarts it on the same H2 files and checks
 * that every acknowledged write is there: the embedded default must be durable, not only fast.
 */
class KillDurabilityIT {

    private static final Pattern NAME = Pattern.compile("\"name\":\"(durable-[^\"]+)\"");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    void acknowledgedWritesSurviveKillMinus9() throws Exception {
        Path dataDir = Files.createTempDirectory("digest-kill-test");
        int port = freePort();
        String prefix = "durable-" + Long.toString(System.nanoTime(), 36);

        Process first = start(dataDir, port);
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        try {
            awaitReady(port);
            Thread writer = new Thread(() -> writeUntilRefused(port, prefix, acknowledged));
            writer.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (acknowledged.size() < 200 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            first.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no flush
            first.waitFor(10, TimeUnit.SECONDS);
            writer.join(10_000);
        } finally {
            first.destroyForcibly();
        }
        assertTrue(acknowledged.size() >= 50, "too few writes were acknowledged before the kill: " + acknowledged.size());

        Process second = start(dataDir, port);
        try {
            awaitReady(port);
            Set<String> stored = storedNames(port, prefix);
            List<String> lost = new ArrayList<>(acknowledged);
            lost.removeAll(stored);
            assertEquals(List.of(), lost, "acknowledged writes lost by kill -9 (" + acknowledged.size() + " acknowledged)");
            assertTrue(stored.size() <= acknowledged.size() + 1, "at most the one write in flight may be extra");
        } finally {
            second.destroy();
            second.waitFor(20, TimeUnit.SECONDS);
            second.destroyForcibly();
        }
    }

    private void writeUntilRefused(int port, String prefix, List<String> acknowledged) {
        for (int i = 0; i < 100_000; i++) {
            String name = prefix + "-" + i;
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/topics"))
                    .timeout(Duration.ofSeconds(5))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + name + "\"}"))
                    .build();
            try {
                if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 201) {
                    acknowledged.add(name);
                }
            } catch (IOException | InterruptedException e) {
                return; // the service is gone
            }
        }
    }

    private Set<String> storedNames(int port, String prefix) throws Exception {
        Set<String> names = new HashSet<>();
        for (int page = 0; page < 10_000; page++) {
            String body = get(port, "/api/v1/topics?size=100&sort=id&q=" + prefix + "&page=" + page).body();
            Matcher matcher = NAME.matcher(body);
            int found = 0;
            while (matcher.find()) {
                names.add(matcher.group(1));
                found++;
            }
            if (found < 100) {
                return names;
            }
        }
        return names;
    }

    private Process start(Path dataDir, int port) throws IOException {
        String jar = System.getProperty("digest.app.jar", "target/quarkus-app/quarkus-run.jar");
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Ddigest.data-dir=" + dataDir, "-Dquarkus.http.port=" + port, "-Ddigest.demo.enabled=false",
                "-jar", jar)
                .redirectErrorStream(true)
                .redirectOutput(dataDir.resolve("service-" + port + "-" + System.nanoTime() + ".log").toFile())
                .start();
    }

    private void awaitReady(int port) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            try {
                if (get(port, "/q/health/ready").statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the service did not become ready on port " + port);
    }

    private HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
