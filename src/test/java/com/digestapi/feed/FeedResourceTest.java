package com.digestapi.feed;

import static com.digestapi.support.Api.anonymous;
import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.newArticle;
import static com.digestapi.support.Api.newIssue;
import static com.digestapi.support.Api.newOutlet;
import static com.digestapi.support.Api.newTopic;
import static com.digestapi.support.Api.raw;
import static com.digestapi.support.Api.unique;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.digestapi.support.SentSql;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.StringReader;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class FeedResourceTest {

    private static final List<String> DEMO_OUTLETS = List.of("eu-reporter", "modern-diplomacy", "nikkei-asia",
            "the-geopolitics", "business-wire", "trend", "railway-supply", "the-economist");
    private static final List<String> DEMO_HEADLINES = List.of(
            "Kazakhstan becomes a more reliable partner of the European Union in Central Asia",
            "Kazakhstan's transformation into an entrepreneurial hub",
            "Kazakhstan must shake off testing-site past and vote 'yes' to nuclear energy",
            "How Middle Powers Can Shape the Future of Global Cooperation",
            "WELOCK and ApartX ink key China-Kazakhstan digital trade agreement at Global Digital Trade Expo",
            "Kazakhstan pushing to effect EAEU integrated information system",
            "Kazakhstan-China rail crossing to open in 2027, expanding trade routes",
            "Türkiye and Central Asia are riding together again");

    @Test
    void atomFeedOfTheDemoDigestParsesAndCarriesItsEightEntriesInOrder() throws Exception {
        Response response = anonymous().queryParam("outlet", DEMO_OUTLETS.toArray()).get("/api/v1/feeds/articles.atom");
        response.then().statusCode(200)
                .contentType(startsWith("application/atom+xml"))
                .header("ETag", startsWith("\""))
                .header("Last-Modified", endsWith("GMT"))
                .header("Cache-Control", equalTo("public, max-age=30"));
        SyndFeed feed = parse(response.asString());
        assertEquals("atom_1.0", feed.getFeedType());
        assertTrue(feed.getTitle().startsWith("Foreign media digest — EU Reporter, Modern Diplomacy"), feed.getTitle());
        assertEquals(DEMO_HEADLINES, feed.getEntries().stream().map(SyndEntry::getTitle).toList());
        SyndEntry geopolitics = feed.getEntries().get(3);
        assertEquals("Yerkin Tukumov (The Geopolitics)", geopolitics.getAuthors().get(0).getName());
        assertTrue(geopolitics.getUri().matches("http://localhost:\\d+/api/v1/articles/\\d+"), geopolitics.getUri());
        assertTrue(geopolitics.getCategories().stream().map(SyndCategory::getName).toList().contains("Geopolitics"));
        assertTrue(geopolitics.getCategories().stream().anyMatch(c -> c.getName().equals("Foreign media digest 2024-10-05")
                && c.getTaxonomyUri().matches("http://localhost:\\d+/api/v1/issues/\\d+")));
        SyndEntry economist = feed.getEntries().get(7);
        assertEquals("Türkiye and Central Asia are riding together again", economist.getTitle());
        assertEquals("The Economist", economist.getSource().getTitle());
        assertEquals("2024-10-05T00:00:00Z", economist.getPublishedDate().toInstant().toString());
        assertTrue(feed.getLinks().stream().anyMatch(l -> l.getRel().equals("self")
                && l.getHref().contains("/api/v1/feeds/articles.atom?outlet=eu-reporter")));
    }

    @Test
    void rssAndJsonFeedsCarryTheSameEntries() throws Exception {
        Response rss = api().queryParam("outlet", DEMO_OUTLETS.toArray()).get("/api/v1/feeds/articles.rss");
        rss.then().statusCode(200).contentType(startsWith("application/rss+xml")).header("ETag", startsWith("\""));
        SyndFeed feed = parse(rss.asString());
        assertEquals("rss_2.0", feed.getFeedType());
        assertEquals(DEMO_HEADLINES, feed.getEntries().stream().map(SyndEntry::getTitle).toList());
        assertTrue(rss.asString().contains("<source url=\"https://www.economist.com\">The Economist</source>"));
        assertEquals("Yerkin Tukumov (The Geopolitics)", feed.getEntries().get(3).getAuthor());

        Response json = api().queryParam("outlet", DEMO_OUTLETS.toArray()).get("/api/v1/feeds/articles.json");
        json.then().statusCode(200)
                .contentType(startsWith("application/feed+json"))
                .body("version", equalTo("https://jsonfeed.org/version/1.1"))
                .body("items.size()", is(8))
                .body("items[0].authors[0].name", equalTo("EU Reporter"))
                .body("items[0]._digest.topics", equalTo(List.of("eu-relations", "transport-logistics")))
                .body("items[0]._digest.issue.slug", equalTo("foreign-media-digest-2024-10-05"))
                .body("items[7].tags", equalTo(List.of("Culture")));
        assertEquals(DEMO_HEADLINES, json.jsonPath().getList("items.title"));
    }

    @Test
    void filteredFeedsCarryExactlyTheFilteredEntriesWithHostileTextEscaped() throws Exception {
        String topicName = unique("Q&A \"quoted\" <tag>");
        long topic = api().contentType(ContentType.JSON).body(Map.of("name", topicName)).post("/api/v1/topics")
                .then().statusCode(201).extract().jsonPath().getLong("id");
        String topicSlug = api().get("/api/v1/topics/{id}", topic).jsonPath().getString("slug");
        long outlet = newOutlet(Map.of("name", unique("Türkiye Today & Co")));
        long older = newIssue("2031-01-07", "PUBLISHED");
        long newer = newIssue("2031-01-14", "PUBLISHED");
        long draft = newIssue("2031-01-21", "DRAFT");
        String hostile = "Ampersand & <b>bold</b> \"quotes\" 'apostrophes' — Türkiye " + unique("h");
        long a1 = newArticle(older, outlet, "Older first " + unique("h"), Map.of("topicIds", List.of(topic)));
        long a2 = newArticle(newer, outlet, hostile, Map.of("topicIds", List.of(topic),
                "originalUrl", "https://example.com/a?x=1&y=2", "author", "O'Brien & Sons"));
        long a3 = newArticle(newer, outlet, "Newer second " + unique("h"), Map.of("topicIds", List.of(topic)));
        newArticle(draft, outlet, "Draft never shows " + unique("h"), Map.of("topicIds", List.of(topic)));
        newArticle(newer, outlet, "Untagged " + unique("h"));

        SyndFeed feed = parse(api().queryParam("topic", topicSlug).get("/api/v1/feeds/articles.atom").asString());
        assertEquals("Foreign media digest — " + topicName, feed.getTitle());
        assertEquals(List.of(a2, a3, a1), feed.getEntries().stream().map(e -> idOf(e.getUri())).toList());
        SyndEntry escaped = feed.getEntries().get(0);
        assertEquals(hostile, escaped.getTitle());
        assertEquals("https://example.com/a?x=1&y=2", escaped.getLink());
        assertEquals("O'Brien & Sons (" + api().get("/api/v1/outlets/{id}", outlet).jsonPath().getString("name") + ")",
                escaped.getAuthors().get(0).getName());
        assertTrue(escaped.getCategories().stream().anyMatch(c -> c.getName().equals(topicName)));

        SyndFeed rss = parse(api().queryParam("topic", topicSlug).get("/api/v1/feeds/articles.rss").asString());
        assertEquals(hostile, rss.getEntries().get(0).getTitle());
        JsonPath json = api().queryParam("topic", topicSlug).queryParam("limit", 2).get("/api/v1/feeds/articles.json")
                .jsonPath();
        assertEquals(List.of(hostile, rss.getEntries().get(1).getTitle()), json.getList("items.title"));
        assertEquals("https://example.com/a?x=1&y=2", json.getString("items[0].external_url"));
    }

    @Test
    void entryIdsStayAcrossAnEditWhileTheEtagChanges() throws Exception {
        long outlet = newOutlet();
        String outletSlug = api().get("/api/v1/outlets/{id}", outlet).jsonPath().getString("slug");
        long issue = newIssue("2030-05-01", "PUBLISHED");
        long article = newArticle(issue, outlet, "Before the edit " + unique("h"));

        // Every feed shows the newest change anywhere (its updated date, recent removals), so a write elsewhere, such
        // as the scheduler publishing another test's issue, may move the tag between two reads: read again then.
        Response before = null;
        Response unchanged = null;
        for (int attempt = 0; attempt < 3 && (unchanged == null || unchanged.statusCode() != 304); attempt++) {
            before = api().queryParam("outlet", outletSlug).get("/api/v1/feeds/articles.atom");
            unchanged = api().header("If-None-Match", before.header("ETag")).queryParam("outlet", outletSlug)
                    .get("/api/v1/feeds/articles.atom");
        }
        String etag = before.header("ETag");
        String lastModified = before.header("Last-Modified");
        String idBefore = parse(before.asString()).getEntries().get(0).getUri();
        unchanged.then().statusCode(304).header("ETag", equalTo(etag)).body(equalTo(""));
        api().header("If-Modified-Since", lastModified).queryParam("outlet", outletSlug)
                .get("/api/v1/feeds/articles.atom").then().statusCode(304);

        api().contentType("application/merge-patch+json").body(Map.of("headline", "After the edit"))
                .patch("/api/v1/articles/{id}", article).then().statusCode(200);

        Response after = api().header("If-None-Match", etag).queryParam("outlet", outletSlug)
                .get("/api/v1/feeds/articles.atom");
        after.then().statusCode(200).header("ETag", not(equalTo(etag)));
        SyndEntry edited = parse(after.asString()).getEntries().get(0);
        assertEquals("After the edit", edited.getTitle());
        assertEquals(idBefore, edited.getUri());
        assertNotEquals(etag, after.header("ETag"));
    }

    @Test
    void limitKeepsTheNewestEntries() throws Exception {
        long outlet = newOutlet();
        String outletSlug = api().get("/api/v1/outlets/{id}", outlet).jsonPath().getString("slug");
        long issue = newIssue("2030-06-01", "PUBLISHED");
        long first = newArticle(issue, outlet, "First " + unique("h"));
        newArticle(issue, outlet, "Second " + unique("h"));
        SyndFeed feed = parse(api().queryParam("outlet", outletSlug).queryParam("limit", 1)
                .get("/api/v1/feeds/articles.rss").asString());
        assertEquals(List.of(first), feed.getEntries().stream().map(e -> idOf(e.getUri())).toList());
    }

    @Test
    void unknownSlugsGiveAnEmptyFeedAndMalformedValuesA400() throws Exception {
        SyndFeed empty = parse(api().queryParam("topic", "no-such-topic-anywhere").get("/api/v1/feeds/articles.atom")
                .then().statusCode(200).extract().asString());
        assertEquals(List.of(), empty.getEntries());
        assertEquals("Foreign media digest — no-such-topic-anywhere", empty.getTitle());

        for (String feed : List.of("atom", "rss", "json")) {
            raw().queryParam("topic", "Not A Slug").queryParam("limit", "101")
                    .get("/api/v1/feeds/articles." + feed)
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", equalTo(List.of("topic", "limit")))
                    .body("instance", equalTo("/api/v1/feeds/articles." + feed));
            raw().queryParam("outlet", "' OR 1=1 --").queryParam("limit", "abc")
                    .get("/api/v1/feeds/articles." + feed)
                    .then().statusCode(400)
                    .body("errors.field", equalTo(List.of("outlet", "limit")))
                    .body(not(containsString("Exception")));
        }
    }

    @Test
    void topicAndOutletAreGivenAtMostTwentyTimes() throws Exception {
        long outlet = newOutlet();
        String outletSlug = api().get("/api/v1/outlets/{id}", outlet).jsonPath().getString("slug");
        long article = newArticle(newIssue("2030-07-01", "PUBLISHED"), outlet, "Bounded " + unique("h"));
        Object[] twenty = new Object[20];
        java.util.Arrays.fill(twenty, outletSlug);
        Object[] twentyOne = java.util.Arrays.copyOf(twenty, 21);
        twentyOne[20] = outletSlug;
        for (String feed : List.of("atom", "rss", "json")) {
            Response ok = raw().queryParam("outlet", twenty).get("/api/v1/feeds/articles." + feed);
            ok.then().statusCode(200);
            if (!feed.equals("json")) {
                assertEquals(List.of(article), parse(ok.asString()).getEntries().stream().map(e -> idOf(e.getUri()))
                        .toList());
            }
            for (String parameter : List.of("topic", "outlet")) {
                raw().queryParam(parameter, twentyOne).get("/api/v1/feeds/articles." + feed)
                        .then().statusCode(400)
                        .contentType("application/problem+json")
                        .body("errors.field", equalTo(List.of(parameter)))
                        .body("errors[0].message", equalTo("may be given at most 20 times (was given 21)"));
            }
        }
    }

    /**
     * A feed reads its articles, then their issues and outlets: an issue (or an outlet) deleted in between leaves its
     * entries out instead of failing the feed.
     */
    @Test
    void anIssueOrOutletDeletedWhileTheFeedIsAssembledLeavesItsEntriesOut() throws Exception {
        long topic = newTopic();
        String topicSlug = api().get("/api/v1/topics/{id}", topic).jsonPath().getString("slug");
        long kept = newArticle(newIssue("2030-08-01", "PUBLISHED"), newOutlet(), "Kept " + unique("h"),
                Map.of("topicIds", List.of(topic)));
        long goneIssue = newIssue("2030-08-08", "PUBLISHED");
        newArticle(goneIssue, newOutlet(), "Issue deleted " + unique("h"), Map.of("topicIds", List.of(topic)));
        SentSql.beforeNext(sql -> sql.contains("updated_at from issue") && sql.contains(" in ("),
                () -> api().delete("/api/v1/issues/{id}", goneIssue).then().statusCode(204));
        try {
            SyndFeed feed = parse(api().queryParam("topic", topicSlug).get("/api/v1/feeds/articles.atom")
                    .then().statusCode(200).extract().asString());
            assertEquals(List.of(kept), feed.getEntries().stream().map(e -> idOf(e.getUri())).toList());
        } finally {
            SentSql.clearHook();
        }
        api().get("/api/v1/issues/{id}", goneIssue).then().statusCode(404);

        long goneOutlet = newOutlet();
        long moved = newArticle(newIssue("2030-08-15", "PUBLISHED"), goneOutlet, "Outlet deleted " + unique("h"),
                Map.of("topicIds", List.of(topic)));
        SentSql.beforeNext(sql -> sql.contains("website_url from outlet") && sql.contains(" in ("), () -> {
            api().delete("/api/v1/articles/{id}", moved).then().statusCode(204);
            api().delete("/api/v1/outlets/{id}", goneOutlet).then().statusCode(204);
        });
        try {
            JsonPath json = api().queryParam("topic", topicSlug).get("/api/v1/feeds/articles.json")
                    .then().statusCode(200).extract().jsonPath();
            assertEquals(List.of("Kept"), json.getList("items.title", String.class).stream()
                    .map(title -> title.substring(0, 4)).toList());
        } finally {
            SentSql.clearHook();
        }
        api().get("/api/v1/outlets/{id}", goneOutlet).then().statusCode(404);
    }

    @Test
    void articleListsAdvertiseTheFeedOfTheSameFilter() {
        api().queryParam("topic", "energy").queryParam("outlet", "nikkei-asia").get("/api/v1/articles")
                .then().statusCode(200)
                .header("Link", containsString("/api/v1/feeds/articles.atom?topic=energy&outlet=nikkei-asia>;"
                        + " rel=\"alternate\"; type=\"application/atom+xml\""));
    }

    private static SyndFeed parse(String xml) throws Exception {
        return new SyndFeedInput().build(new StringReader(xml));
    }

    private static long idOf(String uri) {
        return Long.parseLong(uri.substring(uri.lastIndexOf('/') + 1));
    }
}
