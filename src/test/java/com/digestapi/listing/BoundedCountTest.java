package com.digestapi.listing;

import static com.digestapi.support.Api.anonymous;
import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.unique;
import static com.digestapi.support.ListSupport.links;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.digestapi.support.Api;
import com.digestapi.support.ListSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Lists count at most digest.list.count-limit matches (3 here): above, totalItems is the bound, totalExact false, and
 * neither X-Total-Count nor a last link claims more than is known; the next links still reach every item. The
 * unfiltered public article list keeps its exact count.
 */
@QuarkusTest
@TestProfile(BoundedCountTest.CountLimitThree.class)
class BoundedCountTest {

    static final int LIMIT = 3;

    public static class CountLimitThree implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(Map.of("digest.list.count-limit", String.valueOf(LIMIT)));
            if (!System.getProperty("quarkus.test.profile", "test").contains("pg")) {
                // An H2 database of its own, as OverloadTest has: the suite's in-memory one outlives the restarts.
                overrides.put("quarkus.datasource.jdbc.url", "jdbc:h2:mem:digest-bounded-count-test;DB_CLOSE_DELAY=-1");
            }
            return overrides;
        }
    }

    enum Kind {
        ISSUES("title"), ARTICLES("headline"), OUTLETS("name"), TOPICS("name");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private static String token;
    private static String outletSlug;
    private static String atTheBound;
    private static List<String> labels;
    private static String before;

    @BeforeEach
    void createFiveItemsPerListAndThreeTopicsOfAnotherToken() {
        if (token != null) {
            return;
        }
        String t = unique("bound");
        before = java.time.Instant.now().toString();
        List<String> names = new ArrayList<>();
        JsonPath boundedOutlet = ListSupport.outlet(Map.of("name", unique("Bounded outlet")));
        long outlet = boundedOutlet.getLong("id");
        outletSlug = boundedOutlet.getString("slug");
        long issue = ListSupport.issue(unique("Bounded holder"), "2033-01-01", "PUBLISHED", null).getLong("id");
        for (int n = 1; n <= 5; n++) {
            String name = t + " n" + n;
            names.add(name);
            ListSupport.issue(name, "2033-02-0" + (6 - n), "PUBLISHED", null);
            ListSupport.article(issue, outlet, name, "2033-03-0" + (6 - n), Map.of());
            ListSupport.outlet(Map.of("name", name));
            ListSupport.topic(name);
        }
        String three = unique("three");
        for (int n = 1; n <= LIMIT; n++) {
            ListSupport.topic(three + " n" + n);
        }
        labels = List.copyOf(names);
        atTheBound = three;
        token = t;
    }

    /**
     * What selects a list's items: its q, but for articles their outlet (q on articles is a search, which pages by
     * number and counts in the index; ArticleSearchTest pins that).
     */
    private static String filter(Kind kind) {
        return kind == Kind.ARTICLES ? "outlet" : "q";
    }

    private static String match(Kind kind) {
        return filter(kind).equals("q") ? token : outletSlug;
    }

    private static String path(Kind kind) {
        return "/api/v1/" + kind.name().toLowerCase(java.util.Locale.ROOT);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void overTheBoundTheTotalIsTheBoundAndSaysSo(Kind kind) {
        Response response = api().queryParam(filter(kind), match(kind)).queryParam("size", 2).get(path(kind));
        response.then().statusCode(200);
        JsonPath json = response.jsonPath();
        assertEquals(LIMIT, json.getLong("totalItems"));
        assertEquals(2, json.getLong("totalPages"));
        assertFalse(json.getBoolean("totalExact"));
        assertNull(response.header("X-Total-Count"), "no count that is not the count");
        assertEquals(List.of("first", "next"), List.copyOf(links(response).keySet()), "no last link: the last is unknown");
        assertEquals(labels.subList(0, 2), json.getList("items." + kind.label, String.class));
    }

    @Test
    void aSearchCountsUpToTheBoundTooAndItsNumberedNextLinksReachEveryHit() {
        Response response = api().queryParam("q", token).queryParam("sort", "-publishedOn").queryParam("size", 2)
                .get("/api/v1/articles");
        response.then().statusCode(200);
        JsonPath json = response.jsonPath();
        assertEquals(LIMIT, json.getLong("totalItems"));
        assertFalse(json.getBoolean("totalExact"));
        assertNull(response.header("X-Total-Count"), "no count that is not the count");
        assertEquals(List.of("first", "next"), List.copyOf(links(response).keySet()), "no last link: the last is unknown");
        assertEquals(labels, followNextLinks(response, "headline", Api::raw,
                page -> assertTrue(links(page).getOrDefault("next", "page=").contains("page="), page::asString)));
    }

    /**
     * A public sync (updatedSince) whose matches reach the bound walks the list's order and checks updatedSince on each
     * row (article.ArticlePlans); it gives the same pages, in the same order, as the editors' list, which sorts its
     * matches.
     */
    @Test
    void aSyncOverTheBoundWalksTheListOrderAndGivesTheSamePages() {
        Response[] first = new Response[1];
        List<String> sent = com.digestapi.support.SentSql.during(() -> first[0] = anonymous()
                .queryParam("updatedSince", before).queryParam("size", 2).get("/api/v1/articles"));
        assertTrue(sent.stream().anyMatch(sql -> sql.contains("coalesce(")
                && sql.contains(" order by a1_0.issue_published,")), () -> String.join("\n", sent));
        assertEquals(labels, followNextLinks(first[0], "headline", Api::rawAnonymous, page -> { }));
        assertEquals(labels, api().queryParam("updatedSince", before).queryParam("size", 10).get("/api/v1/articles")
                .then().statusCode(200).extract().jsonPath().getList("items.headline", String.class));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void theNextLinksStillReachEveryItem(Kind kind) {
        Response response = api().queryParam(filter(kind), match(kind)).queryParam("size", 2).get(path(kind));
        assertEquals(labels, followNextLinks(response, kind.label, Api::raw,
                page -> assertFalse(page.jsonPath().getBoolean("totalExact"))));
    }

    /**
     * Follows the next links from this page with this client until a page has none (at most one page per label):
     * every page a 200 that passes the check, and their labels in order.
     */
    private static List<String> followNextLinks(Response response, String label, Supplier<RequestSpecification> client,
                                                Consumer<Response> check) {
        List<String> seen = new ArrayList<>();
        for (int pages = 1; ; pages++) {
            assertEquals(200, response.statusCode(), response::asString);
            check.accept(response);
            seen.addAll(response.jsonPath().getList("items." + label, String.class));
            String next = links(response).get("next");
            if (next == null) {
                return seen;
            }
            assertTrue(pages < labels.size(), "too many pages");
            response = client.get().urlEncodingEnabled(false).get(next);
        }
    }

    @Test
    void aNumberedPageBeyondTheBoundStillServesItsItems() {
        Response third = api().queryParam("q", token).queryParam("size", 2).queryParam("page", 2).get("/api/v1/topics");
        third.then().statusCode(200);
        assertEquals(labels.subList(4, 5), third.jsonPath().getList("items.name", String.class));
        assertEquals(2, third.jsonPath().getInt("page"));
        assertNull(third.jsonPath().getString("nextCursor"));
        assertEquals(List.of("first", "prev"), List.copyOf(links(third).keySet()));
        assertTrue(links(third).get("prev").endsWith("page=1"), links(third).get("prev"));
    }

    @Test
    void atTheBoundTheTotalIsExact() {
        Response response = api().queryParam("q", atTheBound).queryParam("size", 2).get("/api/v1/topics");
        ListSupport.assertEnvelope(response, 0, 2, LIMIT, 2, 2);
        assertEquals(List.of("first", "next", "last"), List.copyOf(links(response).keySet()));
    }

    @Test
    void theUnfilteredPublicArticleListCountsExactly() {
        Response response = anonymous().queryParam("size", 2).get("/api/v1/articles");
        response.then().statusCode(200);
        JsonPath json = response.jsonPath();
        assertTrue(json.getLong("totalItems") > LIMIT, "the demo digest alone has 8");
        assertTrue(json.getBoolean("totalExact"));
        assertEquals(String.valueOf(json.getLong("totalItems")), response.header("X-Total-Count"));
        assertTrue(links(response).containsKey("last"));
        // An editor's unfiltered list has no exact shortcut: drafts are not counted apart.
        assertFalse(api().queryParam("size", 2).get("/api/v1/articles").jsonPath().getBoolean("totalExact"));
    }
}
