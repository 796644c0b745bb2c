package com.digestapi.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.digestapi.support.PackagedService;
import com.digestapi.support.PostgresResource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Webhooks against the packaged service: a kill -9 while events are pending loses none of the committed ones and sends
 * none twice under different ids; two instances on one PostgreSQL send each delivery once. Prints the delivery latency
 * from commit to receipt.
 */
class WebhookDeliveryIT {

    private static final Pattern ID = Pattern.compile("\"id\":(\\d+)");
    private static final Pattern SECRET = Pattern.compile("\"secret\":\"(whsec_[^\"]+)\"");

    private static Map<String, String> settings(Path dir) {
        return new HashMap<>(Map.of("digest.data-dir", dir.toString(), "digest.demo.enabled", "false",
                "digest.webhooks.allow-http", "true", "digest.webhooks.allow-private-targets", "true",
                "digest.webhooks.poll-interval", "200ms", "digest.webhooks.retry-delay", "200ms",
                "digest.webhooks.retry-max-delay", "1s"));
    }

    @Test
    void committedEventsSurviveKillMinus9AndComeUnderOneIdEach() throws Exception {
        Path dir = Files.createTempDirectory("digest-webhook-kill");
        Map<String, String> properties = settings(dir);
        EmbeddedPostgres postgres = PostgresResource.forPackagedService(properties);
        String prefix = "hooked-" + Long.toString(System.nanoTime(), 36);
        List<Long> acknowledged = new CopyOnWriteArrayList<>();
        try (WebhookReceiver receiver = new WebhookReceiver()) {
            PackagedService first = PackagedService.start(dir, properties);
            try {
                subscribe(first, receiver, "outlet.created");
                Thread writer = new Thread(() -> writeUntilRefused(first, prefix, acknowledged));
                writer.start();
                await(() -> acknowledged.size() >= 100, Duration.ofSeconds(60));
                // From now on the partner refuses: events pile up in the outbox, some of them mid-attempt at the kill.
                receiver.refuseWith(503);
                await(() -> acknowledged.size() >= 250, Duration.ofSeconds(60));
                first.kill();
                writer.join(10_000);
            } finally {
                first.kill();
            }
            int beforeRestart = processedIds(receiver).size();
            // What was delivered while the writer ran and the partner answered 2xx (the events caught by the refusal
            // are left out: their wait is the refusal's).
            List<Long> loadedMillis = receiver.processed().stream()
                    .map(r -> Duration.between(r.eventTimestamp(), r.at()).toMillis()).sorted().toList();
            receiver.answerNormally();
            List<Long> loaded = List.copyOf(acknowledged);
            try (PackagedService second = PackagedService.start(dir, properties)) {
                // A delivery leased by the killed instance waits for its lease (a minute) to run out.
                await(() -> processedIds(receiver).containsAll(loaded), Duration.ofSeconds(150));
                List<Long> lost = new ArrayList<>(loaded);
                lost.removeAll(processedIds(receiver));
                assertEquals(List.of(), lost, "committed events lost by kill -9");
                Map<Long, Set<String>> idsPerOutlet = new HashMap<>();
                for (WebhookReceiver.Receipt receipt : receiver.receipts()) {
                    idsPerOutlet.computeIfAbsent(receipt.dataId(), k -> new HashSet<>())
                            .add(receipt.id());
                }
                assertTrue(idsPerOutlet.values().stream().allMatch(ids -> ids.size() == 1),
                        "one webhook-id per event, whatever the retries");
                assertTrue(idsPerOutlet.size() <= loaded.size() + 1, "at most the write in flight may be extra");
                assertEquals(List.of(), receiver.rejected(), "every request signed");
                long processed = receiver.processed().size();
                System.out.printf("webhook kill test: %d writes acknowledged, %d events processed before the restart,"
                        + " %d lost, %d processed twice (same id)%n", loaded.size(), beforeRestart, lost.size(),
                        processed - processedIds(receiver).size());
                System.out.printf("webhook latency, commit to receipt, while one client writes as fast as it can (%s,"
                        + " %d events): p50 %d ms, p99 %d ms, max %d ms%n", PackagedService.onPostgres() ? "PostgreSQL"
                        : "H2", loadedMillis.size(), percentile(loadedMillis, 50), percentile(loadedMillis, 99),
                        loadedMillis.get(loadedMillis.size() - 1));

                // Latency from commit (the event's timestamp, taken just before the commit) to receipt, idle.
                List<Long> millis = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    long outlet = created(second, "/api/v1/outlets", "{\"name\":\"" + prefix + " latency " + i + "\"}");
                    WebhookReceiver.Receipt receipt = receiver.await(r -> r.dataId() == outlet, Duration.ofSeconds(20));
                    millis.add(Duration.between(receipt.eventTimestamp(), receipt.at()).toMillis());
                }
                Collections.sort(millis);
                System.out.printf("webhook latency, commit to receipt, one write at a time (%s): p50 %d ms, p99 %d ms,"
                        + " max %d ms%n", PackagedService.onPostgres() ? "PostgreSQL" : "H2", millis.get(49),
                        millis.get(98), millis.get(99));
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    @Test
    void twoInstancesOnOnePostgresSendEachDeliveryOnce() throws Exception {
        assumeTrue(PackagedService.onPostgres(), "needs -Ddigest-test.it.db=pg and a jar built with -Dquarkus.profile=pg");
        Path dir = Files.createTempDirectory("digest-webhook-two");
        try (EmbeddedPostgres postgres = PostgresResource.startPostgres(); WebhookReceiver receiver = new WebhookReceiver()) {
            Map<String, String> properties = settings(dir);
            properties.putAll(PostgresResource.settings(postgres));
            try (PackagedService a = PackagedService.start(dir, properties);
                 PackagedService b = PackagedService.start(dir, properties)) {
                subscribe(a, receiver, "topic.created");
                String prefix = "shared-" + Long.toString(System.nanoTime(), 36);
                List<Long> topics = new CopyOnWriteArrayList<>();
                Thread[] writers = new Thread[4];
                for (int w = 0; w < writers.length; w++) {
                    PackagedService via = w % 2 == 0 ? a : b;
                    int writer = w;
                    writers[w] = new Thread(() -> {
                        for (int i = 0; i < 50; i++) {
                            try {
                                topics.add(created(via, "/api/v1/topics",
                                        "{\"name\":\"" + prefix + " " + writer + " " + i + "\"}"));
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                        }
                    });
                    writers[w].start();
                }
                for (Thread writer : writers) {
                    writer.join(60_000);
                }
                assertEquals(200, topics.size());
                await(() -> processedIds(receiver).containsAll(topics), Duration.ofSeconds(60));
                Map<String, Long> times = receiver.receipts().stream()
                        .collect(Collectors.groupingBy(WebhookReceiver.Receipt::id, Collectors.counting()));
                assertEquals(200, times.size(), "one id per event");
                assertTrue(times.values().stream().allMatch(n -> n == 1), "each delivery sent by one instance, once");
                // In commit order: the subscription's queue is ordered by the writes' versions.
                List<Long> order = receiver.processed().stream().map(r -> Long.parseLong(r.id().substring(4))).toList();
                assertEquals(order.stream().sorted().toList(), order, "in queue order");
            }
        }
    }

    private static long percentile(List<Long> sorted, int percent) {
        return sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * percent / 100.0) - 1));
    }

    private static void subscribe(PackagedService service, WebhookReceiver receiver, String event) throws Exception {
        HttpResponse<String> created = service.send("POST", "/api/v1/webhooks",
                "{\"url\":\"" + receiver.url() + "\",\"events\":[\"" + event + "\"]}", Map.of());
        assertEquals(201, created.statusCode(), created.body());
        Matcher secret = SECRET.matcher(created.body());
        assertTrue(secret.find());
        receiver.secret(secret.group(1));
    }

    private static Set<Long> processedIds(WebhookReceiver receiver) {
        return receiver.processed().stream().map(WebhookReceiver.Receipt::dataId).collect(Collectors.toSet());
    }

    private static long created(PackagedService service, String path, String body) throws Exception {
        HttpResponse<String> answer = service.send("POST", path, body, Map.of());
        assertEquals(201, answer.statusCode(), answer.body());
        Matcher id = ID.matcher(answer.body());
        assertTrue(id.find(), answer.body());
        return Long.parseLong(id.group(1));
    }

    private static void writeUntilRefused(PackagedService service, String prefix, List<Long> acknowledged) {
        for (int i = 0; i < 100_000; i++) {
            try {
                HttpResponse<String> answer = service.send("POST", "/api/v1/outlets",
                        "{\"name\":\"" + prefix + " " + i + "\"}", Map.of());
                Matcher id = ID.matcher(answer.body());
                if (answer.statusCode() == 201 && id.find()) {
                    acknowledged.add(Long.parseLong(id.group(1)));
                }
            } catch (Exception e) {
                return; // the service is gone
            }
        }
    }

    private static void await(java.util.function.BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout);
            }
            TimeUnit.MILLISECONDS.sleep(50);
        }
    }
}
