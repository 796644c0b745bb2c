package com.digestapi.web;

import static com.digestapi.support.Api.anonymous;
import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.rawAnonymous;
import static com.digestapi.support.Api.unique;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Forwarding turned on the way the Kubernetes manifest once did, without naming the trusted proxies: a client that
 * talks to the service directly cannot put its own host into the links the API and the feeds hand out.
 */
@QuarkusTest
@TestProfile(ForwardedHeadersTest.ForwardingOn.class)
class ForwardedHeadersTest {

    /** Forwarding on, X-Forwarded-* allowed, quarkus.http.proxy.trusted-proxies left at the application's default. */
    public static class ForwardingOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.allow-forwarded", "true");
        }
    }

    @Test
    void forwardedHeadersFromAnUnlistedPeerChangeNoLink() {
        String own = "http://localhost:" + RestAssured.port;
        String q = unique("forwarded");
        String link = anonymous().header("X-Forwarded-Host", "evil.example").header("X-Forwarded-Proto", "https")
                .header("Forwarded", "host=evil.example;proto=https")
                .queryParam("q", q).queryParam("size", 1).get(ApiPaths.V1 + "/articles")
                .then().statusCode(200).extract().header("Link");
        assertThat(link, containsString("<" + own + ApiPaths.V1 + "/articles?"));
        assertThat(link, not(containsString("evil.example")));

        String feed = rawAnonymous().header("X-Forwarded-Host", "evil.example").header("Forwarded", "host=evil.example")
                .queryParam("topic", q).get(ApiPaths.V1 + "/feeds/articles.atom")
                .then().statusCode(200).extract().asString();
        assertThat(feed, containsString("href=\"" + own + ApiPaths.V1 + "/feeds/articles.atom?topic=" + q + "\""));
        assertThat(feed, not(containsString("evil.example")));

        String location = api().header("X-Forwarded-Host", "evil.example").header("Forwarded", "host=evil.example")
                .contentType(ContentType.JSON).body(Map.of("name", unique("Outlet"))).post(ApiPaths.V1 + "/outlets")
                .then().statusCode(201).extract().header("Location");
        assertThat(location, startsWith(own + ApiPaths.V1 + "/outlets/"));

        rawAnonymous().header("X-Forwarded-Host", "evil.example").get(ApiPaths.V1 + "/outlets/0")
                .then().statusCode(404).body("type", startsWith(own + "/problems/")).body("type", endsWith("not-found"));
    }
}
