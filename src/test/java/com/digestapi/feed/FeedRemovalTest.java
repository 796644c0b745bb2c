package com.digestapi.feed;

import static com.digestapi.support.Api.anonymous;
import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.newArticle;
import static com.digestapi.support.Api.newIssue;
import static com.digestapi.support.Api.newOutlet;
import static com.digestapi.support.Api.newTopic;
import static com.digestapi.support.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.io.StringReader;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.junit.jupiter.api.Test;

/**
 * Feeds remember removals: when an entry leaves a feed (deleted, unpublished, withdrawn into a draft issue, or out of
 * its filter), its Last-Modified moves forward and its ETag changes, in every format, so that a poller's conditional
 * request never answers 304 over it; and an Atom feed carries an RFC 6721 tombstone for every article readers lost in
 * the last 30 days.
 */
@QuarkusTest
class FeedRemovalTest {

    private static final List<String> FORMATS = List.of("atom", "rss", "json");
    private static final Namespace TOMBSTONES = Namespace.getNamespace("http://purl.org/atompub/tombstones/1.0");

    @Test
    void aDeletedEntryMovesEveryFormatForwardAndLeavesAnAtomTombstone() throws Exception {
        long topic = newTopic();
        String slug = topicSlug(topic);
        long issue = newIssue("2031-01-04", "PUBLISHED");
        long outlet = newOutlet();
        long kept = newArticle(issue, outlet, unique("Kept"), Map.of("topicIds", List.of(topic)));
        long deleted = newArticle(issue, outlet, unique("Deleted"), Map.of("topicIds", List.of(topic)));
        Map<String, Response> before = feeds(slug);
        // Last-Modified counts whole seconds: the removal happens in a later one.
        Thread.sleep(1100);
        Instant removedAfter = Instant.now();
        api().delete("/api/v1/articles/{id}", deleted).then().statusCode(204);

        assertMovedForward(slug, before);
        SyndFeed atom = atom(slug);
        assertEquals(List.of(kept), atom.getEntries().stream().map(FeedRemovalTest::idOf).toList());
        Element tombstone = tombstoneOf(atom, deleted).orElseThrow(() -> new AssertionError("no tombstone"));
        assertEquals("deleted", tombstone.getChildText("comment", TOMBSTONES));
        assertTrue(!Instant.parse(tombstone.getAttributeValue("when")).isBefore(removedAfter.minusSeconds(1)));
    }

    @Test
    void anArticleWithdrawnIntoADraftIssueIsATombstoneUntilItIsPublishedAgain() throws Exception {
        long topic = newTopic();
        String slug = topicSlug(topic);
        long published = newIssue("2031-01-11", "PUBLISHED");
        long draft = newIssue("2031-01-18", "DRAFT");
        long article = newArticle(published, newOutlet(), unique("Withdrawn"), Map.of("topicIds", List.of(topic)));
        Map<String, Response> before = feeds(slug);
        Thread.sleep(1100);
        api().contentType("application/merge-patch+json").body(Map.of("issueId", draft))
                .patch("/api/v1/articles/{id}", article).then().statusCode(200);

        assertMovedForward(slug, before);
        SyndFeed atom = atom(slug);
        assertEquals(List.of(), atom.getEntries());
        assertEquals("withdrawn", tombstoneOf(atom, article).orElseThrow().getChildText("comment", TOMBSTONES));

        api().contentType("application/merge-patch+json").body(Map.of("status", "PUBLISHED"))
                .patch("/api/v1/issues/{id}", draft).then().statusCode(200);
        atom = atom(slug);
        assertEquals(List.of(article), atom.getEntries().stream().map(FeedRemovalTest::idOf).toList());
        assertTrue(tombstoneOf(atom, article).isEmpty(), "published again, it is no longer a tombstone");
    }

    @Test
    void anEntryThatLeavesTheFilterMovesTheFeedForward() throws Exception {
        long topic = newTopic();
        String slug = topicSlug(topic);
        long article = newArticle(newIssue("2031-01-25", "PUBLISHED"), newOutlet(), unique("Untagged later"),
                Map.of("topicIds", List.of(topic)));
        Map<String, Response> before = feeds(slug);
        Thread.sleep(1100);
        api().contentType("application/merge-patch+json").body(Map.of("topicIds", List.of()))
                .patch("/api/v1/articles/{id}", article).then().statusCode(200);

        assertMovedForward(slug, before);
        assertEquals(List.of(), atom(slug).getEntries());
    }

    /** Every format answers 200 to its old validators, with a later Last-Modified and another ETag. */
    private static void assertMovedForward(String topic, Map<String, Response> before) {
        for (String format : FORMATS) {
            Response old = before.get(format);
            Response ifModifiedSince = anonymous().header("If-Modified-Since", old.header("Last-Modified"))
                    .queryParam("topic", topic).get("/api/v1/feeds/articles." + format);
            assertEquals(200, ifModifiedSince.statusCode(), format + ": If-Modified-Since hid the removal");
            assertTrue(date(ifModifiedSince.header("Last-Modified")).isAfter(date(old.header("Last-Modified"))),
                    format + ": Last-Modified moved forward");
            assertNotEquals(old.header("ETag"), ifModifiedSince.header("ETag"), format);
            anonymous().header("If-None-Match", old.header("ETag")).queryParam("topic", topic)
                    .get("/api/v1/feeds/articles." + format).then().statusCode(200);
        }
    }

    private static Map<String, Response> feeds(String topic) {
        return Map.of("atom", feed(topic, "atom"), "rss", feed(topic, "rss"), "json", feed(topic, "json"));
    }

    private static Response feed(String topic, String format) {
        Response response = anonymous().queryParam("topic", topic).get("/api/v1/feeds/articles." + format);
        response.then().statusCode(200);
        return response;
    }

    private static SyndFeed atom(String topic) throws Exception {
        return new SyndFeedInput().build(new StringReader(feed(topic, "atom").asString()));
    }

    private static Optional<Element> tombstoneOf(SyndFeed feed, long article) {
        return feed.getForeignMarkup().stream()
                .filter(e -> e.getName().equals("deleted-entry") && e.getNamespace().equals(TOMBSTONES))
                .filter(e -> e.getAttributeValue("ref").endsWith("/api/v1/articles/" + article))
                .findFirst();
    }

    private static long idOf(SyndEntry entry) {
        return Long.parseLong(entry.getUri().substring(entry.getUri().lastIndexOf('/') + 1));
    }

    private static String topicSlug(long topic) {
        return api().get("/api/v1/topics/{id}", topic).jsonPath().getString("slug");
    }

    private static Instant date(String httpDate) {
        return ZonedDateTime.parse(httpDate, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
    }
}
