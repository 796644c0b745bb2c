package com.digestapi.article;

import static com.digestapi.support.Api.raw;
import static com.digestapi.support.Api.rawAnonymous;
import static com.digestapi.support.Api.unique;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.digestapi.listing.Cursor;
import com.digestapi.support.SentSql;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Public article pages and feeds read one index in the requested order and stop after the page, on H2 and on
 * PostgreSQL: the plan names the index and sorts nothing (H2 says "index sorted"; PostgreSQL has no Sort node). The
 * statements explained are the ones the service sends for a request, recorded as Hibernate sends them, with their
 * parameters written in as literals. PostgreSQL is kept off sequential scans, bitmap scans and sorts, since a test
 * database is too small for its planner to prefer an index on its own.
 */
@QuarkusTest
class ListIndexPlanTest {

    /** The page of ids (with the sort keys that make the next cursor), or the feed's ids. */
    private static final Predicate<String> PAGE_OF_IDS = sql -> sql.matches("select a1_0\\.id(,a1_0\\.\\w+)* from article a1_0 .*")
            && sql.contains(" order by ");
    /** The page of a topic list, read from the topic links that carry their article's list keys. */
    private static final Predicate<String> PAGE_OF_TOPIC_LINKS =
            sql -> sql.matches("select (\\w+)\\.article_id,.* from article_topic \\1 .*") && sql.contains(" order by ");
    /** A page fetches one row more than its size: whether there is a next page, without a count. */
    private static final int PAGE = 21;

    @Inject
    EntityManager em;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @Test
    void defaultListAndDateRangeWalkTheVisibleIndex() {
        assertWalks(sent(rawAnonymous(), "/api/v1/articles", PAGE_OF_IDS), List.of(true, 0, PAGE),
                "ix_article_visible_published_on");
        assertWalks(sent(rawAnonymous(), "/api/v1/articles?from=2024-09-01&to=2024-10-31", PAGE_OF_IDS),
                List.of(LocalDate.parse("2024-09-01"), LocalDate.parse("2024-10-31"), true, 0, PAGE),
                "ix_article_visible_published_on");
    }

    /**
     * A page after a cursor walks the same index as page 0, from where the cursor's keys are: the keyset condition
     * starts with a range of the first key ("published_on <= ?"), which the index serves, so the page costs what page 0
     * costs however deep it is.
     */
    @Test
    void aCursorPageWalksTheSameIndexFromTheCursor() {
        String cursor = rawAnonymous().get("/api/v1/articles?size=2&uncached=" + unique("plan"))
                .then().statusCode(200).extract().jsonPath().getString("nextCursor");
        List<String> keys = Cursor.decode(cursor).keys();
        LocalDate day = LocalDate.parse(keys.get(0));
        long id = Long.parseLong(keys.get(1));
        String sql = sent(rawAnonymous(), "/api/v1/articles?size=2&cursor=" + cursor, PAGE_OF_IDS);
        assertTrue(sql.contains("a1_0.published_on<=?"), sql);
        assertFalse(sql.contains(" offset "), sql);
        assertWalks(sql, List.of(true, day, day, day, id, 3), "ix_article_visible_published_on");

        String editors = raw().get("/api/v1/articles?size=2&uncached=" + unique("plan"))
                .then().statusCode(200).extract().jsonPath().getString("nextCursor");
        List<String> editorKeys = Cursor.decode(editors).keys();
        LocalDate editorDay = LocalDate.parse(editorKeys.get(0));
        assertWalks(sent(raw(), "/api/v1/articles?size=2&cursor=" + editors, PAGE_OF_IDS),
                List.of(editorDay, editorDay, editorDay, Long.parseLong(editorKeys.get(1)), 3), "ix_article_published_on_id");
    }

    /**
     * A public list of one topic or one outlet walks an index that starts with it, in the list's order, and stops after
     * the page, instead of sorting every article of the topic or outlet (V14__topic_and_outlet_list_keys.sql); a date
     * range is a range of the same index.
     */
    @Test
    void oneTopicOrOneOutletWalksItsOwnIndex() {
        String topicPage = sent(rawAnonymous(), "/api/v1/articles?topic=energy", PAGE_OF_TOPIC_LINKS);
        assertTrue(topicPage.matches(".* order by (\\w+)\\.topic_id,\\1\\.issue_published,\\1\\.published_on desc"
                + "( nulls last)?,\\1\\.article_id .*"), topicPage);
        long energy = id("Topic", "energy");
        assertWalks(topicPage, List.of(energy, true, 0, PAGE), "ix_article_topic_listing");
        assertWalks(sent(rawAnonymous(), "/api/v1/articles?topic=energy&from=2024-09-01", PAGE_OF_TOPIC_LINKS),
                List.of(energy, LocalDate.parse("2024-09-01"), true, 0, PAGE), "ix_article_topic_listing");
        assertWalks(sent(rawAnonymous(), "/api/v1/articles?outlet=nikkei-asia", PAGE_OF_IDS),
                List.of(id("Outlet", "nikkei-asia"), true, 0, PAGE), "ix_article_outlet_listing");

        String cursor = rawAnonymous().get("/api/v1/articles?topic=digital-economy&size=1&uncached=" + unique("plan"))
                .then().statusCode(200).extract().jsonPath().getString("nextCursor");
        List<String> keys = Cursor.decode(cursor).keys();
        LocalDate day = LocalDate.parse(keys.get(0));
        String deeper = sent(rawAnonymous(), "/api/v1/articles?topic=digital-economy&size=1&cursor=" + cursor,
                PAGE_OF_TOPIC_LINKS);
        assertFalse(deeper.contains(" offset "), deeper);
        assertWalks(deeper,
                List.of(id("Topic", "digital-economy"), true, day, day, day, Long.parseLong(keys.get(1)), 2),
                "ix_article_topic_listing");
    }

    @Test
    void editorsDefaultListWalksThePublishedOnIndex() {
        assertWalks(sent(raw(), "/api/v1/articles", PAGE_OF_IDS), List.of(0, PAGE), "ix_article_published_on_id");
    }

    @Test
    void feedWalksTheFeedIndex() {
        assertWalks(sent(rawAnonymous(), "/api/v1/feeds/articles.atom", PAGE_OF_IDS), List.of(true, 50),
                "ix_article_feed");
        // A topic feed walks it too, checking each article's topics as it goes, and stops at its 50.
        String topicFeed = sent(rawAnonymous(), "/api/v1/feeds/articles.atom?topic=energy", PAGE_OF_IDS);
        assertTrue(topicFeed.contains(" exists("), topicFeed);
        assertWalks(topicFeed, List.of(id("Topic", "energy"), true, 50), "ix_article_feed");
    }

    @Test
    void oneOutletsFeedWalksItsOwnFeedIndex() {
        assertWalks(sent(rawAnonymous(), "/api/v1/feeds/articles.atom?outlet=nikkei-asia", PAGE_OF_IDS),
                List.of(id("Outlet", "nikkei-asia"), true, 50), "ix_article_outlet_feed");
        // With topics too: the outlet's articles in the feeds' order, each checked for the topics as the walk goes.
        String both = sent(rawAnonymous(), "/api/v1/feeds/articles.atom?outlet=nikkei-asia&topic=energy", PAGE_OF_IDS);
        assertTrue(both.contains(" exists("), both);
        assertWalks(both, List.of(id("Topic", "energy"), id("Outlet", "nikkei-asia"), true, 50),
                "ix_article_outlet_feed");
    }

    @Test
    void publicCountReadsNoIssue() {
        // A bounded count: one row per match, the database stops after digest.list.count-limit + 1 of them.
        String count = sent(rawAnonymous(), "/api/v1/articles?outlet=x", sql -> sql.startsWith("select 1 from article"));
        assertFalse(count.contains(" order by "), count);
        String plan = plan(count, List.of(-1, true, 10_001));
        assertFalse(plan.contains("\"issue\"") || plan.contains(" on issue"), plan);
        assertTrue(plan.contains("ix_article_outlet") || plan.contains("fk_article_outlet"), plan);
    }

    /** The id of the topic or outlet with this slug. */
    private long id(String entity, String slug) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery("select e.id from " + entity
                + " e where e.slug = :slug", Long.class).setParameter("slug", slug).getSingleResult());
    }

    /** The one statement of a request's SQL that the predicate picks, from a URL the read cache has never seen. */
    private static String sent(RequestSpecification request, String path, Predicate<String> which) {
        String url = path + (path.contains("?") ? "&" : "?") + "uncached=" + unique("plan");
        List<String> statements = SentSql.during(() -> request.get(url).then().statusCode(200));
        List<String> picked = statements.stream().filter(which).toList();
        assertEquals(1, picked.size(), () -> url + " sent " + statements);
        return picked.get(0);
    }

    private void assertWalks(String sql, List<Object> parameters, String index) {
        String plan = plan(sql, parameters);
        assertTrue(plan.contains(index), sql + " -> " + plan);
        if (postgres()) {
            assertFalse(plan.contains("sort"), sql + " -> " + plan);
        } else {
            assertTrue(plan.contains("index sorted"), sql + " -> " + plan);
        }
    }

    /** The plan of a sent statement, each ? replaced by its parameter (in order) as a literal. */
    private String plan(String sql, List<Object> parameters) {
        String[] parts = sql.split("\\?", -1);
        assertEquals(parameters.size(), parts.length - 1, () -> "parameters of " + sql);
        StringBuilder literal = new StringBuilder(parts[0]);
        for (int i = 0; i < parameters.size(); i++) {
            literal.append(literal(parameters.get(i))).append(parts[i + 1]);
        }
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> {
            if (postgres()) {
                // A test table is tiny: without these the planner prefers a scan and a sort. With them it still sorts
                // when no index can give the order, so "no Sort node" means an index serves it.
                em.createNativeQuery("set local enable_seqscan = off").executeUpdate();
                em.createNativeQuery("set local enable_bitmapscan = off").executeUpdate();
                em.createNativeQuery("set local enable_sort = off").executeUpdate();
                // An incremental sort over an index prefix is a sort too; left on, the planner may pick it on a
                // small table even where the index gives the whole order.
                em.createNativeQuery("set local enable_incremental_sort = off").executeUpdate();
            }
            return em.createNativeQuery("explain " + literal).getResultList();
        });
        // In the test output, for the record (bench/README.md quotes them).
        System.out.println("[plan " + dbKind + "] " + literal + "\n" + rows.stream().map(String::valueOf)
                .collect(Collectors.joining("\n")));
        return rows.toString().toLowerCase(java.util.Locale.ROOT);
    }

    private static String literal(Object value) {
        if (value instanceof String text) {
            return "'" + text.replace("'", "''") + "'";
        }
        if (value instanceof LocalDate date) {
            return "date '" + date + "'";
        }
        return String.valueOf(value);
    }

    private boolean postgres() {
        return dbKind.equals("postgresql");
    }
}
