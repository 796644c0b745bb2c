package com.digestapi.article;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * On PostgreSQL, the searches behind q of issues, outlets and topics can use trigram indexes (articles are searched in
 * the Lucene index) rather than scanning the tables (the plans are forced
 * away from sequential scans, since a test database is too small for the planner to prefer an index on its own).
 */
@QuarkusTest
class SearchIndexTest {

    @Inject
    EntityManager em;

    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @Test
    void searchesCanUseTrigramIndexesOnPostgres() {
        assumeTrue(dbKind.equals("postgresql"), "trigram indexes exist on PostgreSQL only");
        assertUsesIndex("select id from issue where lower(title) like ? escape '\\' or lower(intro) like ? escape '\\'",
                "ix_issue_title_trgm");
        assertUsesIndex("select id from outlet where lower(name) like ? escape '\\'", "ix_outlet_name_trgm");
        assertUsesIndex("select id from topic where lower(name) like ? escape '\\'", "ix_topic_name_trgm");
    }

    private void assertUsesIndex(String sql, String index) {
        List<?> plan = QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("set local enable_seqscan = off").executeUpdate();
            var explain = em.createNativeQuery("explain " + sql);
            for (int i = 1; i <= sql.chars().filter(c -> c == '?').count(); i++) {
                explain.setParameter(i, "%nuclear%");
            }
            return explain.getResultList();
        });
        assertTrue(plan.toString().contains(index), sql + " -> " + plan);
    }
}
