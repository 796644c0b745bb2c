package com.digestapi.caching;

import static com.digestapi.support.Api.anonymous;
import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.newArticle;
import static com.digestapi.support.Api.newIssue;
import static com.digestapi.support.Api.newOutlet;
import static com.digestapi.support.Api.newTopic;
import static com.digestapi.support.Api.raw;
import static com.digestapi.support.Api.unique;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** ETag on every single-resource GET, 304 for If-None-Match, 412 for a stale If-Match, one winner among racers. */
@QuarkusTest
class ConditionalRequestTest {

    record Resource(String path, Map<String, Object> putBody, String patchField, Object patchValue) {
    }

    private List<Resource> resources() {
        long outlet = newOutlet();
        long issue = newIssue();
        return List.of(
                new Resource("/api/v1/outlets/" + outlet, Map.of("name", unique("Replaced")), "country", "KZ"),
                new Resource("/api/v1/topics/" + newTopic(), Map.of("name", unique("Replaced")), "description", "changed"),
                new Resource("/api/v1/issues/" + issue, Map.of("title", "Replaced", "publishedOn", "2024-01-01"),
                        "intro", "changed"),
                new Resource("/api/v1/articles/" + newArticle(issue, outlet, unique("Tagged")),
                        Map.of("headline", "Replaced", "outletId", outlet, "publishedOn", "2024-01-01", "summary", "s"),
                        "summary", "changed"));
    }

    @Test
    void everyResourceSendsAnEtagAndAnswers304WhileItIsCurrent() {
        for (Resource resource : resources()) {
            String etag = anonymous().get(resource.path()).then().statusCode(200)
                    .header("ETag", matchesPattern("\"[A-Za-z0-9_-]{27}\"")).extract().header("ETag");
            anonymous().header("If-None-Match", etag).get(resource.path()).then().statusCode(304)
                    .header("ETag", equalTo(etag)).body(equalTo(""));
            anonymous().header("If-None-Match", "W/" + etag).get(resource.path()).then().statusCode(304);
            anonymous().header("If-None-Match", "\"something-else\"").get(resource.path()).then().statusCode(200);

            api().contentType("application/merge-patch+json").body(Map.of(resource.patchField(), resource.patchValue()))
                    .patch(resource.path()).then().statusCode(200);
            String changed = anonymous().header("If-None-Match", etag).get(resource.path()).then().statusCode(200)
                    .extract().header("ETag");
            assertNotEquals(etag, changed, resource.path());
        }
    }

    @Test
    void staleIfMatchAnswers412AndChangesNothing() {
        for (Resource resource : resources()) {
            String etag = api().get(resource.path()).header("ETag");
            String before = api().get(resource.path()).asString();
            for (String method : List.of("PUT", "PATCH", "DELETE")) {
                var spec = api().header("If-Match", "\"stale\"");
                if (method.equals("PUT")) {
                    spec = spec.contentType("application/json").body(resource.putBody());
                } else if (method.equals("PATCH")) {
                    spec = spec.contentType("application/merge-patch+json")
                            .body(Map.of(resource.patchField(), resource.patchValue()));
                }
                spec.request(method, resource.path()).then().statusCode(412)
                        .contentType("application/problem+json")
                        .body("title", equalTo("Precondition failed"));
            }
            assertEquals(before, api().get(resource.path()).asString(), resource.path());
            api().header("If-Match", etag).contentType("application/merge-patch+json")
                    .body(Map.of(resource.patchField(), resource.patchValue())).patch(resource.path())
                    .then().statusCode(200).header("ETag", not(equalTo(etag)));
            api().header("If-Match", etag).delete(resource.path()).then().statusCode(412);
            api().header("If-Match", "*").contentType("application/merge-patch+json")
                    .body(Map.of(resource.patchField(), resource.patchValue())).patch(resource.path())
                    .then().statusCode(200);
        }
    }

    @Test
    void twentyConcurrentPatchesWithTheSameIfMatchHaveExactlyOneWinner() throws Exception {
        for (Resource resource : resources()) {
            String etag = api().get(resource.path()).header("ETag");
            ExecutorService pool = Executors.newFixedThreadPool(20);
            try {
                List<Callable<Integer>> racers = new java.util.ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    String value = "racer " + i;
                    racers.add(() -> raw().header("If-Match", etag).contentType("application/merge-patch+json")
                            .body(Map.of(resource.patchField().equals("country") ? "websiteUrl" : resource.patchField(),
                                    resource.patchField().equals("country") ? "https://racer" + value.hashCode() + ".kz"
                                            : value))
                            .patch(resource.path()).statusCode());
                }
                List<Integer> statuses = new java.util.ArrayList<>();
                for (Future<Integer> result : pool.invokeAll(racers)) {
                    statuses.add(result.get());
                }
                assertEquals(1, statuses.stream().filter(s -> s == 200).count(), resource.path() + " " + statuses);
                assertEquals(19, statuses.stream().filter(s -> s == 412).count(), resource.path() + " " + statuses);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void concurrentUnconditionalWritesToOneArticleLoseNothing() throws Exception {
        long issue = newIssue();
        long outlet = newOutlet();
        String path = "/api/v1/articles/" + newArticle(issue, outlet, unique("Shared"));
        Map<String, String> changes = Map.of("headline", "New headline", "summary", "New summary", "author", "New author",
                "originalUrl", "https://example.com/new");
        ExecutorService pool = Executors.newFixedThreadPool(changes.size());
        try {
            List<Callable<Integer>> writers = new java.util.ArrayList<>();
            changes.forEach((field, value) -> writers.add(() -> api().contentType("application/merge-patch+json")
                    .body(Map.of(field, value)).patch(path).statusCode()));
            for (Future<Integer> status : pool.invokeAll(writers)) {
                assertEquals(200, status.get());
            }
        } finally {
            pool.shutdownNow();
        }
        var article = api().get(path).jsonPath();
        changes.forEach((field, value) -> assertEquals(value, article.getString(field), field));
    }
}
