package com.digestapi.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A partner's endpoint in the test suite: a JDK HTTP server on a free port of 127.0.0.1 that checks every request as
 * the Standard Webhooks specification tells a receiver to, with its own code: the three headers present, the timestamp
 * within 5 minutes of now, and one of the signatures an HMAC-SHA256 (keyed with the secret's base64-decoded bytes) of
 * id.timestamp.body. A request that fails a check is answered 401 and counted as rejected; one that passes is answered
 * with the next scripted status (default 204) and kept, with how many times its webhook-id came.
 */
final class WebhookReceiver implements AutoCloseable {

    static final Duration TOLERANCE = Duration.ofMinutes(5);

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One request that passed the checks: its type and the id of its data read once, the rest on demand. */
    record Receipt(String id, long timestamp, String body, int answered, Instant at, String type, long dataId,
                   Instant eventTimestamp) {
        JsonPath json() {
            return new JsonPath(body);
        }
    }

    private final HttpServer server;
    private volatile String secret;
    private final Deque<Integer> script = new ConcurrentLinkedDeque<>();
    private volatile Integer refusing;
    private final List<Receipt> receipts = java.util.Collections.synchronizedList(new ArrayList<>());
    private final Map<String, Integer> timesById = new ConcurrentHashMap<>();
    private final List<String> rejected = java.util.Collections.synchronizedList(new ArrayList<>());

    WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/digest";
    }

    void secret(String secret) {
        this.secret = secret;
    }

    /** The statuses of the next accepted requests, in order; then 204 again. */
    void answer(Integer... statuses) {
        script.addAll(List.of(statuses));
    }

    /** Answers every accepted request with this status until {@link #answerNormally}. */
    void refuseWith(int status) {
        refusing = status;
    }

    /** Forgets the scripted statuses: 204 from now on. */
    void answerNormally() {
        refusing = null;
        script.clear();
    }

    List<Receipt> receipts() {
        synchronized (receipts) {
            return List.copyOf(receipts);
        }
    }

    /** The accepted requests that the receiver answered 2xx: what a partner processed. */
    List<Receipt> processed() {
        return receipts().stream().filter(r -> r.answered() / 100 == 2).toList();
    }

    List<String> rejected() {
        synchronized (rejected) {
            return List.copyOf(rejected);
        }
    }

    int times(String webhookId) {
        return timesById.getOrDefault(webhookId, 0);
    }

    /** Waits until a processed delivery matches, and returns it. */
    Receipt await(Predicate<Receipt> wanted, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            for (Receipt receipt : processed()) {
                if (wanted.test(receipt)) {
                    return receipt;
                }
            }
            sleep(20);
        }
        throw new AssertionError("no delivery matched within " + timeout + "; received " + receipts()
                + ", rejected " + rejected());
    }

    /** Waits until the resource's event of this type was processed. */
    Receipt await(String type, long resourceId) {
        return await(r -> r.type().equals(type) && r.dataId() == resourceId, Duration.ofSeconds(20));
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] bytes;
            try (InputStream in = exchange.getRequestBody()) {
                bytes = in.readAllBytes();
            }
            String body = new String(bytes, StandardCharsets.UTF_8);
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
            String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
            String problem = check(secret, id, timestamp, signatures, body, Instant.now());
            if (problem != null) {
                rejected.add(problem + ": " + id);
                respond(exchange, 401, problem);
                return;
            }
            Integer refused = refusing;
            Integer scripted = refused == null ? script.poll() : refused;
            int status = scripted == null ? 204 : scripted;
            timesById.merge(id, 1, Integer::sum);
            JsonNode event = JSON.readTree(body);
            receipts.add(new Receipt(id, Long.parseLong(timestamp), body, status, Instant.now(),
                    event.path("type").asText(), event.path("data").path("id").asLong(
                            event.path("data").path("webhookId").asLong(-1)),
                    Instant.parse(event.path("timestamp").asText())));
            respond(exchange, status, status == 204 ? null : "scripted " + status);
        }
    }

    /**
     * Why a receiver must refuse this request; null when it may process it. The spec's checks, written here
     * independently of the service's code.
     */
    static String check(String secret, String id, String timestamp, String signatures, String body, Instant now) {
        if (secret == null || id == null || timestamp == null || signatures == null) {
            return "missing header or secret";
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp);
        } catch (NumberFormatException e) {
            return "malformed timestamp";
        }
        if (Math.abs(now.getEpochSecond() - seconds) > TOLERANCE.toSeconds()) {
            return "timestamp outside the tolerance";
        }
        byte[] expected = hmac(secret, id + "." + timestamp + "." + body);
        for (String signature : signatures.split(" ")) {
            String[] parts = signature.split(",", 2);
            if (parts.length == 2 && parts[0].equals("v1")
                    && MessageDigest.isEqual(expected, Base64.getDecoder().decode(parts[1]))) {
                return null;
            }
        }
        return "no valid signature";
    }

    static byte[] hmac(String secret, String content) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void respond(HttpExchange exchange, int status, String text) throws IOException {
        if (text == null) {
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
