package com.digestapi.account;

import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.raw;
import static com.digestapi.support.Api.rawAnonymous;
import static com.digestapi.support.Api.unique;
import static com.digestapi.support.ProblemChecks.problem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.digestapi.support.Api;
import com.digestapi.support.SentSql;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** API tokens: issued once, listed without the secret, sent as Bearer, revocable, expiring; bad headers cost nothing. */
@QuarkusTest
class ApiTokenTest {

    @Inject
    AgroalDataSource dataSource;

    private static final String TOKENS = "/api/v1/accounts/me/tokens";
    private static final String CHALLENGE = "Basic realm=\"digest\", charset=\"UTF-8\", Bearer realm=\"digest\"";

    @Test
    void aTokenIsShownOnceListedWithoutItsSecretAndSignsInAsItsAccount() {
        String name = unique("sync job");
        JsonPath created = api().contentType(ContentType.JSON).body(Map.of("name", name)).post(TOKENS)
                .then().statusCode(201)
                .header("Location", matchesPattern("^http://[^/]+" + TOKENS + "/\\d+$"))
                .body("name", equalTo(name))
                .body("token", matchesPattern("^dgst_[A-Za-z0-9_-]{43}[0-9a-f]{8}$"))
                .body("expiresAt", nullValue())
                .body("createdAt", notNullValue())
                .extract().jsonPath();
        long id = created.getLong("id");
        String token = created.getString("token");

        api().get(TOKENS).then().statusCode(200)
                .body("find { it.id == " + id + " }.name", equalTo(name))
                .body("find { it.id == " + id + " }", not(hasKey("token")))
                .body("find { it.id == " + id + " }.lastUsedAt", nullValue())
                .body(not(org.hamcrest.Matchers.containsString(token)));

        // The token writes as its account, and sees drafts as editors do.
        long outlet = bearer(token).contentType(ContentType.JSON).body(Map.of("name", unique("Token outlet")))
                .post("/api/v1/outlets").then().statusCode(201).extract().jsonPath().getLong("id");
        long draft = bearer(token).contentType(ContentType.JSON)
                .body(Map.of("title", "Token draft", "publishedOn", "2024-11-02")).post("/api/v1/issues")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        bearer(token).get("/api/v1/issues/{id}", draft).then().statusCode(200).body("status", equalTo("DRAFT"));
        rawAnonymous().get("/api/v1/issues/{id}", draft).then().statusCode(404);

        api().get(TOKENS + "/{id}", id).then().statusCode(200)
                .body("id", is((int) id)).body("name", equalTo(name)).body("lastUsedAt", notNullValue())
                .body("$", not(hasKey("token")));

        api().delete(TOKENS + "/{id}", id).then().statusCode(204);
        problem(raw().get(TOKENS + "/{id}", id), 404, "not-found", TOKENS + "/" + id);
        JsonPath refused = problem(bearerRaw(token).delete("/api/v1/outlets/{id}", outlet), 401, "unauthorized",
                "/api/v1/outlets/" + outlet);
        assertThat(refused.getString("detail"), equalTo("the API token is unknown or was revoked"));
        api().get("/api/v1/outlets/{id}", outlet).then().statusCode(200);
    }

    @Test
    void anExpiredTokenIsRefused() throws SQLException {
        Instant tomorrow = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        JsonPath created = api().contentType(ContentType.JSON)
                .body(Map.of("name", unique("short"), "expiresAt", tomorrow.toString()))
                .post(TOKENS).then().statusCode(201).body("expiresAt", equalTo(tomorrow.toString())).extract().jsonPath();
        String token = created.getString("token");
        bearer(token).get(TOKENS).then().statusCode(200);
        // Time passes: the expiry moves into the past (a second ago).
        Instant past = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
        try (Connection connection = dataSource.getConnection();
             PreparedStatement update = connection.prepareStatement("update api_token set expires_at = ? where id = ?")) {
            update.setObject(1, java.time.OffsetDateTime.ofInstant(past, java.time.ZoneOffset.UTC));
            update.setLong(2, created.getLong("id"));
            assertThat(update.executeUpdate(), is(1));
        }
        JsonPath refused = problem(bearerRaw(token).get(TOKENS), 401, "unauthorized", TOKENS);
        assertThat(refused.getString("detail"), equalTo("the API token expired at " + past));
    }

    @Test
    void tokensBelongToTheirAccountAndGoWithIt() {
        String other = unique("tokenowner");
        String password = "another-password-1";
        api().contentType(ContentType.JSON).body(Map.of("username", other, "password", password, "roles", List.of("editor")))
                .post("/api/v1/accounts").then().statusCode(201);
        JsonPath created = Api.anonymous().auth().preemptive().basic(other, password).contentType(ContentType.JSON)
                .body(Map.of("name", "theirs")).post(TOKENS).then().statusCode(201).extract().jsonPath();
        long id = created.getLong("id");
        // Another editor neither sees nor revokes it.
        api().get(TOKENS).then().statusCode(200).body("id", not(hasItem((int) id)));
        problem(raw().delete(TOKENS + "/{id}", id), 404, "not-found", TOKENS + "/" + id);
        bearer(created.getString("token")).get(TOKENS).then().statusCode(200).body("id", equalTo(List.of((int) id)));

        api().delete("/api/v1/accounts/{username}", other).then().statusCode(204);
        problem(bearerRaw(created.getString("token")).get(TOKENS), 401, "unauthorized", TOKENS);
    }

    @Test
    void badTokenRequestsAre400AndAnonymousOnes401() {
        problem(raw().contentType(ContentType.JSON).body(Map.of("name", " ")).post(TOKENS), 400, "validation", TOKENS);
        JsonPath past = problem(raw().contentType(ContentType.JSON).body(Map.of("name", "x", "expiresAt", "2020-01-01T00:00:00Z"))
                .post(TOKENS), 400, "validation", TOKENS);
        assertThat(past.getString("errors[0].field"), equalTo("expiresAt"));
        JsonPath far = problem(raw().contentType(ContentType.JSON).body("{\"name\": \"x\", \"expiresAt\": \"+20000-01-01T00:00:00Z\"}")
                .post(TOKENS), 400, "validation", TOKENS);
        assertThat(far.getString("errors[0].field"), equalTo("expiresAt"));
        problem(raw().contentType(ContentType.JSON).body(Map.of("name", "x", "token", "mine")).post(TOKENS), 400,
                "validation", TOKENS);
        problem(raw().contentType(ContentType.JSON).body(Map.of("name", "x".repeat(101))).post(TOKENS), 400,
                "validation", TOKENS);
        problem(raw().get(TOKENS + "/abc"), 404, "not-found", TOKENS + "/abc");
        problem(rawAnonymous().contentType(ContentType.JSON).body(Map.of("name", "x")).post(TOKENS), 401,
                "unauthorized", TOKENS);
        api().get(TOKENS).then().statusCode(200).body("name", not(hasItem("x".repeat(101))));
    }

    @Test
    void malformedOrUnknownAuthorizationIsRefusedWithoutReadingTheDatabase() {
        String wrongChecksum = TokenSecrets.generate();
        wrongChecksum = wrongChecksum.substring(0, wrongChecksum.length() - 1)
                + (wrongChecksum.endsWith("0") ? "1" : "0");
        Map<String, String> headers = Map.of(
                "Bearer x", "the Authorization header's Bearer token is not an API token of this service",
                "Bearer " + wrongChecksum, "the Authorization header's Bearer token is not an API token of this service",
                "Digest username=\"editor\"", "the Authorization header must be Basic (username and password) or Bearer (an API token)",
                "Basic !!!", "the Authorization header's Basic credentials are not base64",
                "Basic ZWRpdG9y", "the Authorization header's Basic credentials must be username:password (a username of 1 to"
                        + " 100 characters, a password of at most 1024, no control characters)",
                "Basic /w==", "the Authorization header's Basic credentials are not UTF-8",
                "Bearer", "the Authorization header must be Basic (username and password) or Bearer (an API token)");
        headers.forEach((header, detail) -> {
            List<String> sql = SentSql.during(() -> {
                // A public read too: credentials that cannot be right are refused, not silently ignored.
                JsonPath refused = problem(rawAnonymous().header("Authorization", header).get("/api/v1/issues"), 401,
                        "unauthorized", "/api/v1/issues");
                assertThat(header, refused.getString("detail"), equalTo(detail));
                rawAnonymous().header("Authorization", header).get("/api/v1/issues").then()
                        .header("WWW-Authenticate", equalTo(CHALLENGE));
            });
            assertThat(header + " read the database: " + sql, sql, is(empty()));
        });

        String unknown = TokenSecrets.generate();
        JsonPath refused = problem(rawAnonymous().header("Authorization", "Bearer " + unknown).get("/api/v1/issues"),
                401, "unauthorized", "/api/v1/issues");
        assertThat(refused.getString("detail"), equalTo("the API token is unknown or was revoked"));
    }

    @Test
    void aRememberedPasswordStopsWorkingWhenTheAccountGoes() {
        String user = unique("remembered");
        String password = "remembered-password-1";
        api().contentType(ContentType.JSON).body(Map.of("username", user, "password", password, "roles", List.of("editor")))
                .post("/api/v1/accounts").then().statusCode(201);
        Api.anonymous().auth().preemptive().basic(user, password).get(TOKENS).then().statusCode(200);
        Api.anonymous().auth().preemptive().basic(user, password).get(TOKENS).then().statusCode(200);
        api().delete("/api/v1/accounts/{username}", user).then().statusCode(204);
        JsonPath refused = problem(rawAnonymous().auth().preemptive().basic(user, password).get(TOKENS), 401,
                "unauthorized", TOKENS);
        assertThat(refused.getString("detail"), equalTo("the username or password is wrong"));
    }

    private static RequestSpecification bearer(String token) {
        return Api.anonymous().header("Authorization", "Bearer " + token);
    }

    private static RequestSpecification bearerRaw(String token) {
        return rawAnonymous().header("Authorization", "Bearer " + token);
    }
}
