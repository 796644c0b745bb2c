package com.digestapi.sync;

import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.newTopic;
import static com.digestapi.support.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A measurement, not a check of speed: how many changes a client reads a second when it pages a delta of 10,000
 * changed articles, at page sizes 100 and 500, with a plain HTTP client that parses every page. Off by default; run
 * with
 * {@code ./mvnw test -Dtest=SyncThroughputTest -Dsync.throughput=true} and read the log.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "sync.throughput", matches = "true")
class SyncThroughputTest {

    private static final Logger LOG = Logger.getLogger(SyncThroughputTest.class);
    private static final int ISSUES = 20;
    private static final int ARTICLES_EACH = 500;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void measureDeltaThroughput() throws Exception {
        SyncClient base = new SyncClient(null, 500);
        base.catchUp();
        String token = base.syncToken();
        long loading = System.nanoTime();
        for (int i = 0; i < ISSUES; i++) {
            importIssue(unique("Throughput"), i);
        }
        LOG.infof("Sync throughput: loaded %d articles in %d ms", ISSUES * ARTICLES_EACH,
                (System.nanoTime() - loading) / 1_000_000);
        HttpClient http = HttpClient.newHttpClient();
        for (int size : List.of(100, 500, 100, 500, 100, 500)) {
            // A write moves the content version: every page is read from the database, not the read cache.
            newTopic();
            long started = System.nanoTime();
            int items = 0;
            String next = token;
            int pages = 0;
            while (next != null) {
                // A plain client that parses every page, as a partner's would (no validation against the document).
                HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:"
                        + RestAssured.port + "/api/v1/sync?size=" + size + "&token=" + next)).build(),
                        HttpResponse.BodyHandlers.ofByteArray());
                assertEquals(200, response.statusCode());
                JsonNode page = JSON.readTree(response.body());
                items += page.get("items").size();
                next = page.hasNonNull("nextPageToken") ? page.get("nextPageToken").asText() : null;
                pages++;
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            LOG.infof("Sync throughput: %d changes in %d pages of %d in %.2f s: %.0f changes/s", items, pages, size,
                    seconds, items / seconds);
            assertTrue(items >= ISSUES * ARTICLES_EACH);
        }
    }

    /** A published issue of 500 articles over ten outlets and ten topics, each with a quote. */
    private static void importIssue(String prefix, int n) {
        List<Map<String, Object>> articles = new ArrayList<>();
        for (int i = 0; i < ARTICLES_EACH; i++) {
            Map<String, Object> article = new HashMap<>();
            article.put("headline", prefix + " article " + i);
            article.put("outlet", "Throughput outlet " + i % 10);
            article.put("publishedOn", "2025-03-01");
            article.put("summary", "A summary of some length, as a real one would have, about article " + i + ".");
            article.put("quotes", List.of(Map.of("text", "Quote " + i, "attribution", "Someone")));
            article.put("topics", List.of("Throughput topic " + i % 10));
            articles.add(article);
        }
        api().contentType(ContentType.JSON).body(Map.of("title", prefix, "publishedOn", "2025-03-0" + (1 + n % 9),
                "status", "PUBLISHED", "articles", articles)).post("/api/v1/issues/import").then().statusCode(201);
    }
}
