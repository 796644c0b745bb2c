package com.digestapi.listing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.digestapi.article.ArticleQueries;
import com.digestapi.issue.IssueService;
import com.digestapi.outlet.OutletService;
import com.digestapi.topic.TopicService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A cursor page after a row must also find the rows that have no value in a sort key (they sort last), so each list's
 * sort fields declare the nullable ones: here, against the schema's columns, on H2 and on PostgreSQL. A nullable column
 * that a list did not declare would make cursor pages skip the rows without a value.
 */
@QuarkusTest
class SortKeyNullabilityTest {

    private static final Map<String, String> TABLES = Map.of("a", "article", "i", "issue", "o", "outlet", "t", "topic");

    @Inject
    EntityManager em;

    @Test
    void everyListDeclaresExactlyTheSortFieldsWhoseColumnMayBeNull() {
        for (SortFields fields : List.of(ArticleQueries.SORT, ArticleQueries.SORT_IN_ISSUE, IssueService.SORT,
                OutletService.SORT, TopicService.SORT)) {
            for (String path : fields.paths().values()) {
                if (path.equals(ArticleQueries.RELEVANCE)) {
                    continue; // the search index's order, no column
                }
                String alias = path.substring(0, path.indexOf('.'));
                String column = path.substring(path.indexOf('.') + 1).replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
                assertEquals(nullable(TABLES.get(alias)).get(column), fields.nullablePaths().contains(path),
                        path + " (" + TABLES.get(alias) + "." + column + ")");
            }
        }
        assertFalse(OutletService.SORT.nullablePaths().isEmpty(), "outlets' country and language may be missing");
    }

    /** Whether each column of the table may hold null, by lower-case name. */
    private Map<String, Boolean> nullable(String table) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                        "select lower(column_name), is_nullable from information_schema.columns"
                                + " where lower(table_name) = ?1 and lower(table_schema) = 'public'")
                .setParameter(1, table).getResultList());
        Map<String, Boolean> nullable = new HashMap<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            nullable.put(String.valueOf(columns[0]), "YES".equalsIgnoreCase(String.valueOf(columns[1])));
        }
        assertFalse(nullable.isEmpty(), "no columns of " + table);
        return nullable;
    }
}
