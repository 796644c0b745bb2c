package com.digestapi.sync;

import static com.digestapi.support.Api.anonymous;
import static com.digestapi.support.Api.newArticle;
import static com.digestapi.support.Api.newIssue;
import static com.digestapi.support.Api.newOutlet;
import static com.digestapi.support.Api.newTopic;
import static com.digestapi.support.Api.raw;
import static com.digestapi.support.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * The property the sync exists for: while writers change content concurrently (creates, edits, moves between issues,
 * reorders, deletes, publishes and unpublishes, renames, imports), a partner that syncs again and again, from its
 * initial sync on, ends with exactly the public content, resource by resource, as the public lists show it. Runs on
 * H2 and, with the pg profile, on PostgreSQL.
 */
@QuarkusTest
class SyncConvergenceTest {

    private static final Logger LOG = Logger.getLogger(SyncConvergenceTest.class);
    private static final int WRITERS = 4;
    private static final int WRITES_EACH = 60;
    private static final int MIN_ROUNDS = 3;
    private static final long SEED = Long.getLong("sync.seed", 20261203L);
    private static final Set<Integer> TOLERATED = Set.of(400, 404, 409, 412, 503);

    private final List<Long> outlets = new CopyOnWriteArrayList<>();
    private final List<Long> topics = new CopyOnWriteArrayList<>();
    private final List<Long> issues = new CopyOnWriteArrayList<>();
    private final List<Long> articles = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();

    @Test
    void aPartnerThatOnlySyncsEndsWithExactlyThePublicContent() throws Exception {
        for (int i = 0; i < 8; i++) {
            outlets.add(newOutlet());
            topics.add(newTopic());
        }
        for (int i = 0; i < 8; i++) {
            long issue = newIssue("2025-01-0" + (i + 1), i % 3 == 2 ? "DRAFT" : "PUBLISHED");
            issues.add(issue);
            for (int a = 0; a < 3; a++) {
                articles.add(newArticle(issue, outlets.get((i + a) % outlets.size()), unique("Pool article")));
            }
        }

        SyncClient partner = new SyncClient(null, 500);
        AtomicBoolean writing = new AtomicBoolean(true);
        AtomicInteger rounds = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(WRITERS + 1);
        Future<?> syncing = threads.submit(() -> {
            // The initial sync itself runs while the writers write (in large pages: the suite's whole database); then
            // deltas in small pages, one after another.
            do {
                partner.catchUp();
                partner.pageSize(7);
                rounds.incrementAndGet();
            } while (writing.get());
            return null;
        });
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            Random random = new Random(SEED + w);
            String writer = "w" + w;
            writers.add(threads.submit(() -> {
                // Until the partner has synced a few times meanwhile, however long its initial sync took.
                for (int i = 0; i < WRITES_EACH || rounds.get() < MIN_ROUNDS && i < 5 * WRITES_EACH; i++) {
                    write(random, writer + "-" + i);
                }
                return null;
            }));
        }
        for (Future<?> writer : writers) {
            writer.get(10, TimeUnit.MINUTES);
        }
        writing.set(false);
        syncing.get(10, TimeUnit.MINUTES);
        threads.shutdown();
        List<Map<String, Object>> last = partner.catchUp();
        LOG.infof("Sync convergence: writes %s, %d sync rounds during them in %d pages, %d items in the last round",
                new TreeMap<>(outcomes), rounds.get(), partner.pages, last.size());
        assertTrue(rounds.get() >= MIN_ROUNDS, "the partner synced while the writers wrote");

        Map<String, Map<Long, Map<String, Object>>> expected = publicContent();
        for (String type : expected.keySet()) {
            Map<Long, Map<String, Object>> held = partner.replica.getOrDefault(type, Map.of());
            Map<Long, Map<String, Object>> wanted = expected.get(type);
            List<String> differences = new ArrayList<>();
            Set<Long> ids = new TreeSet<>(wanted.keySet());
            ids.addAll(held.keySet());
            for (Long id : ids) {
                if (!java.util.Objects.equals(wanted.get(id), held.get(id))) {
                    differences.add(type + " " + id + ": public " + wanted.get(id) + ", synced " + held.get(id));
                }
            }
            assertEquals(List.of(), differences.subList(0, Math.min(5, differences.size())),
                    differences.size() + " " + type + "s differ");
        }
    }

    /** One random write; its answer may be a refusal (a resource another writer deleted, a lost race), never a 5xx. */
    private void write(Random random, String name) {
        int choice = random.nextInt(100);
        Response response;
        String kind;
        if (choice < 15) {
            kind = "create article";
            response = raw().contentType(ContentType.JSON).body(Map.of("issueId", pick(random, issues),
                    "outletId", pick(random, outlets), "headline", unique("Article " + name), "publishedOn", "2025-01-02",
                    "summary", "Summary " + name, "topicIds", some(random, topics))).post("/api/v1/articles");
            if (response.statusCode() == 201) {
                articles.add(response.jsonPath().getLong("id"));
            }
        } else if (choice < 35) {
            kind = "edit article";
            response = patch("/api/v1/articles/" + pick(random, articles), Map.of("headline", unique("Edited " + name),
                    "outletId", pick(random, outlets), "topicIds", some(random, topics)));
        } else if (choice < 50) {
            kind = "move article to another issue";
            response = patch("/api/v1/articles/" + pick(random, articles), Map.of("issueId", pick(random, issues)));
        } else if (choice < 62) {
            kind = "reorder article";
            response = patch("/api/v1/articles/" + pick(random, articles), Map.of("position", 1));
        } else if (choice < 66) {
            kind = "delete article";
            response = raw().delete("/api/v1/articles/" + pick(random, articles));
        } else if (choice < 69) {
            kind = random.nextBoolean() ? "publish issue" : "unpublish issue";
            response = patch("/api/v1/issues/" + pick(random, issues),
                    Map.of("status", kind.startsWith("publish") ? "PUBLISHED" : "DRAFT"));
        } else if (choice < 72) {
            kind = "rename outlet";
            response = patch("/api/v1/outlets/" + pick(random, outlets), Map.of("name", unique("Outlet " + name)));
        } else if (choice < 75) {
            kind = "rename topic";
            response = patch("/api/v1/topics/" + pick(random, topics), Map.of("name", unique("Topic " + name)));
        } else if (choice < 78) {
            kind = "create topic";
            response = raw().contentType(ContentType.JSON).body(Map.of("name", unique("New topic " + name)))
                    .post("/api/v1/topics");
            if (response.statusCode() == 201) {
                topics.add(response.jsonPath().getLong("id"));
            }
        } else if (choice < 80) {
            kind = "delete topic";
            response = raw().delete("/api/v1/topics/" + pick(random, topics));
        } else if (choice < 83) {
            kind = "create issue";
            response = raw().contentType(ContentType.JSON).body(Map.of("title", unique("Issue " + name),
                    "publishedOn", "2025-02-01", "status", random.nextBoolean() ? "PUBLISHED" : "DRAFT"))
                    .post("/api/v1/issues");
            if (response.statusCode() == 201) {
                issues.add(response.jsonPath().getLong("id"));
            }
        } else if (choice < 85) {
            kind = "delete issue";
            response = raw().delete("/api/v1/issues/" + pick(random, issues));
        } else {
            kind = "import issue";
            // Half of the imports replace an issue imported before (same slug), keeping the ids of matching articles.
            String slug = "sync-import-" + SEED + "-" + random.nextInt(3);
            List<Map<String, Object>> entries = new ArrayList<>();
            for (int i = 0; i < 1 + random.nextInt(3); i++) {
                entries.add(Map.of("headline", "Imported " + random.nextInt(4), "outlet", "Sync import outlet "
                        + random.nextInt(3), "publishedOn", "2025-01-03", "summary", "Imported " + name,
                        "topics", List.of("Sync import topic " + random.nextInt(3))));
            }
            response = raw().contentType(ContentType.JSON).body(Map.of("slug", slug, "title", "Imported",
                    "publishedOn", "2025-01-04", "status", random.nextBoolean() ? "PUBLISHED" : "DRAFT",
                    "articles", entries)).post("/api/v1/issues/import");
            if (response.statusCode() == 201) {
                issues.add(response.jsonPath().getLong("id"));
            }
        }
        int status = response.statusCode();
        if (status >= 300 && !TOLERATED.contains(status)) {
            fail(kind + " answered " + status + ": " + response.asString());
        }
        outcomes.computeIfAbsent(status < 300 ? "done" : String.valueOf(status), k -> new AtomicInteger())
                .incrementAndGet();
    }

    private static Response patch(String path, Map<String, Object> body) {
        return raw().contentType("application/merge-patch+json").body(body).patch(path);
    }

    private static long pick(Random random, List<Long> ids) {
        return ids.get(random.nextInt(ids.size()));
    }

    private static List<Long> some(Random random, List<Long> ids) {
        List<Long> chosen = new ArrayList<>();
        for (Long id : ids) {
            if (random.nextInt(4) == 0 && chosen.size() < 3) {
                chosen.add(id);
            }
        }
        return chosen;
    }

    /** Everything a reader sees, by type and id, from the public lists walked by cursor. */
    private static Map<String, Map<Long, Map<String, Object>>> publicContent() {
        Map<String, Map<Long, Map<String, Object>>> content = new TreeMap<>();
        for (String type : List.of("article", "issue", "outlet", "topic")) {
            Map<Long, Map<String, Object>> ofType = new TreeMap<>();
            String cursor = null;
            do {
                Response response = anonymous().queryParam("size", 100)
                        .queryParam("cursor", cursor == null ? List.of() : List.of(cursor)).get("/api/v1/" + type + "s");
                JsonPath page = response.then().statusCode(200).extract().jsonPath();
                List<Map<String, Object>> items = page.getList("items");
                items.forEach(item -> ofType.put(((Number) item.get("id")).longValue(), item));
                cursor = page.getString("nextCursor");
            } while (cursor != null);
            content.put(type, ofType);
        }
        return content;
    }
}
