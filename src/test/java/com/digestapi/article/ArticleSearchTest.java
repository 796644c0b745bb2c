package com.digestapi.article;

import static com.digestapi.support.Api.anonymous;
import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.raw;
import static com.digestapi.support.Api.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.digestapi.support.ListSupport;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Search (q) through the Lucene index: relevance on the demo digest, the web-search syntax, highlights, facets, and
 * that the index follows writes at once for the writer, drafts never reaching readers.
 */
@QuarkusTest
class ArticleSearchTest {

    private static final String ARTICLES = "/api/v1/articles";

    @Inject
    AgroalDataSource dataSource;

    private static List<String> headlines(Response response) {
        assertEquals(200, response.statusCode(), response::asString);
        return response.jsonPath().getList("items.headline");
    }

    private static Response inDemo(String q) {
        return api().queryParam("q", q).get("/api/v1/issues/{id}/articles", ListSupport.demoIssue());
    }

    @Test
    void nuclearReferendumRanksTheNikkeiAsiaArticleFirst() {
        Response response = inDemo("nuclear referendum");
        assertEquals("nikkei-asia", response.jsonPath().getString("items[0].outlet.slug"), response::asString);
        // Best match first by default, the same as asking for it.
        assertEquals(headlines(response), headlines(api().queryParam("q", "nuclear referendum")
                .queryParam("sort", "relevance").get("/api/v1/issues/{id}/articles", ListSupport.demoIssue())));
    }

    @Test
    void stemmingAndAccentFoldingFindOtherFormsOfAWord() {
        List<String> railways = headlines(inDemo("railways"));
        assertTrue(railways.stream().anyMatch(h -> h.contains("rail crossing")), railways::toString);
        assertEquals(List.of("Türkiye and Central Asia are riding together again"), headlines(inDemo("turkiye")));
        assertEquals(headlines(inDemo("turkiye")), headlines(inDemo("TÜRKİYE")));
    }

    @Test
    void aPhraseMatchesItsWordsInOrder() {
        assertEquals(List.of("How Middle Powers Can Shape the Future of Global Cooperation"),
                headlines(inDemo("\"middle powers\"")));
        assertEquals(List.of(), headlines(inDemo("\"powers middle\"")));
    }

    @Test
    void excludedWordsAndOrCombineWithWords() {
        String t = unique("syn");
        long outlet = ListSupport.outlet(Map.of("name", t + " outlet")).getLong("id");
        long issue = ListSupport.issue(t + " issue", "2031-05-01", "PUBLISHED", null).getLong("id");
        long copper = ListSupport.article(issue, outlet, t + " copper smelter expands", "2024-05-01", Map.of()).getLong("id");
        long zinc = ListSupport.article(issue, outlet, t + " zinc smelter closes", "2024-05-02", Map.of()).getLong("id");
        long gold = ListSupport.article(issue, outlet, t + " gold mine opens", "2024-05-03", Map.of()).getLong("id");
        assertEquals(List.of(copper, zinc), ids(t + " smelter", "id"));
        assertEquals(List.of(zinc), ids(t + " smelter -copper", "id"));
        assertEquals(List.of(copper, gold), ids(t + " copper OR gold", "id"));
        assertEquals(List.of(gold), ids(t + " -smelter", "id"));
        // An unclosed quote runs to the end; stop words drop out, but a search of nothing else finds nothing.
        assertEquals(List.of(zinc), ids(t + " \"zinc smelter", "id"));
        assertEquals(List.of(copper, zinc, gold), ids(t + " the", "id"));
        assertEquals(List.of(), ids("the of and", "id"));
        assertEquals(List.of(copper, zinc, gold), ids(t + " OR", "id"));
    }

    private static List<Long> ids(String q, String sort) {
        Response response = api().queryParam("q", q).queryParam("sort", sort).get(ARTICLES);
        assertEquals(200, response.statusCode(), response::asString);
        return response.jsonPath().getList("items.id", Long.class);
    }

    @Test
    void hitsCarryHtmlEscapedHighlightsThatMarkTheMatchedWords() {
        String t = unique("hl");
        long outlet = ListSupport.outlet(Map.of("name", t + " outlet")).getLong("id");
        long issue = ListSupport.issue(t + " issue", "2031-05-08", "PUBLISHED", null).getLong("id");
        ListSupport.article(issue, outlet, t + " <b>Bold</b> railway plans", "2024-05-01",
                Map.of("summary", "First sentence about nothing. Railways & ports grow " + t + " fast. Last one."));
        api().queryParam("q", t + " railway").get(ARTICLES).then().statusCode(200)
                .body("items.size()", is(1))
                .body("items[0].highlights.headline", equalTo(marked(t) + " &lt;b&gt;Bold&lt;&#x2F;b&gt;"
                        + " <mark>railway</mark> plans"))
                .body("items[0].highlights.summary", containsString("<mark>Railways</mark> &amp; ports grow "
                        + marked(t) + " fast."))
                // The fields themselves are as stored.
                .body("items[0].headline", equalTo(t + " <b>Bold</b> railway plans"));
        // A list without q has no highlights.
        api().queryParam("issue", issue).get(ARTICLES).then().statusCode(200)
                .body("items[0].highlights", nullValue());
    }

    /** How a unique test word is highlighted: its parts are words of their own ("hl-x1" is "hl" and "x1"). */
    private static String marked(String word) {
        return "<mark>" + word.replace("-", "</mark>-<mark>") + "</mark>";
    }

    @Test
    void facetsCountTheWholeResultNotThePage() {
        String t = unique("fc");
        long outletA = ListSupport.outlet(Map.of("name", t + " outlet a")).getLong("id");
        long outletB = ListSupport.outlet(Map.of("name", t + " outlet b")).getLong("id");
        JsonPath energy = ListSupport.topic(t + " energy");
        JsonPath trade = ListSupport.topic(t + " trade");
        long issue = ListSupport.issue(t + " issue", "2031-05-15", "PUBLISHED", null).getLong("id");
        ListSupport.article(issue, outletA, t + " one", "2023-01-01", Map.of("topicIds", List.of(energy.getLong("id"))));
        ListSupport.article(issue, outletA, t + " two", "2024-01-01",
                Map.of("topicIds", List.of(energy.getLong("id"), trade.getLong("id"))));
        ListSupport.article(issue, outletB, t + " three", "2024-02-01", Map.of("topicIds", List.of(energy.getLong("id"))));
        Response response = api().queryParam("q", t).queryParam("facets", "topic,outlet,year").queryParam("size", 1)
                .get(ARTICLES);
        response.then().statusCode(200)
                .body("items.size()", is(1))
                .body("totalItems", is(3))
                .body("facets.topic", equalTo(List.of(Map.of("value", energy.getString("slug"), "count", 3),
                        Map.of("value", trade.getString("slug"), "count", 1))))
                .body("facets.outlet", equalTo(List.of(
                        Map.of("value", ListSupport.outletSlug(outletA), "count", 2),
                        Map.of("value", ListSupport.outletSlug(outletB), "count", 1))))
                .body("facets.year", equalTo(List.of(Map.of("value", "2024", "count", 2),
                        Map.of("value", "2023", "count", 1))));
        // Facets without q count a filtered list; and only those asked for.
        api().queryParam("issue", issue).queryParam("facets", "year").get(ARTICLES).then().statusCode(200)
                .body("totalItems", is(3))
                .body("facets.keySet()", equalTo(java.util.Set.of("year")))
                .body("facets.year[0].count", is(2));
        // Without facets the envelope has none.
        api().queryParam("q", t).get(ARTICLES).then().statusCode(200).body("facets", nullValue());
    }

    @Test
    void aSearchPagesByNumberAndRefusesCursors() {
        String t = unique("pg");
        long outlet = ListSupport.outlet(Map.of("name", t + " outlet")).getLong("id");
        long issue = ListSupport.issue(t + " issue", "2031-06-26", "PUBLISHED", null).getLong("id");
        for (int i = 0; i < 3; i++) {
            ListSupport.article(issue, outlet, t + " item " + i, "2024-01-1" + i, Map.of());
        }
        Response first = api().queryParam("q", t).queryParam("size", 1).get(ARTICLES);
        first.then().statusCode(200)
                .body("totalItems", is(3)).body("totalExact", is(true)).body("nextCursor", nullValue())
                .header("X-Total-Count", "3");
        Map<String, String> links = ListSupport.links(first);
        assertTrue(links.get("next").endsWith("&page=1") && links.get("next").contains("q=" + t), links::toString);
        assertTrue(links.get("last").endsWith("&page=2"), links::toString);
        raw().queryParam("q", t).queryParam("cursor", "eyJsIjoiLi4uIn0.QUJDREVGR0hJSktM").get(ARTICLES)
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("cursor"));
    }

    @Test
    void anUnknownFacetIs400() {
        raw().queryParam("facets", "topic,colour").get(ARTICLES).then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/problems/validation"))
                .body("errors[0].field", equalTo("facets"))
                .body("errors[0].message", containsString("'colour'"));
    }

    @Test
    void searchShowsTheWritersOwnWritesAtOnceAndNeverDrafts() {
        String t = unique("rw");
        long outlet = ListSupport.outlet(Map.of("name", t + " outlet")).getLong("id");
        long draft = ListSupport.issue(t + " draft", "2031-05-22", "DRAFT", null).getLong("id");
        long published = ListSupport.issue(t + " published", "2031-05-29", "PUBLISHED", null).getLong("id");
        long hidden = ListSupport.article(draft, outlet, t + " hidden", "2024-05-01", Map.of()).getLong("id");
        long shown = ListSupport.article(published, outlet, t + " shown", "2024-05-01",
                Map.of("summary", "Nothing else.")).getLong("id");
        assertEquals(List.of(shown), anonymous().queryParam("q", t).get(ARTICLES).jsonPath().getList("items.id", Long.class));
        assertEquals(List.of(hidden, shown), ids(t, "id"));
        // A change of the headline is searchable by its new words at once, and no longer by the old ones.
        api().contentType("application/merge-patch+json").body(Map.of("headline", t + " renamed"))
                .patch(ARTICLES + "/{id}", shown).then().statusCode(200);
        assertEquals(List.of(shown), ids(t + " renamed", "id"));
        assertEquals(List.of(), ids(t + " shown", "id"));
        // Publishing the draft issue shows its article to readers; deleting it removes it from the index.
        api().contentType("application/merge-patch+json").body(Map.of("status", "PUBLISHED"))
                .patch("/api/v1/issues/{id}", draft).then().statusCode(200);
        assertEquals(List.of(hidden, shown),
                anonymous().queryParam("q", t).queryParam("sort", "id").get(ARTICLES).jsonPath().getList("items.id", Long.class));
        api().delete(ARTICLES + "/{id}", hidden).then().statusCode(204);
        assertEquals(List.of(shown), ids(t, "id"));
        // Renaming the outlet changes what its articles are found by.
        api().contentType("application/merge-patch+json").body(Map.of("name", t + " gazette"))
                .patch("/api/v1/outlets/{id}", outlet).then().statusCode(200);
        assertEquals(List.of(shown), ids(t + " gazette", "id"));
        api().delete("/api/v1/issues/{id}", published).then().statusCode(204);
        assertEquals(List.of(), ids(t, "id"));
    }

    @Test
    void qCombinesWithEveryFilter() {
        String t = unique("cf");
        long outletA = ListSupport.outlet(Map.of("name", t + " outlet a")).getLong("id");
        long outletB = ListSupport.outlet(Map.of("name", t + " outlet b")).getLong("id");
        JsonPath topic = ListSupport.topic(t + " topic");
        long issue1 = ListSupport.issue(t + " one", "2031-06-05", "PUBLISHED", null).getLong("id");
        long issue2 = ListSupport.issue(t + " two", "2031-06-12", "PUBLISHED", null).getLong("id");
        long a = ListSupport.article(issue1, outletA, t + " pipeline a", "2024-01-10",
                Map.of("topicIds", List.of(topic.getLong("id")))).getLong("id");
        long b = ListSupport.article(issue1, outletB, t + " pipeline b", "2024-02-10", Map.of()).getLong("id");
        long c = ListSupport.article(issue2, outletA, t + " pipeline c", "2024-03-10", Map.of()).getLong("id");
        String q = t + " pipeline";
        assertEquals(List.of(a), raw().queryParam("q", q).queryParam("topic", topic.getString("slug")).get(ARTICLES)
                .jsonPath().getList("items.id", Long.class));
        assertEquals(List.of(a, c), raw().queryParam("q", q).queryParam("outlet", ListSupport.outletSlug(outletA))
                .queryParam("sort", "id").get(ARTICLES).jsonPath().getList("items.id", Long.class));
        assertEquals(List.of(c), api().queryParam("q", q).queryParam("issue", issue2).get(ARTICLES)
                .jsonPath().getList("items.id", Long.class));
        assertEquals(List.of(b), api().queryParam("q", q).queryParam("from", "2024-02-01").queryParam("to", "2024-02-28")
                .get(ARTICLES).jsonPath().getList("items.id", Long.class));
        assertEquals(List.of(c, b, a), api().queryParam("q", q).queryParam("sort", "-publishedOn").get(ARTICLES)
                .jsonPath().getList("items.id", Long.class));
        assertEquals(List.of(a, b, c), api().queryParam("q", q).queryParam("sort", "headline").get(ARTICLES)
                .jsonPath().getList("items.id", Long.class));
        String since = api().get(ARTICLES + "/{id}", c).jsonPath().getString("updatedAt");
        assertEquals(List.of(c), api().queryParam("q", q).queryParam("updatedSince", since).get(ARTICLES)
                .jsonPath().getList("items.id", Long.class));
    }

    @Test
    void anArticleWriteReindexesItAndTheSiblingsItShiftsNotItsWholeIssue() throws SQLException {
        String t = unique("ri");
        long outlet = ListSupport.outlet(Map.of("name", t + " outlet")).getLong("id");
        long issue = ListSupport.issue(t + " issue", "2031-06-19", "PUBLISHED", null).getLong("id");
        List<Long> ids = new ArrayList<>();
        for (String word : List.of("first", "second", "third", "fourth")) {
            ids.add(ListSupport.article(issue, outlet, t + " " + word, "2024-06-01", Map.of()).getLong("id"));
        }
        api().contentType("application/merge-patch+json").body(Map.of("summary", t + " edited"))
                .patch(ARTICLES + "/{id}", ids.get(2)).then().statusCode(200);
        assertEquals(List.of(ids.get(2)), loggedWithLatestChangeOf(ids.get(2)));

        // Moving the last article to the top shifts the other three: their positions are in the index too.
        api().contentType("application/merge-patch+json").body(Map.of("position", 1))
                .patch(ARTICLES + "/{id}", ids.get(3)).then().statusCode(200);
        assertEquals(List.of(ids.get(0), ids.get(1), ids.get(2), ids.get(3)),
                loggedWithLatestChangeOf(ids.get(3)).stream().sorted().toList());
        assertEquals(List.of(ids.get(3), ids.get(0), ids.get(1), ids.get(2)), ids(t, "position"));

        // Deleting the top one shifts the rest back, in search as in the list.
        api().delete(ARTICLES + "/{id}", ids.get(3)).then().statusCode(204);
        assertEquals(List.of(ids.get(0), ids.get(1), ids.get(2)), ids(t, "position"));
        assertEquals(List.of(1, 2, 3), api().queryParam("q", t).queryParam("sort", "position").get(ARTICLES)
                .jsonPath().getList("items.position", Integer.class));
    }

    /** The articles the search change log names at the latest version that names this one. */
    private List<Long> loggedWithLatestChangeOf(long article) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select article_id from search_change where article_id is not null and version ="
                     + " (select max(version) from search_change where article_id = ?) order by article_id")) {
            query.setLong(1, article);
            List<Long> logged = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    logged.add(rows.getLong(1));
                }
            }
            return logged;
        }
    }

    @Test
    void updatedSinceFarFromNowIsAFilterNotAnError() {
        // The index keeps instants as microseconds; counting them through nanoseconds overflowed after 2262 and
        // before 1678 (a 500 here, and an index build that failed on such a stored updated_at).
        for (String since : List.of("9999-12-31T23:59:59Z", "2300-01-01T00:00:00Z")) {
            Response response = api().queryParam("q", "nuclear").queryParam("updatedSince", since).get(ARTICLES);
            assertEquals(200, response.statusCode(), response::asString);
            assertEquals(List.of(), response.jsonPath().getList("items"), response::asString);
        }
        Response all = api().queryParam("q", "nuclear").queryParam("updatedSince", "0001-01-01T00:00:00Z").get(ARTICLES);
        assertEquals(200, all.statusCode(), all::asString);
        assertEquals(headlines(api().queryParam("q", "nuclear").get(ARTICLES)), headlines(all));
    }
}
