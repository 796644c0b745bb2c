package com.digestapi.outlet;

import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.raw;
import static com.digestapi.support.Api.unique;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.digestapi.support.ListSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Filters, search and sort of GET /outlets on five outlets created here (names share a unique token). */
@QuarkusTest
class OutletListTest {

    private static final String OUTLETS = "/api/v1/outlets";

    private static String token;
    private static long o1;
    private static long o2;
    private static long o3;
    private static long o4;
    private static long o5;

    /** Once per class; in @BeforeEach because RestAssured knows the test port only then. */
    @BeforeEach
    void createDataSet() {
        if (token != null) {
            return;
        }
        String t = unique("out");
        o1 = outlet(t + " alpha", "KZ", "en");
        o2 = outlet(t + " beta", "KZ", "en-GB");
        o3 = outlet(t + " gamma", "JP", "ja");
        o4 = outlet(t + " delta 100% sure", null, null);
        o5 = outlet(t + " epsilon a_b c\\d", null, "kk");
        long issue = ListSupport.issue(t + " issue", "2187-05-01", "PUBLISHED", null).getLong("id");
        ListSupport.article(issue, o1, t + " one", "2187-04-30", Map.of());
        ListSupport.article(issue, o1, t + " two", "2187-04-30", Map.of());
        ListSupport.article(issue, o3, t + " three", "2187-04-30", Map.of());
        token = t;
    }

    private static long outlet(String name, String country, String language) {
        Map<String, Object> body = new HashMap<>();
        body.put("name", name);
        body.put("websiteUrl", "https://example.com/" + name.replaceAll("[^a-z0-9]+", "-"));
        if (country != null) {
            body.put("country", country);
        }
        if (language != null) {
            body.put("language", language);
        }
        return ListSupport.outlet(body).getLong("id");
    }

    private static RequestSpecification mine() {
        return api().queryParam("q", token);
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
                .body("instance", equalTo(OUTLETS))
                .body("detail", equalTo(field + " " + message))
                .body("errors.size()", is(1))
                .body("errors[0].field", equalTo(field))
                .body("errors[0].message", equalTo(message));
    }

    @Test
    void theDefaultOrderIsByName() {
        assertIds(mine().get(OUTLETS), o1, o2, o4, o5, o3);
    }

    @Test
    void qSearchesTheNameCaseInsensitively() {
        assertIds(api().queryParam("q", token.toUpperCase() + " ALPHA").get(OUTLETS), o1);
        assertIds(api().queryParam("q", " " + token + " Gamma ").get(OUTLETS), o3);
        assertIds(api().queryParam("q", "example.com/" + token).get(OUTLETS));
    }

    @Test
    void qTakesPercentUnderscoreAndBackslashLiterally() {
        assertIds(api().queryParam("q", token + " delta 100%").get(OUTLETS), o4);
        assertIds(api().queryParam("q", token + " delta 100_").get(OUTLETS));
        assertIds(api().queryParam("q", token + " epsilon a_b").get(OUTLETS), o5);
        assertIds(api().queryParam("q", token + " epsilon a%b").get(OUTLETS));
        assertIds(api().queryParam("q", "a_b c\\d").get(OUTLETS), o5);
        assertIds(api().queryParam("q", token + "%").get(OUTLETS));
    }

    @Test
    void countryIsAnExactCaseInsensitiveMatch() {
        assertIds(mine().queryParam("country", "KZ").get(OUTLETS), o1, o2);
        assertIds(mine().queryParam("country", "kz").get(OUTLETS), o1, o2);
        assertIds(mine().queryParam("country", "jp").get(OUTLETS), o3);
        assertIds(mine().queryParam("country", "US").get(OUTLETS));
        assertInvalid(raw().queryParam("country", "KAZ").get(OUTLETS), "country",
                "must be an ISO 3166-1 alpha-2 code, e.g. JP");
        assertInvalid(raw().queryParam("country", "K").get(OUTLETS), "country",
                "must be an ISO 3166-1 alpha-2 code, e.g. JP");
    }

    @Test
    void languageIsAnExactMatchOfTheNormalisedTag() {
        assertIds(mine().queryParam("language", "en").get(OUTLETS), o1);
        assertIds(mine().queryParam("language", "en-GB").get(OUTLETS), o2);
        assertIds(mine().queryParam("language", "EN-gb").get(OUTLETS), o2);
        assertIds(mine().queryParam("language", "kk").get(OUTLETS), o5);
        assertIds(mine().queryParam("language", "fr").get(OUTLETS));
        assertIds(mine().queryParam("language", "ja").queryParam("country", "JP").get(OUTLETS), o3);
        assertIds(mine().queryParam("language", "ja").queryParam("country", "KZ").get(OUTLETS));
        assertInvalid(raw().queryParam("language", "english!").get(OUTLETS), "language",
                "must be a BCP 47 language tag, e.g. en");
    }

    @Test
    void sortTakesSeveralFieldsAndDescendingPrefixes() {
        assertIds(mine().queryParam("sort", "-name").get(OUTLETS), o3, o5, o4, o2, o1);
        assertIds(mine().queryParam("country", "KZ").queryParam("sort", "-name").get(OUTLETS), o2, o1);
        assertIds(mine().queryParam("sort", "-id").get(OUTLETS), o5, o4, o3, o2, o1);
        assertIds(mine().queryParam("sort", "slug").get(OUTLETS), o1, o2, o4, o5, o3);
        assertIds(mine().queryParam("country", "KZ").queryParam("sort", "country,-language").get(OUTLETS), o2, o1);
    }

    @Test
    void missingValuesSortLastInBothDirections() {
        assertIds(mine().queryParam("sort", "country,name").get(OUTLETS), o3, o1, o2, o4, o5);
        assertIds(mine().queryParam("sort", "-country,name").get(OUTLETS), o1, o2, o3, o4, o5);
        assertIds(mine().queryParam("sort", "language,name").get(OUTLETS), o1, o2, o3, o5, o4);
        assertIds(mine().queryParam("sort", "-language,name").get(OUTLETS), o5, o3, o2, o1, o4);
    }

    @Test
    void anUnknownSortFieldIs400NamingIt() {
        assertInvalid(raw().queryParam("sort", "name,articleCount").get(OUTLETS), "sort",
                "has unknown field 'articleCount'; allowed: id, name, slug, country, language, createdAt, updatedAt"
                        + " (prefix - for descending)");
    }

    @Test
    void itemsCarryTheirArticleCount() {
        Response response = mine().queryParam("sort", "id").get(OUTLETS);
        assertIds(response, o1, o2, o3, o4, o5);
        assertEquals(List.of(2, 0, 1, 0, 0), response.jsonPath().getList("items.articleCount"));
        assertEquals(Arrays.asList("KZ", "KZ", "JP", null, null), response.jsonPath().getList("items.country"));
        assertEquals(Arrays.asList("en", "en-GB", "ja", null, "kk"), response.jsonPath().getList("items.language"));
    }

    @Test
    void updatedSinceListsOutletsChangedAtOrAfterTheInstant() {
        String t = unique("oupd");
        long p1 = ListSupport.outlet(Map.of("name", t + " one")).getLong("id");
        long p2 = ListSupport.outlet(Map.of("name", t + " two")).getLong("id");
        Instant t1 = ListSupport.updatedAt(OUTLETS + "/" + p1);
        Instant t2 = ListSupport.updatedAt(OUTLETS + "/" + p2);

        assertIds(api().queryParam("q", t).queryParam("updatedSince", t1.toString()).get(OUTLETS), p1, p2);
        assertIds(api().queryParam("q", t).queryParam("updatedSince", t2.toString()).get(OUTLETS), p2);
        assertIds(api().queryParam("q", t).queryParam("updatedSince", t2.plusNanos(1000).toString()).get(OUTLETS));

        api().contentType("application/merge-patch+json").body(Map.of("country", "KZ"))
                .patch(OUTLETS + "/{id}", p1).then().statusCode(200);
        assertIds(api().queryParam("q", t).queryParam("updatedSince", t2.plusNanos(1000).toString()).get(OUTLETS), p1);
        assertInvalid(raw().queryParam("updatedSince", "2024-13-01T00:00:00Z").get(OUTLETS), "updatedSince",
                "must be an ISO-8601 instant with offset, e.g. 2024-10-05T00:00:00Z");
    }
}
