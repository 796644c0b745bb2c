package com.digestapi.support;

import static io.restassured.RestAssured.given;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.restassured.OpenApiValidationFilter;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Entry point of every HTTP call in the tests. Each call is checked against the OpenAPI document the service serves,
 * so the document cannot drift from the behaviour: {@link #api()} validates request and response; {@link #raw()}, for
 * requests that break the contract on purpose, validates the response only.
 */
public final class Api {

    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static volatile OpenApiValidationFilter strict;
    private static volatile OpenApiValidationFilter responsesOnly;

    private Api() {
    }

    /** The first editor's credentials, as configured for the test profile. */
    public static final String EDITOR = "editor";
    public static final String EDITOR_PASSWORD = "editor-test-password";

    /** A request by the editor that follows the contract; request and response must match the OpenAPI document. */
    public static RequestSpecification api() {
        return given().filter(strict()).auth().preemptive().basic(EDITOR, EDITOR_PASSWORD);
    }

    /** A request by an anonymous reader that follows the contract. */
    public static RequestSpecification anonymous() {
        return given().filter(strict());
    }

    /** A request by the editor that may break the contract on purpose; the response must still match the document. */
    public static RequestSpecification raw() {
        return given().filter(responsesOnly()).auth().preemptive().basic(EDITOR, EDITOR_PASSWORD);
    }

    /** An anonymous request that may break the contract on purpose. */
    public static RequestSpecification rawAnonymous() {
        return given().filter(responsesOnly());
    }

    /** A string no other test uses, for slugs, names and search terms. */
    public static String unique(String prefix) {
        return prefix + "-" + Long.toString(System.nanoTime(), 36) + SEQUENCE.incrementAndGet();
    }

    private static OpenApiValidationFilter strict() {
        if (strict == null) {
            strict = new OpenApiValidationFilter(validator(LevelResolver.create()
                    .withLevel("validation.schema.required", ValidationReport.Level.ERROR)
                    .build()));
        }
        return strict;
    }

    private static OpenApiValidationFilter responsesOnly() {
        if (responsesOnly == null) {
            responsesOnly = new OpenApiValidationFilter(validator(LevelResolver.create()
                    .withLevel("validation.request", ValidationReport.Level.IGNORE)
                    .build()));
        }
        return responsesOnly;
    }

    private static OpenApiInteractionValidator validator(LevelResolver levels) {
        String document = given().baseUri("http://localhost").port(RestAssured.port)
                .accept(ContentType.JSON).get("/q/openapi?format=json").asString();
        return OpenApiInteractionValidator.createForInlineApiSpecification(document)
                .withLevelResolver(levels)
                .build();
    }

    /** Creates an outlet with a unique name and returns its id. */
    public static long newOutlet(Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", unique("Outlet")));
        body.putAll(extra);
        return api().contentType(ContentType.JSON).body(body).post("/api/v1/outlets")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static long newOutlet() {
        return newOutlet(Map.of());
    }

    /** Creates a topic with a unique name and returns its id. */
    public static long newTopic() {
        return api().contentType(ContentType.JSON).body(Map.of("name", unique("Topic")))
                .post("/api/v1/topics").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    /** Creates an issue with a unique title on the given date and returns its id. */
    public static long newIssue(String publishedOn, String status) {
        return api().contentType(ContentType.JSON)
                .body(Map.of("title", unique("Issue"), "publishedOn", publishedOn, "status", status))
                .post("/api/v1/issues").then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static long newIssue() {
        return newIssue("2024-11-02", "PUBLISHED");
    }

    /** Adds an article with the given headline to the end of an issue and returns its id. */
    public static long newArticle(long issueId, long outletId, String headline, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("issueId", issueId, "headline", headline,
                "outletId", outletId, "publishedOn", "2024-10-30", "summary", "Summary of " + headline));
        body.putAll(extra);
        return api().contentType(ContentType.JSON).body(body).post("/api/v1/articles")
                .then().statusCode(201).extract().jsonPath().getLong("id");
    }

    public static long newArticle(long issueId, long outletId, String headline) {
        return newArticle(issueId, outletId, headline, Map.of());
    }
}
