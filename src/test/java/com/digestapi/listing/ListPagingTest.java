package com.digestapi.listing;

import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.raw;
import static com.digestapi.support.Api.unique;
import static com.digestapi.support.ListSupport.assertEnvelope;
import static com.digestapi.support.ListSupport.expectedLink;
import static com.digestapi.support.ListSupport.links;
import static com.digestapi.support.ListSupport.nextCursor;
import static com.digestapi.support.ListSupport.queryOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.digestapi.support.ListSupport;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Paging of every list, on a controlled data set of five items per list (found by a unique search token): the
 * envelope, X-Total-Count, the exact Link header, defaults and bounds of page and size, pages beyond the last.
 */
@QuarkusTest
class ListPagingTest {

    /** The five lists; each holds five items labelled token-n1..token-n5 in its default order. */
    enum Kind {
        ISSUES("title"), ARTICLES("headline"), ISSUE_ARTICLES("headline"), OUTLETS("name"), TOPICS("name");

        final String label;

        Kind(String label) {
            this.label = label;
        }
    }

    private static String token;
    private static String outletSlug;
    private static long issueWithArticles;
    private static List<String> labels;

    /** Once per class; in @BeforeEach because RestAssured knows the test port only then. */
    @BeforeEach
    void createFiveItemsPerList() {
        if (token != null) {
            return;
        }
        String token = unique("pg");
        List<String> labels = new ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            labels.add(token + " n" + n);
        }
        JsonPath pagingOutlet = ListSupport.outlet(Map.of("name", unique("Paging outlet")));
        long outlet = pagingOutlet.getLong("id");
        outletSlug = pagingOutlet.getString("slug");
        for (int n = 1; n <= 5; n++) {
            // Default order of issues and articles is -publishedOn: n1 is the newest.
            long issue = ListSupport.issue(labels.get(n - 1), "2031-01-0" + (6 - n), "PUBLISHED", null).getLong("id");
            if (n == 1) {
                issueWithArticles = issue;
            }
            ListSupport.outlet(Map.of("name", labels.get(n - 1)));
            ListSupport.topic(labels.get(n - 1));
        }
        for (int n = 1; n <= 5; n++) {
            ListSupport.article(issueWithArticles, outlet, labels.get(n - 1), "2031-02-0" + (6 - n), Map.of());
        }
        ListPagingTest.labels = List.copyOf(labels);
        ListPagingTest.token = token;
    }

    private String path(Kind kind) {
        return switch (kind) {
            case ISSUES -> "/api/v1/issues";
            case ARTICLES -> "/api/v1/articles";
            case ISSUE_ARTICLES -> "/api/v1/issues/" + issueWithArticles + "/articles";
            case OUTLETS -> "/api/v1/outlets";
            case TOPICS -> "/api/v1/topics";
        };
    }

    /**
     * What selects the five items of a list: its q, but for articles their outlet (q on articles is a search, which
     * pages by number; ArticleSearchTest pins that).
     */
    private static String filter(Kind kind) {
        return kind == Kind.ARTICLES || kind == Kind.ISSUE_ARTICLES ? "outlet" : "q";
    }

    private static String match(Kind kind) {
        return filter(kind).equals("q") ? token : outletSlug;
    }

    private List<String> labelsOf(Response response, Kind kind) {
        return response.jsonPath().getList("items." + kind.label, String.class);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void firstPageHasNextAndLastButNoPrev(Kind kind) {
        Response response = api().queryParam(filter(kind), match(kind)).queryParam("size", 2).get(path(kind));

        assertEnvelope(response, 0, 2, 5, 3, 2);
        assertEquals(labels.subList(0, 2), labelsOf(response, kind));
        assertEquals(expectedLink(path(kind), filter(kind) + "=" + match(kind) + "&size=2", 0, null, nextCursor(response), 2),
                response.header("Link"));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void middlePageHasAllFourLinks(Kind kind) {
        Response response = api().queryParam(filter(kind), match(kind)).queryParam("size", 2).queryParam("page", 1).get(path(kind));

        assertEnvelope(response, 1, 2, 5, 3, 2);
        assertEquals(labels.subList(2, 4), labelsOf(response, kind));
        assertEquals(expectedLink(path(kind), filter(kind) + "=" + match(kind) + "&size=2", 0, 0, nextCursor(response), 2),
                response.header("Link"));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void lastPageIsPartialAndHasNoNext(Kind kind) {
        Response response = api().queryParam(filter(kind), match(kind)).queryParam("size", 2).queryParam("page", 2).get(path(kind));

        assertEnvelope(response, 2, 2, 5, 3, 1);
        assertEquals(labels.subList(4, 5), labelsOf(response, kind));
        assertEquals(expectedLink(path(kind), filter(kind) + "=" + match(kind) + "&size=2", 0, 1, null, 2), response.header("Link"));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void pageBeyondTheLastIsEmptyButStill200WithPrevPointingToTheLast(Kind kind) {
        Response response = api().queryParam(filter(kind), match(kind)).queryParam("size", 2).queryParam("page", 7).get(path(kind));

        assertEnvelope(response, 7, 2, 5, 3, 0);
        assertEquals(expectedLink(path(kind), filter(kind) + "=" + match(kind) + "&size=2", 0, 2, null, 2), response.header("Link"));

        int deepest = PageRequest.lastReachable(100);
        Response farBeyond = api().queryParam(filter(kind), match(kind)).queryParam("size", 100).queryParam("page", deepest)
                .get(path(kind));
        assertEnvelope(farBeyond, deepest, 100, 5, 1, 0);
        assertEquals(expectedLink(path(kind), filter(kind) + "=" + match(kind) + "&size=100", 0, 0, null, 0), farBeyond.header("Link"));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void defaultsArePageZeroAndSizeTwenty(Kind kind) {
        Response response = api().queryParam(filter(kind), match(kind)).get(path(kind));

        assertEnvelope(response, 0, 20, 5, 1, 5);
        assertEquals(labels, labelsOf(response, kind));
        assertEquals(expectedLink(path(kind), filter(kind) + "=" + match(kind), 0, null, null, 0), response.header("Link"));

        Response blank = raw().queryParam(filter(kind), match(kind)).queryParam("page", "").queryParam("size", "").get(path(kind));
        assertEnvelope(blank, 0, 20, 5, 1, 5);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anEmptyResultHasZeroPagesAndLinksToPageZero(Kind kind) {
        String nothing = unique("nothing");
        Response response = api().queryParam("q", nothing).queryParam("size", 3).get(path(kind));

        assertEnvelope(response, 0, 3, 0, 0, 0);
        assertEquals(expectedLink(path(kind), "q=" + nothing + "&size=3", 0, null, null, 0), response.header("Link"));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void sizeOneAndSizeHundredAreTheBounds(Kind kind) {
        Response one = api().queryParam(filter(kind), match(kind)).queryParam("size", 1).queryParam("page", 4).get(path(kind));
        assertEnvelope(one, 4, 1, 5, 5, 1);
        assertEquals(labels.subList(4, 5), labelsOf(one, kind));

        Response hundred = api().queryParam(filter(kind), match(kind)).queryParam("size", 100).get(path(kind));
        assertEnvelope(hundred, 0, 100, 5, 1, 5);
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void pageAndSizeOutOfRangeAre400NamingTheParameter(Kind kind) {
        for (String size : List.of("0", "101", "-1", "abc", "1.5", "99999999999999999999")) {
            raw().queryParam("size", size).get(path(kind))
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("type", endsWith("/problems/validation"))
                    .body("title", equalTo("Invalid request"))
                    .body("status", is(400))
                    .body("instance", equalTo(path(kind)))
                    .body("detail", equalTo("size must be an integer from 1 to 100"))
                    .body("errors.size()", is(1))
                    .body("errors[0].field", equalTo("size"));
        }
        for (String page : List.of("-1", "10000", "x", "99999999999999999999")) {
            raw().queryParam("page", page).get(path(kind))
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", equalTo("page must be an integer from 0 to 9999"))
                    .body("errors.field", equalTo(List.of("page")));
        }
        raw().queryParam("page", "-1").queryParam("size", "0").get(path(kind))
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("page", "size")))
                .body("detail", containsString("page must be"))
                .body("detail", containsString("size must be"));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void anUnknownParameterIsIgnoredAndKeptInTheLinks(Kind kind) {
        Response response = raw().queryParam(filter(kind), match(kind)).queryParam("size", 2).queryParam("colour", "blue")
                .get(path(kind));

        assertEnvelope(response, 0, 2, 5, 3, 2);
        assertEquals(labels.subList(0, 2), labelsOf(response, kind));
        assertEquals(expectedLink(path(kind), filter(kind) + "=" + match(kind) + "&size=2&colour=blue", 0, null, nextCursor(response), 2),
                response.header("Link"));
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void followingNextLinksWalksTheWholeListAndKeepsEveryOtherParameter(Kind kind) {
        String note = "a b&c=d/ü,+%";
        String q = " " + (filter(kind).equals("q") ? match(kind).toUpperCase() : match(kind)) + " ";
        Response response = raw().queryParam("page", 0).queryParam(filter(kind), q).queryParam("note", note)
                .queryParam("size", 2).get(path(kind));
        List<String> seen = new ArrayList<>();
        List<String> pages = new ArrayList<>();
        while (true) {
            assertEquals(200, response.statusCode(), response::asString);
            pages.add(response.jsonPath().getString("page"));
            seen.addAll(labelsOf(response, kind));
            Map<String, String> links = links(response);
            assertTrue(links.containsKey("first") && links.containsKey("last"), links.toString());
            assertEquals(List.of("first", "prev", "next", "last").stream().filter(links::containsKey).toList(),
                    List.copyOf(links.keySet()), "rel order");
            for (Map.Entry<String, String> link : links.entrySet()) {
                String url = link.getValue();
                assertTrue(url.startsWith(ListSupport.base() + path(kind) + "?"), url);
                List<Map.Entry<String, String>> query = queryOf(url);
                assertEquals(List.of(Map.entry(filter(kind), q), Map.entry("note", note), Map.entry("size", "2")),
                        query.subList(0, query.size() - 1), url);
                Map.Entry<String, String> expected = switch (link.getKey()) {
                    case "first" -> Map.entry("page", "0");
                    case "last" -> Map.entry("page", "2");
                    case "prev" -> Map.entry("page", String.valueOf(response.jsonPath().getInt("page") - 1));
                    // The next page starts after this one's last item: a cursor, never a page number.
                    default -> Map.entry("cursor", nextCursor(response));
                };
                assertEquals(expected, query.get(query.size() - 1), url);
            }
            if (!links.containsKey("next")) {
                break;
            }
            assertFalse(pages.size() > 5, "too many pages");
            response = raw().urlEncodingEnabled(false).get(links.get("next"));
        }
        assertEquals(List.of("0", "1", "2"), pages);
        assertEquals(labels, seen);
    }
}
