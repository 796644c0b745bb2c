package com.digestapi.web;

import static com.digestapi.support.Api.anonymous;
import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.newOutlet;
import static com.digestapi.support.Api.rawAnonymous;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Caching, CORS and protective headers, as the contract's HTTP semantics and security sections describe them. */
@QuarkusTest
class HttpHeadersTest {

    @Test
    void publicReadsAreCacheableAndEditorsReadsAreNot() {
        anonymous().get("/api/v1/issues").then().statusCode(200)
                .header("Cache-Control", equalTo("public, max-age=30"))
                .header("Vary", containsString("Authorization"));
        long outlet = newOutlet();
        anonymous().get("/api/v1/outlets/{id}", outlet).then().header("Cache-Control", equalTo("public, max-age=30"));
        api().get("/api/v1/outlets/{id}", outlet).then().statusCode(200)
                .header("Cache-Control", equalTo("private, no-store"))
                .header("Vary", containsString("Authorization"));
        api().contentType("application/merge-patch+json").body(Map.of("country", "KZ"))
                .patch("/api/v1/outlets/{id}", outlet).then().statusCode(200).header("Cache-Control", equalTo("no-store"));
        rawAnonymous().get("/api/v1/outlets/0").then().statusCode(404).header("Cache-Control", equalTo("no-store"));
    }

    @Test
    void readsVaryOnOriginEvenWhenTheRequestHasNone() {
        // A shared cache that kept the answer to a request without Origin (no Access-Control-Allow-Origin) must not
        // hand it to a browser on another origin, nor an anonymous answer to an editor.
        String etag = anonymous().get("/api/v1/topics").then().statusCode(200).extract().header("ETag");
        for (var response : List.of(
                anonymous().get("/api/v1/topics").then().statusCode(200).extract(),
                anonymous().header("If-None-Match", etag).get("/api/v1/topics").then().statusCode(304).extract(),
                rawAnonymous().get("/api/v1/feeds/articles.atom").then().statusCode(200).extract(),
                anonymous().header("Origin", "https://partner.example").get("/api/v1/topics")
                        .then().statusCode(200).extract())) {
            List<String> vary = response.headers().getValues("Vary").stream()
                    .flatMap(value -> Arrays.stream(value.split(","))).map(String::strip).toList();
            assertThat(vary, hasItems("Origin", "Authorization"));
            assertThat("no duplicates: " + vary, vary.stream().distinct().count(), equalTo((long) vary.size()));
        }
    }

    @Test
    void protectiveHeadersAndNoServerBanner() {
        anonymous().get("/api/v1/topics").then().statusCode(200)
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Content-Security-Policy", equalTo("default-src 'none'; frame-ancestors 'none'"))
                .header("Server", nullValue());
        rawAnonymous().get("/q/swagger-ui/").then().statusCode(200)
                .header("Content-Security-Policy", nullValue())
                .header("X-Content-Type-Options", equalTo("nosniff"));
    }

    @Test
    void anyOriginMayReadAndPreflightAReadAnswers() {
        anonymous().header("Origin", "https://partner.example").get("/api/v1/issues").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("*"))
                .header("Access-Control-Expose-Headers", containsString("ETag"))
                .header("Access-Control-Expose-Headers", containsString("Link"))
                .header("Access-Control-Expose-Headers", containsString("RateLimit-Policy"))
                .header("Access-Control-Expose-Headers", containsString("Retry-After"));
        rawAnonymous().header("Origin", "https://partner.example").header("Access-Control-Request-Method", "GET")
                .options("/api/v1/articles").then().statusCode(204)
                .header("Access-Control-Allow-Origin", equalTo("*"))
                .header("Access-Control-Allow-Methods", equalTo("GET, HEAD, OPTIONS"))
                .header("Access-Control-Max-Age", equalTo("600"));
    }

    @Test
    void anyOriginMayReadWhatAProblemTypeMeans() {
        // A browser app that got a problem may show what its type URL says.
        anonymous().header("Origin", "https://partner.example").get("/problems/validation").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo("*"))
                .header("Vary", containsString("Origin"));
        anonymous().get("/problems/validation").then().statusCode(200)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void browsersMayWriteOnlyFromConfiguredOrigins() {
        rawAnonymous().header("Origin", "https://evil.example").header("Access-Control-Request-Method", "POST")
                .options("/api/v1/outlets").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", endsWith("/problems/forbidden"))
                .header("Access-Control-Allow-Origin", nullValue());
        api().header("Origin", "https://evil.example").contentType("application/json")
                .body(Map.of("name", "From elsewhere")).post("/api/v1/outlets")
                .then().statusCode(403).body("detail", containsString("https://evil.example"));
        rawAnonymous().header("Origin", "https://newsroom.example").header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization, content-type, if-match")
                .options("/api/v1/outlets/1").then().statusCode(204)
                .header("Access-Control-Allow-Origin", equalTo("https://newsroom.example"))
                .header("Access-Control-Allow-Methods", containsString("PATCH"))
                .header("Access-Control-Allow-Headers", containsString("If-Match"));
    }

    @Test
    void aPageOfTheServiceItselfMayWrite() {
        // What a browser sends from the Swagger UI at /q/swagger-ui: Origin on a same-origin POST, which is no CORS.
        String own = "http://localhost:" + io.restassured.RestAssured.port;
        api().header("Origin", own).contentType("application/json")
                .body(Map.of("name", com.digestapi.support.Api.unique("From the Swagger UI"))).post("/api/v1/outlets")
                .then().statusCode(201).header("Access-Control-Allow-Origin", nullValue());
        api().header("Origin", "https://localhost:" + io.restassured.RestAssured.port).contentType("application/json")
                .body(Map.of("name", "Other scheme")).post("/api/v1/outlets").then().statusCode(403);
    }
}
