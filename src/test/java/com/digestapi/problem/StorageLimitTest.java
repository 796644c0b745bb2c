package com.digestapi.problem;

import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.newIssue;
import static com.digestapi.support.Api.newOutlet;
import static com.digestapi.support.Api.unique;
import static com.digestapi.support.ProblemChecks.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A value the database cannot store is the client's 400, never a 500; and lower-casing never makes one. */
@QuarkusTest
class StorageLimitTest {

    @Test
    void aValueTooLongForItsColumnIs400() {
        String path = "/test-probes/too-long";
        JsonPath problem = problem(given().post(path), 400, "validation", path);
        assertThat(problem.getString("title"), equalTo("Invalid request"));
        assertThat(problem.getString("detail"), equalTo("a value is too long or out of range for storage; shorten or correct it"));
        assertThat(problem.get("errors"), nullValue());
    }

    @Test
    void theProblemTypeAndTheOpenApiDocumentDescribeIt() {
        given().get("/problems/validation").then().statusCode(200)
                .body(containsString("the database cannot store (too long or out of range for its column)"));
        JsonPath document = given().accept(ContentType.JSON).get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        for (String write : List.of("'/api/v1/articles'.post", "'/api/v1/articles/{id}'.put",
                "'/api/v1/articles/{id}'.patch", "'/api/v1/issues/import'.post")) {
            assertThat(write, document.getString("paths." + write + ".responses.'400'.description"),
                    containsString("Also a value the database cannot store (too long or out of range for its column)"));
        }
        assertThat(document.getString("paths.'/api/v1/articles'.get.responses.'400'.description"),
                not(containsString("database")));
    }

    @Test
    void textThatLowerCasingLengthensSavesAndStaysSearchable() {
        // 'İ' lower-cases to two characters: at the largest sizes the fields allow, the search text outgrows its column.
        String word = unique("dotted");
        String big = "İ".repeat(2000);
        Map<String, Object> body = Map.of("issueId", newIssue("2001-01-01", "DRAFT"), "outletId", newOutlet(),
                "headline", word + " " + "İ".repeat(400), "publishedOn", "2024-11-09",
                "summary", "İ".repeat(10_000), "quotes", Collections.nCopies(20, Map.of("text", big)));
        long id = api().contentType(ContentType.JSON).body(body).post("/api/v1/articles")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        api().get("/api/v1/articles/{id}", id).then().statusCode(200)
                .body("summary", equalTo("İ".repeat(10_000)))
                .body("quotes", hasSize(20));
        List<Long> found = api().queryParam("q", word).get("/api/v1/articles")
                .then().statusCode(200).extract().jsonPath().getList("items.id", Long.class);
        assertThat(found, equalTo(List.of(id)));
    }
}
