package com.digestapi.account;

import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.newIssue;
import static com.digestapi.support.Api.newOutlet;
import static com.digestapi.support.Api.newTopic;
import static com.digestapi.support.Api.rawAnonymous;
import static com.digestapi.support.Api.unique;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every write path refuses anonymous callers (401), wrong passwords (401) and accounts without the role (403). */
@QuarkusTest
class WriteAuthorizationTest {

    private static final String READER_PASSWORD = "reader-password-123";
    private String reader;
    private List<Write> writes;

    record Write(String method, String path, String contentType, Object body) {
    }

    @BeforeEach
    void setUp() {
        reader = unique("reader");
        api().contentType(ContentType.JSON)
                .body(Map.of("username", reader, "password", READER_PASSWORD, "roles", List.of()))
                .post("/api/v1/accounts").then().statusCode(201).body("roles", equalTo(List.of()));
        long outlet = newOutlet();
        long topic = newTopic();
        long issue = newIssue();
        long article = api().contentType(ContentType.JSON).body(Map.of("headline", unique("Guarded"), "outletId", outlet,
                        "publishedOn", "2024-10-01", "summary", "s"))
                .post("/api/v1/issues/{id}/articles", issue).then().statusCode(201).extract().jsonPath().getLong("id");
        Map<String, Object> outletBody = Map.of("name", unique("Intruder outlet"));
        Map<String, Object> topicBody = Map.of("name", unique("Intruder topic"));
        Map<String, Object> issueBody = Map.of("title", "Intruder", "publishedOn", "2024-10-01");
        Map<String, Object> articleBody = Map.of("issueId", issue, "headline", "Intruder", "outletId", outlet,
                "publishedOn", "2024-10-01", "summary", "s");
        Map<String, Object> document = Map.of("title", "Intruder", "publishedOn", "2024-10-01", "articles", List.of());
        String json = "application/json";
        String patch = "application/merge-patch+json";
        writes = List.of(
                new Write("POST", "/api/v1/outlets", json, outletBody),
                new Write("PUT", "/api/v1/outlets/" + outlet, json, outletBody),
                new Write("PATCH", "/api/v1/outlets/" + outlet, patch, Map.of("country", "KZ")),
                new Write("DELETE", "/api/v1/outlets/" + outlet, null, null),
                new Write("POST", "/api/v1/topics", json, topicBody),
                new Write("PUT", "/api/v1/topics/" + topic, json, topicBody),
                new Write("PATCH", "/api/v1/topics/" + topic, patch, Map.of("description", "x")),
                new Write("DELETE", "/api/v1/topics/" + topic, null, null),
                new Write("POST", "/api/v1/issues", json, issueBody),
                new Write("PUT", "/api/v1/issues/" + issue, json, issueBody),
                new Write("PATCH", "/api/v1/issues/" + issue, patch, Map.of("status", "DRAFT")),
                new Write("DELETE", "/api/v1/issues/" + issue, null, null),
                new Write("POST", "/api/v1/issues/" + issue + "/articles", json, articleBody),
                new Write("POST", "/api/v1/issues/import", json, document),
                new Write("POST", "/api/v1/articles", json, articleBody),
                new Write("PUT", "/api/v1/articles/" + article, json, articleBody),
                new Write("PATCH", "/api/v1/articles/" + article, patch, Map.of("position", 1)),
                new Write("DELETE", "/api/v1/articles/" + article, null, null),
                new Write("POST", "/api/v1/accounts", json, Map.of("username", unique("x"), "password", "123456789012",
                        "roles", List.of("editor"))),
                new Write("DELETE", "/api/v1/accounts/" + reader, null, null));
    }

    @Test
    void anonymousWritesAre401WithABasicChallenge() {
        for (Write write : writes) {
            send(write, spec -> spec).then().statusCode(401)
                    .header("WWW-Authenticate", equalTo("Basic realm=\"digest\", charset=\"UTF-8\", Bearer realm=\"digest\""))
                    .contentType("application/problem+json")
                    .body("type", endsWith("/problems/unauthorized"))
                    .body("status", is(401));
        }
    }

    @Test
    void wrongPasswordsAre401() {
        for (Write write : writes) {
            send(write, spec -> spec.auth().preemptive().basic("editor", "not-the-password")).then().statusCode(401)
                    .header("WWW-Authenticate", equalTo("Basic realm=\"digest\", charset=\"UTF-8\", Bearer realm=\"digest\""))
                    .body("detail", equalTo("the username or password is wrong"));
            send(write, spec -> spec.auth().preemptive().basic(unique("nobody"), "whatever-password"))
                    .then().statusCode(401);
        }
    }

    @Test
    void accountsWithoutTheEditorRoleAre403() {
        for (Write write : writes) {
            send(write, spec -> spec.auth().preemptive().basic(reader, READER_PASSWORD)).then().statusCode(403)
                    .contentType("application/problem+json")
                    .body("type", endsWith("/problems/forbidden"))
                    .body("detail", equalTo("this operation needs the editor role"));
        }
    }

    @Test
    void refusedWritesChangedNothingAndTheEditorMayWrite() {
        long outlet = newOutlet();
        String name = api().get("/api/v1/outlets/{id}", outlet).jsonPath().getString("name");
        rawAnonymous().contentType(ContentType.JSON).body(Map.of("name", "Hijacked"))
                .put("/api/v1/outlets/{id}", outlet).then().statusCode(401);
        rawAnonymous().auth().preemptive().basic(reader, READER_PASSWORD).delete("/api/v1/outlets/{id}", outlet)
                .then().statusCode(403);
        api().get("/api/v1/outlets/{id}", outlet).then().statusCode(200).body("name", equalTo(name));
        api().delete("/api/v1/outlets/{id}", outlet).then().statusCode(204);
    }

    @Test
    void readsArePublicAndAccountsAreNot() {
        rawAnonymous().get("/api/v1/issues").then().statusCode(200);
        rawAnonymous().get("/api/v1/accounts").then().statusCode(401);
        api().get("/api/v1/accounts").then().statusCode(200)
                .body("username", hasItem("editor"))
                .body("username", hasItem(reader))
                .body(not(org.hamcrest.Matchers.containsString("$2a$")));
        rawAnonymous().auth().preemptive().basic(reader, READER_PASSWORD).get("/api/v1/issues").then().statusCode(200);
    }

    private io.restassured.response.Response send(Write write, Function<RequestSpecification, RequestSpecification> auth) {
        RequestSpecification spec = auth.apply(rawAnonymous());
        if (write.body() != null) {
            spec = spec.contentType(write.contentType()).body(write.body());
        }
        return spec.request(write.method(), write.path());
    }

    @Test
    void noAccountMayTakeTheNameOfTheServicesOwnWrites() {
        for (String name : List.of("system", "System")) {
            api().contentType(ContentType.JSON)
                    .body(Map.of("username", name, "password", READER_PASSWORD, "roles", List.of()))
                    .post("/api/v1/accounts").then().statusCode(409)
                    .contentType(startsWith("application/problem+json"))
                    .body("detail", equalTo("username '" + name + "' is reserved for the service's own writes"
                            + " (scheduled publication)"));
        }
        api().get("/api/v1/accounts").then().statusCode(200).body("username", not(hasItem("system")));
    }
}
