package com.digestapi.article;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * Public article pages and feeds read one index in the requested order and stop after the page, on H2 and on
 * PostgreSQL: the plan names the index and sorts nothing (H2 says "index sorted"; PostgreSQL has no Sort node). The
 * statements are the ones Hibernate sends (see bench/explain.sql). PostgreSQL is kept off sequential scans, bitmap
 * scans and sorts, since a test database is too small for its planner to prefer an index on its own.
 */
@QuarkusTest
class ListIndexPlanTest {

    @Inject
    EntityManager em;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    /** ORDER BY -publishedOn as Hibernate renders it: PostgreSQL needs the explicit nulls last, H2 omits it. */
    private String newestFirst() {
        return postgres() ? "a1_0.published_on desc nulls last" : "a1_0.published_on desc";
    }

    @Test
    void defaultListAndDateRangeWalkTheVisibleIndex() {
        String order = " order by a1_0.issue_published, " + newestFirst() + ", a1_0.id offset 40 rows fetch first 20 rows only";
        assertWalks("select a1_0.id from article a1_0 where a1_0.issue_published = true" + order,
                "ix_article_visible_published_on");
        assertWalks("select a1_0.id from article a1_0 where a1_0.published_on >= date '2024-01-01'"
                + " and a1_0.published_on <= date '2024-03-31' and a1_0.issue_published = true" + order,
                "ix_article_visible_published_on");
    }

    @Test
    void editorsDefaultListWalksThePublishedOnIndex() {
        assertWalks("select a1_0.id from article a1_0 order by " + newestFirst() + ", a1_0.id fetch first 20 rows only",
                "ix_article_published_on_id");
    }

    @Test
    void feedWalksTheFeedIndex() {
        assertWalks("select a1_0.id from article a1_0 where a1_0.issue_published = true order by a1_0.issue_published,"
                + " a1_0.issue_published_on desc, a1_0.issue_id desc, a1_0.position, a1_0.id fetch first 50 rows only",
                "ix_article_feed");
    }

    @Test
    void publicCountReadsNoIssue() {
        String plan = plan("select count(a1_0.id) from article a1_0 where a1_0.outlet_id in (select o2_0.id from outlet o2_0"
                + " where o2_0.slug in ('x')) and a1_0.issue_published = true");
        assertFalse(plan.contains("\"issue\"") || plan.contains(" on issue"), plan);
        assertTrue(plan.contains("ix_article_outlet") || plan.contains("fk_article_outlet"), plan);
    }

    private void assertWalks(String sql, String index) {
        String plan = plan(sql);
        assertTrue(plan.contains(index), sql + " -> " + plan);
        if (postgres()) {
            assertFalse(plan.contains("sort"), sql + " -> " + plan);
        } else {
            assertTrue(plan.contains("index sorted"), sql + " -> " + plan);
        }
    }

    private String plan(String sql) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> {
            if (postgres()) {
                // A test table is tiny: without these the planner prefers a scan and a sort. With them it still sorts
                // when no index can give the order, so "no Sort node" means an index serves it.
                em.createNativeQuery("set local enable_seqscan = off").executeUpdate();
                em.createNativeQuery("set local enable_bitmapscan = off").executeUpdate();
                em.createNativeQuery("set local enable_sort = off").executeUpdate();
            }
            return em.createNativeQuery("explain " + sql).getResultList();
        });
        // In the test output, for the record (bench/README.md quotes them).
        System.out.println("[plan " + dbKind + "] " + sql + "\n" + rows.stream().map(String::valueOf)
                .collect(java.util.stream.Collectors.joining("\n")));
        return rows.toString().toLowerCase(java.util.Locale.ROOT);
    }

    private boolean postgres() {
        return dbKind.equals("postgresql");
    }
}
