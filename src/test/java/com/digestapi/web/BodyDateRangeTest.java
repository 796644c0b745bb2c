package com.digestapi.web;

import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.newIssue;
import static com.digestapi.support.Api.raw;
import static com.digestapi.support.ProblemChecks.problem;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every date of every body lies in the years 1..9999, as dates in queries do; the contract says so. */
@QuarkusTest
class BodyDateRangeTest {

    private static final String RANGE = "must be a date from 0001-01-01 to 9999-12-31";

    static Stream<Arguments> bodies() {
        String article = "\"issueId\": 1, \"outletId\": 1, \"headline\": \"h\", \"summary\": \"s\"";
        String entry = "\"headline\": \"h\", \"outlet\": \"o\", \"summary\": \"s\"";
        return Stream.of(
                Arguments.of("a five-digit year", "/api/v1/issues",
                        "{\"title\": \"t\", \"publishedOn\": \"+20000-01-01\"}", "publishedOn"),
                Arguments.of("year zero", "/api/v1/issues", "{\"title\": \"t\", \"publishedOn\": \"0000-01-01\"}",
                        "publishedOn"),
                Arguments.of("a negative year", "/api/v1/issues", "{\"title\": \"t\", \"publishedOn\": \"-0001-12-31\"}",
                        "publishedOn"),
                Arguments.of("an article's date", "/api/v1/articles",
                        "{" + article + ", \"publishedOn\": \"+10000-01-01\"}", "publishedOn"),
                Arguments.of("a document's date", "/api/v1/issues/import",
                        "{\"title\": \"t\", \"publishedOn\": \"0000-12-31\", \"articles\": []}", "publishedOn"),
                Arguments.of("a date of a document's article", "/api/v1/issues/import",
                        "{\"title\": \"t\", \"publishedOn\": \"2024-11-09\", \"articles\": [{" + entry
                                + ", \"publishedOn\": \"2024-11-09\"}, {" + entry + ", \"publishedOn\": \"+99999-01-01\"}]}",
                        "articles[1].publishedOn"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void aDateOutsideTheYears1To9999Is400NamingTheField(String what, String path, String body, String field) {
        JsonPath problem = problem(raw().contentType(ContentType.JSON).body(body).post(path), 400, "malformed-json", path);
        assertThat(problem.getList("errors.field"), equalTo(List.of(field)));
        assertThat(problem.getList("errors.message"), equalTo(List.of(RANGE)));
        assertThat(problem.getString("detail"), equalTo(field + " " + RANGE));
    }

    @Test
    void aMergePatchAndAPutAreCheckedToo() {
        long issue = newIssue("2024-11-09", "DRAFT");
        String path = "/api/v1/issues/" + issue;
        String before = api().get(path).then().statusCode(200).extract().asString();
        JsonPath patch = problem(raw().contentType("application/merge-patch+json").body("{\"publishedOn\": \"+12024-11-09\"}")
                .patch(path), 400, "malformed-json", path);
        assertThat(patch.getList("errors.field"), equalTo(List.of("publishedOn")));
        JsonPath put = problem(raw().contentType(ContentType.JSON).body("{\"title\": \"t\", \"publishedOn\": \"0000-11-09\"}")
                .put(path), 400, "malformed-json", path);
        assertThat(put.getList("errors.field"), equalTo(List.of("publishedOn")));
        assertThat(api().get(path).then().statusCode(200).extract().asString(), equalTo(before));
    }

    @Test
    void theFirstAndLastDayOfTheRangeAreAccepted() {
        for (String date : List.of("0001-01-01", "9999-12-31")) {
            long id = api().contentType(ContentType.JSON).body(Map.of("title", "Edge", "publishedOn", date, "status", "DRAFT"))
                    .post("/api/v1/issues").then().statusCode(201)
                    .body("publishedOn", equalTo(date))
                    .extract().jsonPath().getLong("id");
            // Extreme dates would lead every editor's list sorted by date; they are not left behind.
            api().delete("/api/v1/issues/{id}", id).then().statusCode(204);
        }
    }

    @Test
    void theOpenApiDocumentStatesTheRange() {
        JsonPath document = given().accept(ContentType.JSON).get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath();
        assertThat(document.getString("components.schemas.LocalDate.description"),
                equalTo("A date (yyyy-MM-dd) from 0001-01-01 to 9999-12-31."));
        for (String path : List.of("/api/v1/articles", "/api/v1/issues")) {
            List<String> dates = document.getList("paths.'" + path + "'.get.parameters.findAll { it.schema.format == 'date' }.description");
            assertThat(path, dates.size(), equalTo(2));
            assertThat(path, dates, everyItem(containsString("from 0001-01-01 to 9999-12-31")));
        }
    }
}
