package com.digestapi.listing;

import static com.digestapi.support.Api.anonymous;
import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.raw;
import static com.digestapi.support.Api.unique;
import static com.digestapi.support.ListSupport.expectedLink;
import static com.digestapi.support.ListSupport.links;
import static com.digestapi.support.ListSupport.nextCursor;
import static com.digestapi.support.ListSupport.queryOf;
import static com.digestapi.support.ProblemChecks.problem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.digestapi.support.Api;
import com.digestapi.support.ListSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Keyset paging of every list: the next link carries a cursor, and walking the next links gives exactly the items that
 * numbered pages give, in the same order, without overlap or gap, also where many items share their sort keys, where a
 * sort key is missing (outlets' country, which sorts last either way), across instants and text, and when items are
 * added before the cursor meanwhile. A cursor made for another list, sort or filter, a changed one, or one with a page,
 * is a 400 problem naming the cursor. Data: seven items per list, found by a unique search token.
 */
@QuarkusTest
class CursorPagingTest {

    /** The five lists; each holds seven items labelled token n1..n7, which is their default order. */
    enum Kind {
        ISSUES("title"), ARTICLES("headline"), ISSUE_ARTICLES("headline"), OUTLETS("name"), TOPICS("name");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private static final int N = 7;
    /** The outlets' countries, n1..n7: three missing. */
    private static final List<String> COUNTRIES = Arrays.asList(null, "JP", null, "KZ", "JP", null, "FR");

    private static String token;
    private static String outletSlug;
    private static long issueWithArticles;
    private static List<String> labels;

    /** Once per class; in @BeforeEach because RestAssured knows the test port only then. */
    @BeforeEach
    void createSevenItemsPerList() {
        if (token != null) {
            return;
        }
        String t = unique("cur");
        List<String> names = new ArrayList<>();
        for (int n = 1; n <= N; n++) {
            // Text the cursor must carry exactly: accents, a snowman, quotes.
            names.add(t + " n" + n + (n == 4 ? " Türkiye ☃ \"q\"" : ""));
        }
        JsonPath cursorOutlet = ListSupport.outlet(Map.of("name", unique("Cursor outlet")));
        long outlet = cursorOutlet.getLong("id");
        outletSlug = cursorOutlet.getString("slug");
        issueWithArticles = ListSupport.issue(unique("Cursor holder"), "2032-01-01", "PUBLISHED", null).getLong("id");
        for (int n = 1; n <= N; n++) {
            // Every issue and every article on the same date: the default order (-publishedOn) is all ties, which the
            // id breaks, in the order of creation.
            ListSupport.issue(names.get(n - 1), "2032-03-03", "PUBLISHED", null);
            ListSupport.article(issueWithArticles, outlet, names.get(n - 1), "2032-04-04", Map.of());
            Map<String, Object> body = new HashMap<>(Map.of("name", names.get(n - 1)));
            if (COUNTRIES.get(n - 1) != null) {
                body.put("country", COUNTRIES.get(n - 1));
            }
            ListSupport.outlet(body);
            ListSupport.topic(names.get(n - 1));
        }
        labels = List.copyOf(names);
        token = t;
    }

    /**
     * What selects a list's items: its q, but for articles their outlet (q on articles is a search, which pages by
     * number and counts in the index; ArticleSearchTest pins that).
     */
    private static String filter(Kind kind) {
        return kind == Kind.ARTICLES || kind == Kind.ISSUE_ARTICLES ? "outlet" : "q";
    }

    private static String match(Kind kind) {
        return filter(kind).equals("q") ? token : outletSlug;
    }

    private static String path(Kind kind) {
        return switch (kind) {
            case ISSUES -> "/api/v1/issues";
            case ARTICLES -> "/api/v1/articles";
            case ISSUE_ARTICLES -> "/api/v1/issues/" + issueWithArticles + "/articles";
            case OUTLETS -> "/api/v1/outlets";
            case TOPICS -> "/api/v1/topics";
        };
    }

    /** What a walk saw: each page's labels and its envelope. */
    private record Walk(List<List<String>> pages, List<JsonPath> envelopes, List<Response> responses) {

        List<String> items() {
            return pages.stream().flatMap(List::stream).toList();
        }
    }

    /** Follows the next links from the first page until a page has none, as the editor. */
    private static Walk byCursor(Supplier<RequestSpecification> request, String path, String label) {
        return byCursor(request, path, label, Api::raw);
    }

    /** Follows the next links with requests of the follower (who must be the same kind of reader). */
    private static Walk byCursor(Supplier<RequestSpecification> request, String path, String label,
                                 Supplier<RequestSpecification> follower) {
        Response response = request.get().get(path);
        Walk walk = new Walk(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        while (true) {
            assertEquals(200, response.statusCode(), response::asString);
            walk.pages().add(response.jsonPath().getList("items." + label, String.class));
            walk.envelopes().add(response.jsonPath());
            walk.responses().add(response);
            String next = links(response).get("next");
            assertEquals(next == null, nextCursor(response) == null, "the next link and nextCursor go together");
            if (next == null) {
                return walk;
            }
            assertTrue(walk.pages().size() <= N + 1, "too many pages");
            List<Map.Entry<String, String>> query = queryOf(next);
            assertEquals(Map.entry("cursor", nextCursor(response)), query.get(query.size() - 1), next);
            assertTrue(query.stream().noneMatch(p -> p.getKey().equals("page")), next);
            response = follower.get().urlEncodingEnabled(false).get(next);
        }
    }

    /** Reads page 0, 1, ... by number up to the last. */
    private static List<List<String>> byNumber(Supplier<RequestSpecification> request, String path, String label) {
        List<List<String>> pages = new ArrayList<>();
        for (int page = 0; ; page++) {
            JsonPath json = request.get().queryParam("page", page).get(path).then().statusCode(200).extract().jsonPath();
            pages.add(json.getList("items." + label, String.class));
            if (page + 1 >= json.getLong("totalPages")) {
                return pages;
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void walkingTheNextLinksGivesWhatNumberedPagesGiveWithoutOverlapOrGap(Kind kind) {
        for (int size = 1; size <= 4; size++) {
            int s = size;
            Supplier<RequestSpecification> request = () -> api().queryParam(filter(kind), match(kind)).queryParam("size", s);
            Walk walk = byCursor(request, path(kind), kind.label);
            assertEquals(byNumber(request, path(kind), kind.label), walk.pages(), "size " + size);
            assertEquals(labels, walk.items(), "size " + size);
            assertEquals(N, new LinkedHashSet<>(walk.items()).size(), "no item twice");
        }
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aCursorPageIsNumberedAlongTheWalkAndLinksByNumberBackAndToTheEnds(Kind kind) {
        Walk walk = byCursor(() -> api().queryParam(filter(kind), match(kind)).queryParam("size", 2), path(kind), kind.label);
        assertEquals(4, walk.pages().size());
        for (int page = 0; page < 4; page++) {
            JsonPath json = walk.envelopes().get(page);
            Response response = walk.responses().get(page);
            assertEquals(page, json.getInt("page"));
            assertEquals(N, json.getLong("totalItems"));
            assertEquals(4, json.getLong("totalPages"));
            assertTrue(json.getBoolean("totalExact"));
            assertEquals(String.valueOf(N), response.header("X-Total-Count"));
            String query = filter(kind) + "=" + match(kind) + "&size=2";
            assertEquals(expectedLink(path(kind), query, 0, page == 0 ? null : page - 1, nextCursor(response), 3),
                    response.header("Link"));
        }
        assertNull(nextCursor(walk.responses().get(3)));
    }

    @Test
    void aCursorMayChangeTheSizeAndThePageIsTheOneItsFirstItemIsOn() {
        String cursor = nextCursor(api().queryParam("q", token).queryParam("size", 2).get("/api/v1/topics"));
        Response bigger = api().queryParam("q", token).queryParam("size", 3).queryParam("cursor", cursor)
                .get("/api/v1/topics");
        bigger.then().statusCode(200);
        assertEquals(labels.subList(2, 5), bigger.jsonPath().getList("items.name", String.class));
        assertEquals(0, bigger.jsonPath().getInt("page"), "item 3 is on page 0 at size 3");
    }

    @Test
    void outletsWithoutCountryComeLastInBothDirectionsAcrossCursorPages() {
        List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5, 6));
        Comparator<Integer> byCountry = Comparator.comparing(COUNTRIES::get, Comparator.nullsLast(Comparator.naturalOrder()));
        Comparator<Integer> byCountryDescending = Comparator.comparing(COUNTRIES::get,
                Comparator.nullsLast(Comparator.<String>reverseOrder()));
        for (String sort : List.of("country", "-country", "country,-name", "-country,-language,name")) {
            Comparator<Integer> comparator = switch (sort) {
                case "country" -> byCountry.thenComparing(i -> i);
                case "-country" -> byCountryDescending.thenComparing(i -> i);
                case "country,-name" -> byCountry.thenComparing(Comparator.<Integer>reverseOrder());
                default -> byCountryDescending.thenComparing(i -> i);
            };
            List<String> expected = order.stream().sorted(comparator).map(labels::get).toList();
            for (int size = 1; size <= 4; size++) {
                int s = size;
                Supplier<RequestSpecification> request = () -> api().queryParam("q", token).queryParam("sort", sort)
                        .queryParam("size", s);
                Walk walk = byCursor(request, "/api/v1/outlets", "name");
                assertEquals(expected, walk.items(), sort + " size " + size);
                assertEquals(byNumber(request, "/api/v1/outlets", "name"), walk.pages(), sort + " size " + size);
            }
        }
    }

    @Test
    void instantsAndIdsRoundTripThroughTheCursor() {
        for (String sort : List.of("-updatedAt", "createdAt", "-id", "slug", "-createdAt,name")) {
            for (int size = 1; size <= 3; size++) {
                int s = size;
                Supplier<RequestSpecification> request = () -> api().queryParam("q", token).queryParam("sort", sort)
                        .queryParam("size", s);
                Walk walk = byCursor(request, "/api/v1/topics", "name");
                assertEquals(byNumber(request, "/api/v1/topics", "name"), walk.pages(), sort + " size " + size);
                assertEquals(N, new LinkedHashSet<>(walk.items()).size(), sort);
            }
        }
        for (String sort : List.of("-publishedOn,headline", "position", "-updatedAt", "slug")) {
            Supplier<RequestSpecification> request = () -> api().queryParam("outlet", outletSlug).queryParam("sort", sort)
                    .queryParam("size", 2);
            Walk walk = byCursor(request, "/api/v1/articles", "headline");
            assertEquals(byNumber(request, "/api/v1/articles", "headline"), walk.pages(), sort);
        }
    }

    @Test
    void readersFollowCursorsToo() {
        Supplier<RequestSpecification> articles = () -> anonymous().queryParam("outlet", outletSlug).queryParam("size", 3);
        assertEquals(labels, byCursor(articles, "/api/v1/articles", "headline", Api::rawAnonymous).items());
        Supplier<RequestSpecification> issues = () -> anonymous().queryParam("q", token).queryParam("size", 3);
        assertEquals(labels, byCursor(issues, "/api/v1/issues", "title", Api::rawAnonymous).items());
    }

    /** What a cursor says is where the previous page ended, not how many items came before it. */
    @Test
    void anItemAddedBeforeTheCursorShiftsNothingAfterIt() {
        String t = unique("shift");
        for (int n = 1; n <= 4; n++) {
            ListSupport.topic(t + " n" + n);
        }
        Response first = api().queryParam("q", t).queryParam("size", 2).get("/api/v1/topics");
        assertEquals(List.of(t + " n1", t + " n2"), first.jsonPath().getList("items.name", String.class));
        ListSupport.topic(t + " n0");
        Response next = raw().urlEncodingEnabled(false).get(links(first).get("next"));
        assertEquals(List.of(t + " n3", t + " n4"), next.jsonPath().getList("items.name", String.class));
        // By number, the same page now repeats n2.
        assertEquals(List.of(t + " n2", t + " n3"), api().queryParam("q", t).queryParam("size", 2).queryParam("page", 1)
                .get("/api/v1/topics").jsonPath().getList("items.name", String.class));
    }

    @Test
    void aChangedOrMadeUpCursorIsA400NamingIt() {
        String path = "/api/v1/topics";
        String cursor = nextCursor(api().queryParam("q", token).queryParam("size", 2).get(path));
        int middle = cursor.length() / 2;
        String changed = cursor.substring(0, middle) + (cursor.charAt(middle) == 'A' ? 'B' : 'A') + cursor.substring(middle + 1);
        for (String bad : List.of(changed, cursor.substring(0, cursor.length() - 2), "abc", "' or 1=1 --", cursor + cursor,
                "x".repeat(Cursor.MAX_LENGTH + 1))) {
            JsonPath json = problem(raw().queryParam("q", token).queryParam("cursor", bad).get(path), 400, "validation",
                    path);
            assertEquals(List.of("cursor"), json.getList("errors.field"), bad);
            assertEquals("cursor " + ListQuery.MALFORMED_CURSOR, json.getString("detail"));
        }
    }

    @Test
    void aCursorWithAPageIsA400NamingTheCursor() {
        String path = "/api/v1/outlets";
        String cursor = nextCursor(api().queryParam("q", token).queryParam("size", 2).get(path));
        for (String page : List.of("0", "1")) {
            JsonPath json = problem(raw().queryParam("q", token).queryParam("size", 2).queryParam("page", page)
                    .queryParam("cursor", cursor).get(path), 400, "validation", path);
            assertEquals(List.of("cursor"), json.getList("errors.field"));
            assertEquals("cursor cannot be combined with page: a cursor says where its page starts", json.getString("detail"));
        }
        // A blank one is no cursor: the numbered page it came with is served.
        raw().queryParam("q", token).queryParam("size", 2).queryParam("page", 1).queryParam("cursor", "")
                .get(path).then().statusCode(200);
    }

    @Test
    void aCursorOfAnotherSortFilterOrListIsA400ThatItDoesNotBelongToThisQuery() {
        String articles = "/api/v1/articles";
        String cursor = nextCursor(api().queryParam("outlet", outletSlug).queryParam("size", 2).get(articles));
        assertNotNull(cursor);
        List<Supplier<Response>> misuses = List.of(
                () -> raw().queryParam("outlet", outletSlug).queryParam("sort", "headline").queryParam("cursor", cursor).get(articles),
                () -> raw().queryParam("outlet", outletSlug).queryParam("sort", "publishedOn").queryParam("cursor", cursor).get(articles),
                () -> raw().queryParam("outlet", outletSlug + "-other").queryParam("cursor", cursor).get(articles),
                () -> raw().queryParam("cursor", cursor).get(articles),
                () -> raw().queryParam("outlet", outletSlug).queryParam("from", "2032-01-01").queryParam("cursor", cursor).get(articles),
                () -> raw().queryParam("outlet", outletSlug).queryParam("cursor", cursor).get("/api/v1/issues"),
                // The same filter read by a reader lists published articles only: another query.
                () -> anonymous().queryParam("outlet", outletSlug).queryParam("cursor", cursor).get(articles));
        for (Supplier<Response> misuse : misuses) {
            Response response = misuse.get();
            String instance = response.jsonPath().getString("instance");
            JsonPath json = problem(response, 400, "validation", instance);
            assertEquals(List.of("cursor"), json.getList("errors.field"));
            assertTrue(json.getString("detail").startsWith("cursor does not belong to this query"), json.getString("detail"));
        }
        // The same filter in another spelling is the same query (a leniency: the document names slugs as they are).
        raw().queryParam("outlet", " " + outletSlug + " ").queryParam("sort", "-publishedOn").queryParam("size", 5)
                .queryParam("cursor", cursor).get(articles).then().statusCode(200);
    }

    @Test
    void theIssuesArticlesAndTheArticlesOfTheIssueAreOneQuery() {
        String cursor = nextCursor(api().queryParam("size", 2).get(path(Kind.ISSUE_ARTICLES)));
        Response viaFilter = api().queryParam("issue", issueWithArticles).queryParam("sort", "position")
                .queryParam("cursor", cursor).get("/api/v1/articles");
        viaFilter.then().statusCode(200);
        assertEquals(labels.subList(2, N), viaFilter.jsonPath().getList("items.headline", String.class));
        assertFalse(viaFilter.jsonPath().getString("nextCursor") != null);
    }

    /**
     * A topic list's cursor names the topic by id, not by slug: after the topic's slug changes, the next link made
     * before (old slug) and the same cursor under the new slug both give the next page.
     */
    @Test
    void aTopicListsCursorOutlivesTheTopicsNewSlug() {
        String t = unique("renamed");
        JsonPath created = ListSupport.topic(t + " topic");
        long topic = created.getLong("id");
        String oldSlug = created.getString("slug");
        long outlet = ListSupport.outlet(Map.of("name", t + " outlet")).getLong("id");
        long issue = ListSupport.issue(t + " issue", "2033-02-02", "PUBLISHED", null).getLong("id");
        List<Integer> ids = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            ids.add(ListSupport.article(issue, outlet, t + " a" + n, "2033-02-0" + n, Map.of("topicIds", List.of(topic)))
                    .getInt("id"));
        }
        Response first = anonymous().queryParam("topic", oldSlug).queryParam("size", 1).get("/api/v1/articles");
        first.then().statusCode(200).body("items.id", is(List.of(ids.get(2))));
        String cursor = nextCursor(first);
        assertNotNull(cursor);
        String newSlug = unique("renamed-topic");
        api().contentType(ContentType.JSON).body(Map.of("slug", newSlug)).patch("/api/v1/topics/{id}", topic)
                .then().statusCode(200).body("slug", is(newSlug));
        for (String slug : List.of(oldSlug, newSlug)) {
            anonymous().queryParam("topic", slug).queryParam("size", 1).queryParam("cursor", cursor)
                    .get("/api/v1/articles")
                    .then().statusCode(200).header("X-Total-Count", "3")
                    .body("items.id", is(List.of(ids.get(1))))
                    .body("nextCursor", notNullValue());
        }
    }
}
