package com.digestapi.article;

import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.raw;
import static com.digestapi.support.Api.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import com.digestapi.support.ListSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A search pages down to digest.search.max-depth hits (3 here, 10,000 by default); past the last hit it is empty. */
@QuarkusTest
@TestProfile(SearchDepthTest.Shallow.class)
class SearchDepthTest {

    public static class Shallow implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            if (System.getProperty("quarkus.test.profile", "test").contains("pg")) {
                return Map.of("digest.search.max-depth", "3");
            }
            // On H2, a database and index of their own: after a restart on the shared in-memory database, H2 2.4.240
            // refuses new rows of tables with check constraints (a spurious "Check constraint invalid").
            return Map.of("digest.search.max-depth", "3",
                    "quarkus.datasource.jdbc.url", "jdbc:h2:mem:digest-depth-test;DB_CLOSE_DELAY=-1",
                    "digest.search.index-dir", "target/search-index-depth-test");
        }
    }

    @Test
    void pagesBeyondTheDepthAre400UnlessPastTheLastHit() {
        String t = unique("deep");
        long outlet = ListSupport.outlet(Map.of("name", t + " outlet")).getLong("id");
        long issue = ListSupport.issue(t + " issue", "2477-03-14", "PUBLISHED", null).getLong("id");
        for (int i = 0; i < 5; i++) {
            ListSupport.article(issue, outlet, t + " number " + i, "2024-01-1" + i, Map.of());
        }
        api().queryParam("q", t).queryParam("page", 1).queryParam("size", 1).get("/api/v1/articles")
                .then().statusCode(200).body("items.size()", is(1)).body("totalItems", is(5));
        raw().queryParam("q", t).queryParam("page", 1).queryParam("size", 2).get("/api/v1/articles")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/problems/validation"))
                .body("errors[0].field", equalTo("page"))
                .body("errors[0].message", containsString("first 3 results"));
        api().queryParam("q", t).queryParam("page", 3).queryParam("size", 2).get("/api/v1/articles")
                .then().statusCode(200).body("items.size()", is(0)).body("totalItems", is(5)).body("page", is(3));
    }
}
