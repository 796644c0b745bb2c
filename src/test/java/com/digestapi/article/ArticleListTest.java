package com.digestapi.article;

import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.raw;
import static com.digestapi.support.Api.unique;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.digestapi.support.ListSupport;
import com.digestapi.support.SentSql;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Filters, search and sort of GET /articles and GET /issues/{id}/articles on a data set of five articles in two
 * issues, two outlets and three topics, all created here with unique names.
 */
@QuarkusTest
class ArticleListTest {

    private static final String ARTICLES = "/api/v1/articles";

    // The data set; see createDataSet.
    private static String token;
    private static String headlineToken;
    private static String summaryToken;
    private static String quoteToken;
    private static String authorToken;
    private static String attributionToken;
    private static String topicA;
    private static String topicB;
    private static String topicC;
    private static String outletX;
    private static String outletY;
    private static long issue1;
    private static long issue2;
    private static long a1;
    private static long a2;
    private static long a3;
    private static long a4;
    private static long a5;

    /** Once per class; in @BeforeEach because RestAssured knows the test port only then. */
    @BeforeEach
    void createDataSet() {
        if (token != null) {
            return;
        }
        String t = unique("art");
        headlineToken = unique("hl");
        summaryToken = unique("sm");
        quoteToken = unique("qt");
        authorToken = unique("au");
        attributionToken = unique("at");
        JsonPath tA = ListSupport.topic(t + " topic a");
        JsonPath tB = ListSupport.topic(t + " topic b");
        JsonPath tC = ListSupport.topic(t + " topic c");
        topicA = tA.getString("slug");
        topicB = tB.getString("slug");
        topicC = tC.getString("slug");
        JsonPath oX = ListSupport.outlet(Map.of("name", t + " outlet x"));
        JsonPath oY = ListSupport.outlet(Map.of("name", t + " outlet y"));
        outletX = oX.getString("slug");
        outletY = oY.getString("slug");
        issue1 = ListSupport.issue(t + " issue one", "2031-03-01", "PUBLISHED", null).getLong("id");
        issue2 = ListSupport.issue(t + " issue two", "2031-03-08", "PUBLISHED", null).getLong("id");
        a1 = ListSupport.article(issue1, oX.getLong("id"), t + " alpha " + headlineToken.toUpperCase(), "2024-10-01",
                Map.of("topicIds", List.of(tA.getLong("id")))).getLong("id");
        a2 = ListSupport.article(issue1, oY.getLong("id"), t + " beta", "2024-10-02",
                Map.of("summary", "A summary that mentions " + summaryToken + ".",
                        "topicIds", List.of(tB.getLong("id"), tA.getLong("id")),
                        "quotes", List.of(Map.of("text", "Quoted " + quoteToken.toUpperCase() + " here.",
                                "attribution", "Speaker " + attributionToken)))).getLong("id");
        a3 = ListSupport.article(issue1, oX.getLong("id"), t + " gamma 100% sure", "2024-10-03",
                Map.of("author", "Ayşe " + authorToken, "topicIds", List.of(tC.getLong("id")))).getLong("id");
        a4 = ListSupport.article(issue2, oY.getLong("id"), t + " delta 100x sure", "2024-10-03", Map.of()).getLong("id");
        a5 = ListSupport.article(issue2, oX.getLong("id"), t + " epsilon a_b c\\d", "2024-10-04",
                Map.of("topicIds", List.of(tB.getLong("id")))).getLong("id");
        token = t;
    }

    /**
     * A request with repeatable parameters (topic, outlet). The request validator (swagger-request-validator 2.46)
     * cannot read array query parameters of an OpenAPI 3.1 document, so only the response is validated.
     */
    private static RequestSpecification multi() {
        return raw();
    }

    /** Only the data set's articles: both of its outlets. */
    private static RequestSpecification mine() {
        return multi().queryParam("outlet", outletX, outletY);
    }

    /** A 200 page holding exactly these articles in this order, counted in the envelope and X-Total-Count. */
    private static void assertIds(Response response, long... expected) {
        assertEquals(200, response.statusCode(), response::asString);
        List<Long> ids = Arrays.stream(expected).boxed().toList();
        assertEquals(ids, response.jsonPath().getList("items.id", Long.class));
        assertEquals(expected.length, response.jsonPath().getLong("totalItems"));
        assertEquals(String.valueOf(expected.length), response.header("X-Total-Count"));
    }

    private static void assertInvalid(Response response, String path, String field, String... messageParts) {
        var then = response.then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", endsWith("/problems/validation"))
                .body("title", equalTo("Invalid request"))
                .body("status", is(400))
                .body("instance", equalTo(path))
                .body("detail", containsString(field))
                .body("errors.size()", is(1))
                .body("errors[0].field", equalTo(field));
        for (String part : messageParts) {
            then.body("errors[0].message", containsString(part)).body("detail", containsString(part));
        }
    }

    // ------------------------------------------------------------------ q

    @Test
    void qSearchesHeadlineSummaryQuoteTextAndAuthorCaseInsensitively() {
        assertIds(api().queryParam("q", headlineToken).get(ARTICLES), a1);
        assertIds(api().queryParam("q", summaryToken.toUpperCase()).get(ARTICLES), a2);
        assertIds(api().queryParam("q", quoteToken).get(ARTICLES), a2);
        assertIds(api().queryParam("q", "AYŞE " + authorToken.toUpperCase()).get(ARTICLES), a3);
        assertIds(api().queryParam("q", "  " + authorToken + "  ").get(ARTICLES), a3);
        assertIds(mine().queryParam("q", "ALPHA").get(ARTICLES), a1);
    }

    @Test
    void qSearchesOutletAndTopicNamesButNotQuoteAttributions() {
        assertIds(api().queryParam("q", attributionToken).get(ARTICLES));
        assertIds(mine().queryParam("q", "outlet x").queryParam("sort", "id").get(ARTICLES), a1, a3, a5);
        assertIds(mine().queryParam("q", token + " \"topic b\"").queryParam("sort", "id").get(ARTICLES), a2, a5);
    }

    /**
     * Words are what the search matches, so punctuation separates them and matches nothing on its own; nothing in q is
     * SQL or a wildcard, and no q is a syntax error.
     */
    @Test
    void qMatchesWordsAndPunctuationOnlySeparatesThem() {
        assertIds(mine().queryParam("q", "100%").get(ARTICLES), a3);
        assertIds(mine().queryParam("q", "%").get(ARTICLES));
        assertIds(mine().queryParam("q", "a_b").get(ARTICLES), a5);
        assertIds(mine().queryParam("q", "_").get(ARTICLES));
        assertIds(mine().queryParam("q", "0_").get(ARTICLES));
        assertIds(mine().queryParam("q", "c\\d").get(ARTICLES), a5);
        assertIds(mine().queryParam("q", "\\").get(ARTICLES));
        assertIds(mine().queryParam("q", "' OR 1=1 --").get(ARTICLES));
        assertIds(mine().queryParam("q", "sure*").queryParam("sort", "id").get(ARTICLES), a3, a4);
        assertIds(mine().queryParam("q", "title:sure (").get(ARTICLES));
    }

    @Test
    void qMatchesNonAsciiTextCaseInsensitivelyInTheDemoDigest() {
        long demo = ListSupport.demoIssue();
        Response response = api().queryParam("q", "TÜRKIYE").get("/api/v1/issues/{id}/articles", demo);
        assertEquals(List.of("Türkiye and Central Asia are riding together again"),
                response.jsonPath().getList("items.headline"));
        Response author = api().queryParam("q", "tukumov").get("/api/v1/issues/{id}/articles", demo);
        assertEquals(List.of("How Middle Powers Can Shape the Future of Global Cooperation"),
                author.jsonPath().getList("items.headline"));
        assertEquals("Yerkin Tukumov", author.jsonPath().getString("items[0].author"));
    }

    @Test
    void aBlankQDoesNotFilter() {
        assertIds(mine().queryParam("q", "   ").queryParam("sort", "id").get(ARTICLES), a1, a2, a3, a4, a5);
    }

    @Test
    void aTooLongQIs400() {
        assertInvalid(raw().queryParam("q", "x".repeat(201)).get(ARTICLES), ARTICLES, "q", "at most 200 characters");
        assertIds(mine().queryParam("q", "x".repeat(200)).get(ARTICLES));
    }

    // ------------------------------------------------------------------ topic, outlet, issue

    @Test
    void repeatedTopicsMatchArticlesHavingAnyOfThemOnce() {
        assertIds(multi().queryParam("topic", topicA).get(ARTICLES), a2, a1);
        assertIds(multi().queryParam("topic", topicA, topicB).get(ARTICLES), a5, a2, a1);
        assertIds(multi().queryParam("topic", topicA, topicC).get(ARTICLES), a3, a2, a1);
        assertIds(multi().queryParam("topic", topicC, topicA, topicB, topicA).get(ARTICLES), a5, a3, a2, a1);
        assertIds(multi().queryParam("topic", topicA, unique("no-such-topic")).get(ARTICLES), a2, a1);
        assertIds(multi().queryParam("topic", unique("no-such-topic")).get(ARTICLES));
    }

    @Test
    void repeatedOutletsMatchArticlesFromAnyOfThem() {
        assertIds(multi().queryParam("outlet", outletX).get(ARTICLES), a5, a3, a1);
        assertIds(multi().queryParam("outlet", outletY).get(ARTICLES), a4, a2);
        assertIds(mine().get(ARTICLES), a5, a3, a4, a2, a1);
        assertIds(multi().queryParam("outlet", outletY, unique("no-such-outlet")).get(ARTICLES), a4, a2);
    }

    @Test
    void filtersCombineWithAnd() {
        assertIds(multi().queryParam("topic", topicA).queryParam("outlet", outletY).get(ARTICLES), a2);
        assertIds(multi().queryParam("topic", topicB).queryParam("issue", issue2).get(ARTICLES), a5);
        assertIds(multi().queryParam("issue", issue1).queryParam("outlet", outletX).get(ARTICLES), a3, a1);
        assertIds(multi().queryParam("topic", topicA, topicB).queryParam("from", "2024-10-02").queryParam("to", "2024-10-03")
                .get(ARTICLES), a2);
        assertIds(api().queryParam("q", "sure").queryParam("issue", issue2).get(ARTICLES), a4);
    }

    @Test
    void issueFiltersByIssueId() {
        assertIds(api().queryParam("issue", issue2).get(ARTICLES), a5, a4);
        assertIds(api().queryParam("issue", issue1).queryParam("sort", "position").get(ARTICLES), a1, a2, a3);
        assertIds(api().queryParam("issue", 999_999_999_999L).get(ARTICLES));
    }

    @Test
    void malformedTopicOutletAndIssueAre400NamingTheParameter() {
        assertInvalid(raw().queryParam("topic", "Not A Slug").get(ARTICLES), ARTICLES, "topic", "slug");
        assertInvalid(raw().queryParam("outlet", "-x-").get(ARTICLES), ARTICLES, "outlet", "slug");
        assertInvalid(raw().queryParam("issue", "0").get(ARTICLES), ARTICLES, "issue", "positive integer");
        assertInvalid(raw().queryParam("issue", "abc").get(ARTICLES), ARTICLES, "issue", "positive integer");
    }

    @Test
    void topicAndOutletAreGivenAtMostTwentyTimes() {
        String issueArticles = "/api/v1/issues/" + issue1 + "/articles";
        for (String parameter : List.of("topic", "outlet")) {
            String[] twenty = new String[20];
            Arrays.fill(twenty, parameter.equals("topic") ? topicA : outletX);
            twenty[19] = unique("no-such-slug");
            String[] twentyOne = Arrays.copyOf(twenty, 21);
            twentyOne[20] = twenty[0];
            // Newest first on /articles, in position order in the issue.
            Map<String, long[]> expected = parameter.equals("topic")
                    ? Map.of(ARTICLES, new long[] {a2, a1}, issueArticles, new long[] {a1, a2})
                    : Map.of(ARTICLES, new long[] {a5, a3, a1}, issueArticles, new long[] {a1, a3});
            for (String path : List.of(ARTICLES, issueArticles)) {
                assertIds(multi().queryParam(parameter, (Object[]) twenty).get(path), expected.get(path));
                assertInvalid(multi().queryParam(parameter, (Object[]) twentyOne).get(path), path, parameter,
                        "at most 20 times", "was given 21");
            }
        }
    }

    /**
     * The rows of a page are read after its ids: an article deleted in between is left out of the page (whose count was
     * taken before), never listed as null.
     */
    @Test
    void anArticleDeletedBetweenTheIdsAndTheRowsIsLeftOut() {
        String word = unique("vanishing");
        long issue = ListSupport.issue(word + " issue", "2031-04-01", "PUBLISHED", null).getLong("id");
        long outlet = ListSupport.outlet(Map.of("name", word + " outlet")).getLong("id");
        long kept = ListSupport.article(issue, outlet, word + " kept", "2024-10-01", Map.of()).getLong("id");
        long deleted = ListSupport.article(issue, outlet, word + " deleted", "2024-10-02", Map.of()).getLong("id");
        // A search waits until the index holds both: its writer thread reads the same rows, and must not meet the hook.
        api().queryParam("q", word).get(ARTICLES).then().statusCode(200).body("totalItems", is(2));
        // The statement that reads the page's rows (with their outlet) by id, after the ids were read.
        SentSql.beforeNext(sql -> sql.contains(" join outlet ") && sql.contains(".id in ("),
                () -> api().delete(ARTICLES + "/{id}", deleted).then().statusCode(204));
        try {
            api().queryParam("issue", issue).get(ARTICLES).then().statusCode(200)
                    .header("X-Total-Count", "2")
                    .body("totalItems", is(2))
                    .body("items.id", is(List.of((int) kept)));
        } finally {
            SentSql.clearHook();
        }
        api().get(ARTICLES + "/{id}", deleted).then().statusCode(404);
        api().queryParam("q", word).get(ARTICLES).then().statusCode(200).body("items.id", is(List.of((int) kept)));
    }

    // ------------------------------------------------------------------ from, to

    @Test
    void fromAndToAreInclusiveBoundsOnPublishedOn() {
        assertIds(mine().queryParam("from", "2024-10-02").queryParam("to", "2024-10-03").get(ARTICLES), a3, a4, a2);
        assertIds(mine().queryParam("from", "2024-10-03").queryParam("to", "2024-10-03").get(ARTICLES), a3, a4);
        assertIds(mine().queryParam("from", "2024-10-04").get(ARTICLES), a5);
        assertIds(mine().queryParam("to", "2024-10-01").get(ARTICLES), a1);
        assertIds(mine().queryParam("from", "2024-10-05").get(ARTICLES));
    }

    @Test
    void fromAfterToIs400() {
        assertInvalid(raw().queryParam("from", "2024-10-05").queryParam("to", "2024-10-04").get(ARTICLES), ARTICLES,
                "from", "must not be after to");
        assertInvalid(raw().queryParam("from", "2024-02-30").get(ARTICLES), ARTICLES, "from", "yyyy-MM-dd");
        assertInvalid(raw().queryParam("to", "03.10.2024").get(ARTICLES), ARTICLES, "to", "yyyy-MM-dd");
    }

    // ------------------------------------------------------------------ updatedSince

    @Test
    void updatedSinceListsArticlesChangedAtOrAfterTheInstant() {
        String t = unique("upd");
        JsonPath outlet = ListSupport.outlet(Map.of("name", t + " outlet"));
        long issue = ListSupport.issue(t + " issue", "2031-04-01", "PUBLISHED", null).getLong("id");
        long u1 = ListSupport.article(issue, outlet.getLong("id"), t + " one", "2024-10-01", Map.of()).getLong("id");
        long u2 = ListSupport.article(issue, outlet.getLong("id"), t + " two", "2024-10-01", Map.of()).getLong("id");
        Instant t1 = ListSupport.updatedAt(ARTICLES + "/" + u1);
        Instant t2 = ListSupport.updatedAt(ARTICLES + "/" + u2);
        String slug = outlet.getString("slug");

        assertIds(multi().queryParam("outlet", slug).queryParam("updatedSince", t1.toString()).get(ARTICLES), u1, u2);
        assertIds(multi().queryParam("outlet", slug).queryParam("updatedSince", t2.toString()).get(ARTICLES), u2);
        assertIds(multi().queryParam("outlet", slug).queryParam("updatedSince", t2.plusNanos(1000).toString())
                .get(ARTICLES));
        assertIds(multi().queryParam("outlet", slug)
                .queryParam("updatedSince", t1.atOffset(ZoneOffset.ofHours(5)).toString()).get(ARTICLES), u1, u2);

        // A change of the embedded outlet changes the articles that embed it.
        api().contentType("application/merge-patch+json").body(Map.of("name", t + " outlet renamed"))
                .patch("/api/v1/outlets/{id}", outlet.getLong("id")).then().statusCode(200);
        assertIds(multi().queryParam("outlet", slug).queryParam("updatedSince", t2.plusNanos(1000).toString())
                .get(ARTICLES), u1, u2);
        Instant renamed = ListSupport.updatedAt(ARTICLES + "/" + u1);

        api().contentType("application/merge-patch+json").body(Map.of("summary", "Changed."))
                .patch(ARTICLES + "/{id}", u2).then().statusCode(200);
        assertIds(multi().queryParam("outlet", slug).queryParam("updatedSince", renamed.plusNanos(1000).toString())
                .get(ARTICLES), u2);
    }

    @Test
    void updatedSinceWithoutAnOffsetIs400() {
        assertInvalid(raw().queryParam("updatedSince", "2024-10-01").get(ARTICLES), ARTICLES, "updatedSince", "ISO-8601");
        assertInvalid(raw().queryParam("updatedSince", "2024-10-01T00:00:00").get(ARTICLES), ARTICLES, "updatedSince",
                "ISO-8601");
    }

    // ------------------------------------------------------------------ sort

    @Test
    void theDefaultOrderIsNewestPublishedFirstThenId() {
        assertIds(mine().get(ARTICLES), a5, a3, a4, a2, a1);
    }

    @Test
    void sortTakesSeveralFieldsAndDescendingPrefixes() {
        assertIds(mine().queryParam("sort", "-publishedOn,headline").get(ARTICLES), a5, a4, a3, a2, a1);
        assertIds(mine().queryParam("sort", "publishedOn,-headline").get(ARTICLES), a1, a2, a3, a4, a5);
        assertIds(mine().queryParam("sort", "headline").get(ARTICLES), a1, a2, a4, a5, a3);
        assertIds(mine().queryParam("sort", "-headline").get(ARTICLES), a3, a5, a4, a2, a1);
        assertIds(mine().queryParam("sort", "position,-id").get(ARTICLES), a4, a1, a5, a2, a3);
        assertIds(mine().queryParam("sort", "-id").get(ARTICLES), a5, a4, a3, a2, a1);
        assertIds(mine().queryParam("sort", " -publishedOn , headline ").get(ARTICLES), a5, a4, a3, a2, a1);
    }

    @Test
    void anUnknownSortFieldIs400NamingIt() {
        assertInvalid(raw().queryParam("sort", "headline,-bogus").get(ARTICLES), ARTICLES, "sort", "'bogus'",
                "allowed: id, slug, headline, publishedOn, position, createdAt, updatedAt");
        assertInvalid(raw().queryParam("sort", "author").get(ARTICLES), ARTICLES, "sort", "'author'");
        assertInvalid(raw().queryParam("sort", "outlet.name").get(ARTICLES), ARTICLES, "sort", "'outlet.name'");
    }

    // ------------------------------------------------------------------ item shape

    @Test
    void itemsEmbedOutletTopicsSortedByNameAndQuotes() {
        Response response = api().queryParam("q", summaryToken).get(ARTICLES);
        assertIds(response, a2);
        response.then()
                .body("items[0].issueId", is((int) issue1))
                .body("items[0].position", is(2))
                .body("items[0].headline", equalTo(token + " beta"))
                .body("items[0].outlet.slug", equalTo(outletY))
                .body("items[0].outlet.name", equalTo(token + " outlet y"))
                .body("items[0].publishedOn", equalTo("2024-10-02"))
                .body("items[0].author", nullValue())
                .body("items[0].originalUrl", nullValue())
                .body("items[0].quotes.text", equalTo(List.of("Quoted " + quoteToken.toUpperCase() + " here.")))
                .body("items[0].quotes.attribution", equalTo(List.of("Speaker " + attributionToken)))
                .body("items[0].topics.slug", equalTo(List.of(topicA, topicB)))
                .body("items[0].topics.name", equalTo(List.of(token + " topic a", token + " topic b")));
    }

    // ------------------------------------------------------------------ /issues/{id}/articles

    @Test
    void anIssuesArticlesComeInPositionOrderAndTakeTheSameFilters() {
        String path = "/api/v1/issues/" + issue1 + "/articles";
        assertIds(api().get(path), a1, a2, a3);
        assertIds(api().queryParam("sort", "-position").get(path), a3, a2, a1);
        assertIds(api().queryParam("sort", "-publishedOn").get(path), a3, a2, a1);
        assertIds(api().queryParam("q", headlineToken).get(path), a1);
        assertIds(multi().queryParam("topic", topicA).get(path), a1, a2);
        assertIds(multi().queryParam("topic", topicB, topicC).get(path), a2, a3);
        assertIds(multi().queryParam("outlet", outletX).get(path), a1, a3);
        assertIds(api().queryParam("from", "2024-10-02").get(path), a2, a3);
        Response paged = api().queryParam("to", "2024-10-02").queryParam("size", 1).queryParam("page", 1).get(path);
        ListSupport.assertEnvelope(paged, 1, 1, 2, 2, 1);
        assertEquals(List.of(a2), paged.jsonPath().getList("items.id", Long.class));
        assertIds(api().queryParam("q", headlineToken).get("/api/v1/issues/" + issue2 + "/articles"));
        assertInvalid(raw().queryParam("sort", "bogus").get(path), path, "sort", "'bogus'");
        assertInvalid(raw().queryParam("from", "2024-10-02").queryParam("to", "2024-10-01").get(path), path, "from");
    }

    @Test
    void anIssueParameterDoesNotOverrideThePathOfAnIssuesArticles() {
        assertIds(raw().queryParam("issue", issue2).get("/api/v1/issues/" + issue1 + "/articles"), a1, a2, a3);
    }

    @Test
    void theArticlesOfAnUnknownIssueAre404() {
        for (String id : List.of("999999999999", "0", "-1", "abc")) {
            raw().get("/api/v1/issues/" + id + "/articles")
                    .then().statusCode(404)
                    .contentType("application/problem+json")
                    .body("type", endsWith("/problems/not-found"))
                    .body("status", is(404))
                    .body("instance", equalTo("/api/v1/issues/" + id + "/articles"))
                    .body("detail", allOf(containsString("issue"), containsString(id)));
        }
    }

    @Test
    void demoDigestFiltersByOutletAndTopicSlugs() {
        long demo = ListSupport.demoIssue();
        Response byOutlet = multi().queryParam("issue", demo).queryParam("outlet", "nikkei-asia", "trend")
                .queryParam("sort", "position").get(ARTICLES);
        assertEquals(List.of("Kazakhstan must shake off testing-site past and vote 'yes' to nuclear energy",
                "Kazakhstan pushing to effect EAEU integrated information system"),
                byOutlet.jsonPath().getList("items.headline"));
        Response byTopic = multi().queryParam("topic", "china-relations", "digital-economy").queryParam("sort", "position")
                .get("/api/v1/issues/{id}/articles", demo);
        assertEquals(List.of(5, 6, 7), byTopic.jsonPath().getList("items.position"));
        assertEquals("3", byTopic.header("X-Total-Count"));
    }
}
