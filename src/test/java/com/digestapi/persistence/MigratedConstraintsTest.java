package com.digestapi.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * The constraints the migrations create keep working once the connection that created them is closed, as a pool does
 * with an idle connection. H2 2.4.240 evaluated V12's CHECK (status IN (...)) with the creating session, so after it
 * closed every issue write failed with "Check constraint invalid" until the next start (V17 rewrites the check).
 */
class MigratedConstraintsTest {

    @Test
    void issueStatusIsCheckedAfterTheMigratingConnectionIsClosed() throws SQLException {
        String url = "jdbc:h2:mem:migrated-constraints-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1";
        try (Connection keepOpen = DriverManager.getConnection(url, "sa", "")) {
            // Flyway opens its own connection from the URL and closes it when done.
            Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration").load().migrate();

            try (Connection writer = DriverManager.getConnection(url, "sa", "");
                 Statement statement = writer.createStatement()) {
                assertEquals(1, statement.executeUpdate(insertIssue(1, "DRAFT")));
                assertEquals(1, statement.executeUpdate("update issue set status = 'PUBLISHED' where id = 1"));
                SQLException refused = assertThrows(SQLException.class,
                        () -> statement.executeUpdate(insertIssue(2, "ARCHIVED")));
                assertEquals("23513", refused.getSQLState(), refused.getMessage()); // violated, not "invalid" (23514)
            }
        }
    }

    private static String insertIssue(long id, String status) {
        return "insert into issue (id, slug, title, published_on, status, created_at, updated_at, version) values ("
                + id + ", 'issue-" + id + "', 'Issue " + id + "', date '2024-10-07', '" + status + "',"
                + " current_timestamp, current_timestamp, 0)";
    }
}
