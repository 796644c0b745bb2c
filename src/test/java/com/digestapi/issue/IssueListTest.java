package com.digestapi.issue;

import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.raw;
import static com.digestapi.support.Api.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.digestapi.support.ListSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Filters, search and sort of GET /issues on five issues created here (titles share a unique token). */
@QuarkusTest
class IssueListTest {

    private static final String ISSUES = "/api/v1/issues";

    private static String token;
    private static String introToken;
    private static long i1;
    private static long i2;
    private static long i3;
    private static long i4;
    private static long i5;

    /** Once per class; in @BeforeEach because RestAssured knows the test port only then. */
    @BeforeEach
    void createDataSet() {
        if (token != null) {
            return;
        }
        String t = unique("iss");
        introToken = unique("intro");
        i1 = ListSupport.issue(t + " one", "2187-03-01", "PUBLISHED", "Intro with " + introToken.toUpperCase())
                .getLong("id");
        i2 = ListSupport.issue(t + " two", "2187-03-08", "DRAFT", null).getLong("id");
        i3 = ListSupport.issue(t + " three 100% sure", "2187-03-15", "PUBLISHED", null).getLong("id");
        i4 = ListSupport.issue(t + " four 100x sure", "2187-03-15", "PUBLISHED", null).getLong("id");
        i5 = ListSupport.issue(t + " five a_b c\\d", "2187-03-22", "PUBLISHED", "An intro.").getLong("id");
        long outlet = ListSupport.outlet(Map.of("name", t + " outlet")).getLong("id");
        ListSupport.article(i1, outlet, t + " first article", "2187-02-27", Map.of());
        ListSupport.article(i1, outlet, t + " second article", "2187-02-28", Map.of());
        token = t;
    }

    private static RequestSpecification mine() {
        return api().queryParam("q", token);
    }

    /** Issues published in the data set's (unusual) date range, for searches that cannot include the token. */
    private static RequestSpecification inRange() {
        return api().queryParam("from", "2187-03-01").queryParam("to", "2187-03-31");
    }

    private static void assertIds(Response response, long... expected) {
        assertEquals(200, response.statusCode(), response::asString);
        assertEquals(Arrays.stream(expected).boxed().toList(), response.jsonPath().getList("items.id", Long.class));
        assertEquals(expected.length, response.jsonPath().getLong("totalItems"));
        assertEquals(String.valueOf(expected.length), response.header("X-Total-Count"));
    }

    private static void assertInvalid(Response response, String field, String message) {
        response.then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/problems/validation"))
                .body("title", equalTo("Invalid request"))
                .body("status", is(400))
                .body("instance", equalTo(ISSUES))
                .body("detail", equalTo(field + " " + message))
                .body("errors.size()", is(1))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", equalTo(message));
    }

    @Test
    void qSearchesTitleAndIntroCaseInsensitively() {
        assertIds(mine().get(ISSUES), i5, i3, i4, i2, i1);
        assertIds(api().queryParam("q", introToken).get(ISSUES), i1);
        assertIds(api().queryParam("q", token.toUpperCase() + " ONE").get(ISSUES), i1);
        assertIds(inRange().queryParam("q", "AN INTRO").get(ISSUES), i5);
        assertIds(api().queryParam("q", "first article " + token).get(ISSUES));
    }

    @Test
    void qTakesPercentUnderscoreAndBackslashLiterally() {
        assertIds(inRange().queryParam("q", "100%").get(ISSUES), i3);
        assertIds(inRange().queryParam("q", "%").get(ISSUES), i3);
        assertIds(inRange().queryParam("q", "0_").get(ISSUES));
        assertIds(inRange().queryParam("q", "_").get(ISSUES), i5);
        assertIds(inRange().queryParam("q", "\\").get(ISSUES), i5);
        assertIds(inRange().queryParam("q", "' OR 1=1 --").get(ISSUES));
    }

    @Test
    void statusFiltersDraftsAndPublishedIssuesCaseInsensitively() {
        assertIds(mine().queryParam("status", "PUBLISHED").get(ISSUES), i5, i3, i4, i1);
        assertIds(mine().queryParam("status", "DRAFT").get(ISSUES), i2);
        assertIds(raw().queryParam("q", token).queryParam("status", "draft").get(ISSUES), i2);
        assertIds(raw().queryParam("q", token).queryParam("status", " Published ").get(ISSUES), i5, i3, i4, i1);
        assertInvalid(raw().queryParam("status", "ARCHIVED").get(ISSUES), "status", "must be one of [DRAFT, SCHEDULED, PUBLISHED]");
    }

    @Test
    void fromAndToAreInclusiveBoundsOnPublishedOn() {
        assertIds(mine().queryParam("from", "2187-03-08").queryParam("to", "2187-03-15").get(ISSUES), i3, i4, i2);
        assertIds(mine().queryParam("from", "2187-03-15").queryParam("to", "2187-03-15").get(ISSUES), i3, i4);
        assertIds(mine().queryParam("from", "2187-03-16").get(ISSUES), i5);
        assertIds(mine().queryParam("to", "2187-03-07").get(ISSUES), i1);
        assertInvalid(raw().queryParam("from", "2187-03-16").queryParam("to", "2187-03-15").get(ISSUES), "from",
                "must not be after to");
        assertInvalid(raw().queryParam("to", "2187-3-15").get(ISSUES), "to", "must be a date (yyyy-MM-dd)");
    }

    @Test
    void sortTakesSeveralFieldsAndDescendingPrefixes() {
        assertIds(mine().queryParam("sort", "title").get(ISSUES), i5, i4, i1, i3, i2);
        assertIds(mine().queryParam("sort", "publishedOn,title").get(ISSUES), i1, i2, i4, i3, i5);
        assertIds(mine().queryParam("sort", "publishedOn,-title").get(ISSUES), i1, i2, i3, i4, i5);
        assertIds(mine().queryParam("sort", "-id").get(ISSUES), i5, i4, i3, i2, i1);
        assertIds(mine().queryParam("sort", "-publishedOn,-id").get(ISSUES), i5, i4, i3, i2, i1);
    }

    @Test
    void anUnknownSortFieldIs400NamingIt() {
        assertInvalid(raw().queryParam("sort", "title,status").get(ISSUES), "sort",
                "has unknown field 'status'; allowed: id, slug, title, publishedOn, createdAt, updatedAt"
                        + " (prefix - for descending)");
        raw().queryParam("sort", "-nope,-alsoNope").get(ISSUES).then().statusCode(400)
                .body("errors.field", equalTo(List.of("sort")))
                .body("errors[0].message", containsString("'nope', 'alsoNope'"));
    }

    @Test
    void itemsCarryTheirArticleCountButNotTheArticles() {
        Response response = mine().queryParam("sort", "id").get(ISSUES);
        assertIds(response, i1, i2, i3, i4, i5);
        assertEquals(List.of(2, 0, 0, 0, 0), response.jsonPath().getList("items.articleCount"));
        assertEquals(List.of("PUBLISHED", "DRAFT", "PUBLISHED", "PUBLISHED", "PUBLISHED"),
                response.jsonPath().getList("items.status"));
        Map<String, Object> first = response.jsonPath().getMap("items[0]");
        assertEquals(Set.of("id", "slug", "title", "publishedOn", "intro", "status", "publishAt", "articleCount",
                "createdAt", "updatedAt"), first.keySet());
        assertEquals("2187-03-01", first.get("publishedOn"));
        assertEquals("Intro with " + introToken.toUpperCase(), first.get("intro"));
        assertEquals(token + "-one-2187-03-01", first.get("slug"));
    }

    @Test
    void updatedSinceListsIssuesChangedAtOrAfterTheInstant() {
        String t = unique("iupd");
        long j1 = ListSupport.issue(t + " one", "2187-04-01", "PUBLISHED", null).getLong("id");
        long j2 = ListSupport.issue(t + " two", "2187-04-01", "PUBLISHED", null).getLong("id");
        Instant t1 = ListSupport.updatedAt(ISSUES + "/" + j1);
        Instant t2 = ListSupport.updatedAt(ISSUES + "/" + j2);
        RequestSpecification q = api().queryParam("q", t).queryParam("sort", "id");

        assertIds(api().queryParam("q", t).queryParam("sort", "id").queryParam("updatedSince", t1.toString())
                .get(ISSUES), j1, j2);
        assertIds(api().queryParam("q", t).queryParam("updatedSince", t2.toString()).get(ISSUES), j2);
        assertIds(api().queryParam("q", t).queryParam("updatedSince", t2.plusNanos(1000).toString()).get(ISSUES));
        assertIds(q.queryParam("updatedSince", t1.atOffset(ZoneOffset.ofHoursMinutes(-3, -30)).toString()).get(ISSUES),
                j1, j2);

        // A new article changes its issue (articleCount and detail), so the issue counts as changed.
        long outlet = ListSupport.outlet(Map.of("name", t + " outlet")).getLong("id");
        ListSupport.article(j1, outlet, t + " headline", "2187-03-30", Map.of());
        assertIds(api().queryParam("q", t).queryParam("updatedSince", t2.plusNanos(1000).toString()).get(ISSUES), j1);

        raw().queryParam("updatedSince", "yesterday").get(ISSUES).then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("updatedSince")));
    }
}
