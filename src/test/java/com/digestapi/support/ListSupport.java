package com.digestapi.support;

import static com.digestapi.support.Api.api;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Helpers of the list tests: data with chosen fields, the page envelope, and the RFC 8288 Link header. */
public final class ListSupport {

    private static final Pattern LINK = Pattern.compile("<([^>]*)>;\\s*rel=\"([^\"]*)\"");

    private ListSupport() {
    }

    /** The absolute base the service puts in its Link URLs for requests of the tests. */
    public static String base() {
        return "http://localhost:" + RestAssured.port;
    }

    // ------------------------------------------------------------------ data

    public static JsonPath outlet(Map<String, Object> body) {
        return post("/api/v1/outlets", body);
    }

    public static JsonPath topic(String name) {
        return post("/api/v1/topics", Map.of("name", name));
    }

    public static JsonPath issue(String title, String publishedOn, String status, String intro) {
        Map<String, Object> body = new HashMap<>(Map.of("title", title, "publishedOn", publishedOn, "status", status));
        if (intro != null) {
            body.put("intro", intro);
        }
        return post("/api/v1/issues", body);
    }

    /** An article in the issue; extra may set author, quotes, topicIds, summary, publishedOn. */
    public static JsonPath article(long issueId, long outletId, String headline, String publishedOn,
                                   Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("issueId", issueId, "headline", headline, "outletId", outletId,
                "publishedOn", publishedOn, "summary", "Summary of " + headline));
        body.putAll(extra);
        return post("/api/v1/articles", body);
    }

    public static JsonPath post(String path, Map<String, Object> body) {
        requireTestServer();
        return api().contentType(ContentType.JSON).body(body).post(path)
                .then().log().ifValidationFails().statusCode(201).extract().jsonPath();
    }

    /** The id of the demo digest, which every test database holds (tests must not change it). */
    /** The slug of an outlet. */
    public static String outletSlug(long id) {
        return api().get("/api/v1/outlets/{id}", id).then().statusCode(200).extract().path("slug");
    }

    public static long demoIssue() {
        List<Map<String, Object>> items = api().queryParam("from", "2024-10-05").queryParam("to", "2024-10-05")
                .queryParam("size", 100).get("/api/v1/issues").then().statusCode(200).extract().jsonPath().getList("items");
        return items.stream().filter(i -> "foreign-media-digest-2024-10-05".equals(i.get("slug")))
                .map(i -> ((Number) i.get("id")).longValue()).findFirst()
                .orElseThrow(() -> new AssertionError("demo digest missing"));
    }

    /** The updatedAt of a resource as the service reports it. */
    public static Instant updatedAt(String path) {
        return Instant.parse(api().get(path).then().statusCode(200).extract().jsonPath().getString("updatedAt"));
    }

    /**
     * Fails unless RestAssured points at the test instance (a random port): before Quarkus sets it, as in a
     * {@code @BeforeAll}, RestAssured would write to whatever listens on localhost:8080.
     */
    public static void requireTestServer() {
        if (RestAssured.port <= 0 || RestAssured.port == 8080) {
            throw new IllegalStateException("RestAssured is not pointed at the test instance (port " + RestAssured.port
                    + "); create data in a test or @BeforeEach, not in @BeforeAll");
        }
    }

    // ------------------------------------------------------------------ envelope

    /**
     * Checks the list envelope, its exact keys and the X-Total-Count header, for an exact total; and that nextCursor is
     * there exactly when the page is not the last (a page beyond the last has none).
     */
    public static void assertEnvelope(Response response, int page, int size, long totalItems, long totalPages,
                                      int itemsOnPage) {
        assertEquals(200, response.statusCode(), response::asString);
        assertTrue(response.contentType().startsWith("application/json"), response.contentType());
        JsonPath json = response.jsonPath();
        assertEquals(Set.of("items", "page", "size", "totalItems", "totalPages", "totalExact", "nextCursor"),
                json.getMap("$").keySet());
        assertEquals(page, json.getInt("page"), "page");
        assertEquals(size, json.getInt("size"), "size");
        assertEquals(totalItems, json.getLong("totalItems"), "totalItems");
        assertEquals(totalPages, json.getLong("totalPages"), "totalPages");
        assertEquals(true, json.getBoolean("totalExact"), "totalExact");
        assertEquals(itemsOnPage, json.getList("items").size(), "items on the page");
        assertEquals(String.valueOf(totalItems), response.header("X-Total-Count"), "X-Total-Count");
        assertEquals(page + 1 < totalPages, json.getString("nextCursor") != null, "nextCursor: " + json.getString("nextCursor"));
    }

    /** The nextCursor of a page (null on the last page). */
    public static String nextCursor(Response response) {
        return response.jsonPath().getString("nextCursor");
    }

    // ------------------------------------------------------------------ Link header

    /** The paging links of the Link header as rel to URL, in header order; fails when a rel repeats. */
    public static Map<String, String> links(Response response) {
        String header = response.header("Link");
        assertTrue(header != null && !header.isBlank(), "Link header missing");
        Map<String, String> links = new LinkedHashMap<>();
        Matcher m = LINK.matcher(header);
        while (m.find()) {
            assertFalse(links.containsKey(m.group(2)), "rel repeated in " + header);
            if (!m.group(2).equals("alternate")) { // the feed of the same filter, which the feed tests check
                links.put(m.group(2), m.group(1));
            }
        }
        return links;
    }

    /**
     * The exact Link header the service should send: the request query (raw, without page or cursor) plus page=n for
     * first, prev and last, and cursor=next for next (null: no such link).
     */
    public static String expectedLink(String path, String rawQueryWithoutPage, Integer first, Integer prev, String next,
                                      Integer last) {
        List<String> parts = new ArrayList<>();
        String query = base() + path + "?" + (rawQueryWithoutPage.isEmpty() ? "" : rawQueryWithoutPage + "&");
        if (first != null) {
            parts.add("<" + query + "page=" + first + ">; rel=\"first\"");
        }
        if (prev != null) {
            parts.add("<" + query + "page=" + prev + ">; rel=\"prev\"");
        }
        if (next != null) {
            parts.add("<" + query + "cursor=" + next + ">; rel=\"next\"");
        }
        if (last != null) {
            parts.add("<" + query + "page=" + last + ">; rel=\"last\"");
        }
        if (path.equals("/api/v1/articles")) {
            // Feed discovery: the Atom feed of the same topic and outlet filter.
            String feedQuery = java.util.Arrays.stream(rawQueryWithoutPage.split("&"))
                    .filter(p -> p.startsWith("topic=") || p.startsWith("outlet=")).collect(java.util.stream.Collectors.joining("&"));
            parts.add("<" + base() + "/api/v1/feeds/articles.atom" + (feedQuery.isEmpty() ? "" : "?" + feedQuery)
                    + ">; rel=\"alternate\"; type=\"application/atom+xml\"");
        }
        return String.join(", ", parts);
    }

    /** The decoded query parameters of a URL, in order, repeated names kept. */
    public static List<Map.Entry<String, String>> queryOf(String url) {
        String query = URI.create(url).getRawQuery();
        List<Map.Entry<String, String>> params = new ArrayList<>();
        if (query == null || query.isEmpty()) {
            return params;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.add(Map.entry(URLDecoder.decode(name, StandardCharsets.UTF_8),
                    URLDecoder.decode(value, StandardCharsets.UTF_8)));
        }
        return params;
    }
}
