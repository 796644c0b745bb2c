package com.digestapi.ratelimit;

import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.rawAnonymous;
import static com.digestapi.support.Api.unique;
import static com.digestapi.support.ProblemChecks.problem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.startsWith;

import com.digestapi.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Quotas per client address, per account and per API token, for writes and for wrong credentials: every answer states
 * them (RateLimit-Policy, RateLimit), and the request past one is a 429 problem with Retry-After. Small quotas here; the
 * client address comes from X-Forwarded-For, trusted from the test client's loopback only, so each test is its own
 * set of clients.
 */
@QuarkusTest
@TestProfile(RateLimitTest.SmallQuotas.class)
class RateLimitTest {

    private static final AtomicInteger ADDRESSES = new AtomicInteger(1);

    public static class SmallQuotas implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(Map.of(
                    "digest.rate-limit.anonymous-per-minute", "5",
                    "digest.rate-limit.authenticated-per-minute", "8",
                    "digest.rate-limit.writes-per-minute", "3",
                    "digest.rate-limit.failed-sign-ins-per-minute", "3",
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true",
                    "quarkus.http.proxy.trusted-proxies", "127.0.0.1,::1"));
            if (!System.getProperty("quarkus.test.profile", "test").contains("pg")) {
                // An H2 database of its own: H2 after a restart on the suite's shared in-memory one refuses some inserts.
                overrides.put("quarkus.datasource.jdbc.url", "jdbc:h2:mem:rate-limit-test;DB_CLOSE_DELAY=-1");
            }
            return overrides;
        }
    }

    @Test
    void anonymousClientsHaveAQuotaPerAddressStatedOnEveryAnswer() {
        String address = nextAddress();
        for (int left = 4; left >= 0; left--) {
            // The same URL: answers from the read cache count as much as any other.
            from(address).get("/api/v1/topics").then().statusCode(200)
                    .header("RateLimit-Policy", equalTo("\"anonymous\";q=5;w=60"))
                    .header("RateLimit", matchesPattern("\"anonymous\";r=" + left + ";t=\\d+"));
        }
        Response refused = from(address).get("/api/v1/topics");
        JsonPath problem = problem(refused, 429, "too-many-requests", "/api/v1/topics");
        assertThat(problem.getString("detail"), startsWith("the anonymous quota of 5 requests a minute is spent; retry in "));
        assertThat(Integer.parseInt(refused.header("Retry-After")), allOf(greaterThanOrEqualTo(1), lessThanOrEqualTo(12)));
        assertThat(refused.header("RateLimit-Policy"), equalTo("\"anonymous\";q=5;w=60"));
        assertThat(refused.header("RateLimit"), matchesPattern("\"anonymous\";r=0;t=\\d+"));

        // Another address has its own quota.
        from(nextAddress()).get("/api/v1/topics").then().statusCode(200)
                .header("RateLimit", matchesPattern("\"anonymous\";r=4;t=\\d+"));
    }

    @Test
    void everyKindOfAnswerStatesTheQuotaOnce() {
        String address = nextAddress();
        Response first = from(address).get("/api/v1/outlets");
        first.then().statusCode(200);
        // A 304 from the read cache, a 400 problem and a 404 problem: each one field of each, with the count going down.
        Response notModified = from(address).header("If-None-Match", first.header("ETag")).get("/api/v1/outlets");
        Response badRequest = from(address).get("/api/v1/articles?size=abc");
        Response notFound = from(address).get("/api/v1/articles/999999999");
        assertThat(notModified.statusCode(), equalTo(304));
        problem(badRequest, 400, "validation", "/api/v1/articles");
        problem(notFound, 404, "not-found", "/api/v1/articles/999999999");
        int left = 3;
        for (Response answer : List.of(notModified, badRequest, notFound)) {
            assertThat(answer.headers().getValues("RateLimit-Policy"), equalTo(List.of("\"anonymous\";q=5;w=60")));
            assertThat(answer.headers().getValues("RateLimit").size(), equalTo(1));
            assertThat(answer.header("RateLimit"), matchesPattern("\"anonymous\";r=" + left-- + ";t=\\d+"));
        }
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64() {
        String prefix = "2001:db8:" + Integer.toHexString(ADDRESSES.incrementAndGet()) + ":1::";
        for (int i = 1; i <= 5; i++) {
            from(prefix + i).get("/api/v1/outlets").then().statusCode(200);
        }
        problem(from(prefix + "ffff").get("/api/v1/outlets"), 429, "too-many-requests", "/api/v1/outlets");
        from(prefix.replace(":1::", ":2::") + "1").get("/api/v1/outlets").then().statusCode(200);
    }

    @Test
    void aTokenHasOneQuotaWhateverItsAddressAndWritesATighterOne() {
        String token = token();
        for (int i = 0; i < 3; i++) {
            Response created = bearer(token, nextAddress()).contentType(ContentType.JSON)
                    .body(Map.of("name", unique("Quota outlet"))).post("/api/v1/outlets");
            created.then().statusCode(201)
                    .header("RateLimit-Policy", equalTo("\"authenticated\";q=8;w=60, \"writes\";q=3;w=60"))
                    .header("RateLimit", matchesPattern("\"authenticated\";r=" + (7 - i) + ";t=\\d+, \"writes\";r="
                            + (2 - i) + ";t=\\d+"));
        }
        Response refusedWrite = bearer(token, nextAddress()).contentType(ContentType.JSON)
                .body(Map.of("name", unique("One too many"))).post("/api/v1/outlets");
        JsonPath problem = problem(refusedWrite, 429, "too-many-requests", "/api/v1/outlets");
        assertThat(problem.getString("detail"), startsWith("the writes quota of 3 requests a minute is spent"));
        assertThat(Integer.parseInt(refusedWrite.header("Retry-After")), allOf(greaterThanOrEqualTo(1), lessThanOrEqualTo(20)));

        // Reads still have quota left: 8, less the 4 requests above.
        for (int left = 3; left >= 0; left--) {
            bearer(token, nextAddress()).get("/api/v1/outlets").then().statusCode(200)
                    .header("RateLimit-Policy", equalTo("\"authenticated\";q=8;w=60"))
                    .header("RateLimit", matchesPattern("\"authenticated\";r=" + left + ";t=\\d+"));
        }
        problem(bearer(token, nextAddress()).get("/api/v1/outlets"), 429, "too-many-requests", "/api/v1/outlets");
        // The account's other credentials have their own quotas.
        bearer(token(), nextAddress()).get("/api/v1/outlets").then().statusCode(200);
    }

    @Test
    void wrongCredentialsFromOneAddressAre429BeforeAnyPasswordIsChecked() {
        String address = nextAddress();
        for (int i = 0; i < 3; i++) {
            problem(from(address).auth().preemptive().basic(unique("nobody"), "wrong-password").get("/api/v1/issues"),
                    401, "unauthorized", "/api/v1/issues");
        }
        Response refused = from(address).auth().preemptive().basic(Api.EDITOR, Api.EDITOR_PASSWORD + "-not")
                .get("/api/v1/issues");
        JsonPath problem = problem(refused, 429, "too-many-requests", "/api/v1/issues");
        assertThat(problem.getString("detail"), startsWith("too many wrong credentials from this address; retry in "));
        assertThat(refused.header("RateLimit-Policy"), equalTo("\"sign-in\";q=3;w=60"));
        assertThat(Integer.parseInt(refused.header("Retry-After")), allOf(greaterThanOrEqualTo(1), lessThanOrEqualTo(20)));
        // Malformed headers count too, and an address that is throttled learns it before its header is read.
        problem(from(address).header("Authorization", "Bearer nonsense").get("/api/v1/issues"), 429,
                "too-many-requests", "/api/v1/issues");
        // Other addresses are unaffected.
        from(nextAddress()).auth().preemptive().basic(Api.EDITOR, Api.EDITOR_PASSWORD).get("/api/v1/issues")
                .then().statusCode(200);
    }

    @Test
    void wrongPasswordsForOneUsernameAre429FromEveryAddressButARememberedPasswordStillWorks() {
        String user = unique("target");
        String password = "target-password-12";
        api().header("X-Forwarded-For", nextAddress()).contentType(ContentType.JSON)
                .body(Map.of("username", user, "password", password, "roles", List.of("editor")))
                .post("/api/v1/accounts").then().statusCode(201);
        from(nextAddress()).auth().preemptive().basic(user, password).get("/api/v1/issues").then().statusCode(200);
        for (int i = 0; i < 3; i++) {
            problem(from(nextAddress()).auth().preemptive().basic(user, "guess-" + i).get("/api/v1/issues"), 401,
                    "unauthorized", "/api/v1/issues");
        }
        JsonPath problem = problem(from(nextAddress()).auth().preemptive().basic(user, "guess-4").get("/api/v1/issues"),
                429, "too-many-requests", "/api/v1/issues");
        assertThat(problem.getString("detail"), startsWith("too many wrong credentials for this username; retry in "));
        // Refused at the edge, before the REST layer (which would answer 404 here, and read the body of a write): a
        // flood of guesses costs no more than a cached read.
        Response edge = from(nextAddress()).auth().preemptive().basic(user, "guess-5").contentType(ContentType.JSON)
                .body("{not json").post("/api/v1/no-such-resource");
        problem(edge, 429, "too-many-requests", "/api/v1/no-such-resource");
        assertThat(edge.header("Cache-Control"), equalTo("no-store"));
        assertThat(edge.header("RateLimit-Policy"), equalTo("\"sign-in\";q=3;w=60"));
        // The password verified before the attack is remembered: its owner keeps working.
        from(nextAddress()).auth().preemptive().basic(user, password).get("/api/v1/issues").then().statusCode(200);
    }

    private static String token() {
        return api().header("X-Forwarded-For", nextAddress()).contentType(ContentType.JSON)
                .body(Map.of("name", unique("quota"))).post("/api/v1/accounts/me/tokens")
                .then().statusCode(201).extract().jsonPath().getString("token");
    }

    private static RequestSpecification from(String address) {
        return rawAnonymous().header("X-Forwarded-For", address);
    }

    private static RequestSpecification bearer(String token, String address) {
        return from(address).header("Authorization", "Bearer " + token);
    }

    /** A documentation address (RFC 5737) no other test uses. */
    private static String nextAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.51." + (n / 250) + "." + (n % 250 + 1);
    }
}
