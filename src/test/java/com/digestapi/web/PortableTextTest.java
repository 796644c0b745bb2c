package com.digestapi.web;

import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.newIssue;
import static com.digestapi.support.Api.newOutlet;
import static com.digestapi.support.Api.raw;
import static com.digestapi.support.Api.rawAnonymous;
import static com.digestapi.support.Api.unique;
import static com.digestapi.support.ProblemChecks.problem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

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

/** Text that an Atom or RSS feed cannot carry (XML 1.0) never gets in: a 400 naming the field or parameter. */
@QuarkusTest
class PortableTextTest {

    private static final String VT = "\\u000b";

    static Stream<Arguments> bodies() {
        String article = "\"issueId\": 1, \"outletId\": 1, \"publishedOn\": \"2024-11-09\"";
        String document = "\"title\": \"t\", \"publishedOn\": \"2024-11-09\", \"articles\": [{\"headline\": \"h\","
                + " \"outlet\": \"o\", \"publishedOn\": \"2024-11-09\", \"summary\": \"s\"";
        return Stream.of(
                Arguments.of("a vertical tab in a title", "/api/v1/issues",
                        "{\"title\": \"line" + VT + "break\", \"publishedOn\": \"2024-11-09\"}", "title", "U+000B"),
                Arguments.of("U+0001 in a summary", "/api/v1/articles",
                        "{\"headline\": \"h\", \"summary\": \"a\\u0001b\", " + article + "}", "summary", "U+0001"),
                Arguments.of("a form feed in a quote's attribution", "/api/v1/articles",
                        "{\"headline\": \"h\", \"summary\": \"s\", \"quotes\": [{\"text\": \"q\"}, {\"text\": \"q\","
                                + " \"attribution\": \"\\u000c\"}], " + article + "}", "quotes[1].attribution", "U+000C"),
                Arguments.of("an unpaired surrogate in a headline", "/api/v1/articles",
                        "{\"headline\": \"h\\ud800\", \"summary\": \"s\", " + article + "}", "headline", "unpaired surrogate"),
                Arguments.of("U+FFFE in an outlet name", "/api/v1/outlets", "{\"name\": \"a\\ufffe\"}", "name", "U+FFFE"),
                Arguments.of("U+FFFF in a topic description", "/api/v1/topics",
                        "{\"name\": \"n\", \"description\": \"\\uffff\"}", "description", "U+FFFF"),
                Arguments.of("U+001F in a document's topic name", "/api/v1/issues/import",
                        "{" + document + ", \"topics\": [\"ok\", \"a\\u001fb\"]}]}", "articles[0].topics[1]", "U+001F"),
                Arguments.of("a vertical tab in a document's outlet", "/api/v1/issues/import",
                        "{\"title\": \"t\", \"publishedOn\": \"2024-11-09\", \"articles\": [{\"headline\": \"h\","
                                + " \"outlet\": \"o" + VT + "\", \"publishedOn\": \"2024-11-09\", \"summary\": \"s\"}]}",
                        "articles[0].outlet", "U+000B"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("bodies")
    void textXmlCannotCarryIs400NamingTheField(String what, String path, String body, String field, String hint) {
        JsonPath problem = problem(raw().contentType(ContentType.JSON).body(body).post(path), 400, "malformed-json", path);
        assertThat(problem.getList("errors.field"), equalTo(List.of(field)));
        assertThat(problem.getString("errors[0].message"), containsString(hint));
        assertThat(problem.getString("detail"), startsWith(field + " must not contain"));
    }

    @Test
    void aMergePatchIsCheckedLikeAPut() {
        long issue = newIssue("2024-11-09", "DRAFT");
        String path = "/api/v1/issues/" + issue;
        String before = api().get(path).then().statusCode(200).extract().asString();
        JsonPath problem = problem(raw().contentType("application/merge-patch+json")
                .body("{\"intro\": \"pasted" + VT + "from a word processor\"}").patch(path), 400, "malformed-json", path);
        assertThat(problem.getList("errors.field"), equalTo(List.of("intro")));
        assertThat(problem.getString("errors[0].message"), equalTo("must not contain the control character U+000B (of the"
                + " control characters, only tab, line feed and carriage return are allowed)"));
        assertThat(api().get(path).then().statusCode(200).extract().asString(), equalTo(before));
    }

    @Test
    void tabsLineBreaksAndCharactersBeyondTheBasicPlaneAreKept() {
        String title = unique("Tab\tline\nreturn\r😀 ");
        api().contentType(ContentType.JSON).body(Map.of("title", title, "publishedOn", "2024-11-09"))
                .post("/api/v1/issues").then().statusCode(201)
                .body("title", equalTo(title.strip()));
        long outlet = newOutlet(Map.of("name", unique("Outlet 😀")));
        api().get("/api/v1/outlets/" + outlet).then().statusCode(200);
    }

    @Test
    void aSearchWithTextXmlCannotCarryIs400NamingTheParameter() {
        for (String path : List.of("/api/v1/articles", "/api/v1/issues", "/api/v1/outlets", "/api/v1/topics")) {
            JsonPath problem = problem(rawAnonymous().urlEncodingEnabled(false).get(path + "?q=a%0Bb"),
                    400, "validation", path);
            assertThat(problem.getList("errors.field"), equalTo(List.of("q")));
            assertThat(problem.getString("errors[0].message"), startsWith(
                    "must not contain the control character U+000B"));
        }
    }
}
