package com.digestapi.search;

import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.newArticle;
import static com.digestapi.support.Api.newIssue;
import static com.digestapi.support.Api.newOutlet;
import static com.digestapi.support.Api.unique;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The search change log is pruned by age, and the index keeps following it afterwards. */
@QuarkusTest
class SearchLogPruneTest {

    @Inject
    LuceneSearchEngine engine;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void pruningForgetsOldVersionsAndSearchKeepsFollowing() throws Exception {
        long issue = newIssue();
        long outlet = newOutlet();
        String before = word();
        long first = newArticle(issue, outlet, "Pruned log " + before);
        // The editor's search waits until the index holds the editor's own writes.
        assertThat(ids(before), contains(first));
        long newest = single("select max(version) from content_change_set");
        assertThat(single("select count(*) from search_change where version < " + newest), greaterThan(0L));

        long removed = engine.pruneLog(Instant.now().plusSeconds(1));

        assertThat(removed, greaterThan(0L));
        assertThat(single("select count(*) from search_change where version < " + newest), equalTo(0L));
        // The newest version's own row stays: an index committed at it still proves which database it follows.
        assertThat(single("select count(*) from search_change where version = " + newest + " and article_id is null"),
                equalTo(1L));
        assertThat(engine.pruneLog(Instant.now().plusSeconds(1)), equalTo(0L));

        String after = word();
        long second = newArticle(issue, outlet, "Pruned log " + after);
        assertThat(ids(after), contains(second));
        assertThat(ids(before), contains(first));
    }

    private static String word() {
        return "prune" + unique("w").substring(2).replace("-", "");
    }

    private static List<Long> ids(String word) {
        return api().queryParam("q", word).get("/api/v1/articles").then().statusCode(200)
                .extract().jsonPath().getList("items.id", Long.class);
    }

    private long single(String sql) throws Exception {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
