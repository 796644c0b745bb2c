package com.digestapi.webhook;

import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.raw;
import static com.digestapi.support.ProblemChecks.problem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With the defaults (no http, no private targets), subscriptions to unsafe URLs are refused with a 400 naming url. */
@QuarkusTest
@TestProfile(WebhookTargetsTest.Defaults.class)
class WebhookTargetsTest {

    @Inject
    EntityManager em;

    public static class Defaults implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("digest.webhooks.allow-http", "false", "digest.webhooks.allow-private-targets", "false");
        }
    }

    @Test
    void httpAndNonPublicTargetsAreRefusedNamingTheField() {
        refused("http://partner.example/hooks", "must be an https URL");
        refused("https://127.0.0.1/hooks", "non-public address (127.0.0.1)");
        refused("https://localhost:8443/hooks", "non-public address");
        refused("https://10.1.2.3/hooks", "non-public address (10.1.2.3)");
        refused("https://192.168.0.10/hooks", "non-public address");
        refused("https://169.254.169.254/latest/meta-data", "non-public address (169.254.169.254)");
        refused("https://100.100.100.200/", "non-public address");
        refused("https://[::1]/hooks", "non-public address");
        refused("https://[fd00:ec2::254]/hooks", "non-public address");
        refused("https://[::ffff:10.0.0.1]/hooks", "non-public address");
        refused("https://0.0.0.0/hooks", "non-public address");
        refused("https://user:password@8.8.8.8/hooks", "must not carry credentials");
        // A public address is accepted; a PATCH to a private one is refused the same way.
        long id = api().contentType(ContentType.JSON)
                .body(Map.of("url", "https://8.8.8.8/hooks", "events", List.of("topic.deleted")))
                .post(WebhookTest.WEBHOOKS).then().statusCode(201).extract().jsonPath().getLong("id");
        try {
            String path = WebhookTest.WEBHOOKS + "/" + id;
            JsonPath patched = problem(raw().contentType(ContentType.JSON).body(Map.of("url", "https://10.0.0.1/"))
                    .patch(path), 400, "validation", path);
            assertEquals("url", patched.getString("errors[0].field"));
        } finally {
            api().delete(WebhookTest.WEBHOOKS + "/{id}", id).then().statusCode(204);
        }
    }

    @Test
    void aTargetThatResolvesToAPrivateAddressLaterIsRefusedAtSendTime() {
        long id = api().contentType(ContentType.JSON)
                .body(Map.of("url", "https://8.8.8.8/hooks", "events", List.of("topic.deleted")))
                .post(WebhookTest.WEBHOOKS).then().statusCode(201).extract().jsonPath().getLong("id");
        try {
            // As if its DNS name now resolved to loopback.
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                    "update webhook_subscription set url = 'https://127.0.0.1:9/hooks' where id = ?1")
                    .setParameter(1, id).executeUpdate());
            api().post(WebhookTest.WEBHOOKS + "/{id}/ping", id).then().statusCode(202);
            String deliveries = WebhookTest.WEBHOOKS + "/" + id + "/deliveries";
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(20).toNanos();
            JsonPath page;
            do {
                WebhookReceiver.sleep(100);
                page = api().get(deliveries).then().statusCode(200).extract().jsonPath();
            } while (page.getInt("items[0].attempts") == 0 && System.nanoTime() < deadline);
            assertThat(page.getString("items[0].lastError"), containsString("non-public address (127.0.0.1)"));
            assertNull(page.get("items[0].lastResponseCode"), "no request was sent");
        } finally {
            api().delete(WebhookTest.WEBHOOKS + "/{id}", id).then().statusCode(204);
        }
    }

    @Test
    void addressesAreJudgedByTheirRange() throws UnknownHostException {
        for (String address : List.of("127.0.0.1", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254",
                "100.64.0.1", "0.0.0.0", "224.0.0.1", "255.255.255.255", "198.18.0.1", "::1", "::", "fe80::1",
                "fc00::1", "fd00:ec2::254", "::ffff:127.0.0.1", "64:ff9b::a00:1")) {
            assertFalse(WebhookTargets.isPublic(InetAddress.getByName(address)), address);
        }
        for (String address : List.of("8.8.8.8", "1.1.1.1", "93.184.216.34", "2606:4700:4700::1111",
                "64:ff9b::808:808")) {
            assertTrue(WebhookTargets.isPublic(InetAddress.getByName(address)), address);
        }
    }

    private static void refused(String url, String message) {
        JsonPath problem = problem(raw().contentType(ContentType.JSON)
                .body(Map.of("url", url, "events", List.of("article.published"))).post(WebhookTest.WEBHOOKS),
                400, "validation", WebhookTest.WEBHOOKS);
        assertEquals("url", problem.getString("errors[0].field"), url);
        assertThat(url, problem.getString("errors[0].message"), containsString(message));
    }
}
