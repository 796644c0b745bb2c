package com.digestapi.account;

import static com.digestapi.support.Api.api;
import static com.digestapi.support.Api.raw;
import static com.digestapi.support.Api.unique;
import static com.digestapi.support.ProblemChecks.problem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** There are at most 1000 accounts, so their list, which has no pages, is bounded as documented. */
@QuarkusTest
class AccountLimitTest {

    private static final String ACCOUNTS = "/api/v1/accounts";

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theThousandAndFirstAccountIsRefused() throws SQLException {
        int existing = api().get(ACCOUNTS).then().statusCode(200).extract().jsonPath().getList("$").size();
        // Rows straight into the table: a thousand bcrypt hashes through the API would take the suite's time.
        try (Connection connection = dataSource.getConnection();
             PreparedStatement insert = connection.prepareStatement(
                     "insert into account (id, username, password, roles, created_at) values (?, ?, 'not-a-hash', '', ?)")) {
            for (int i = existing; i < AccountService.MAX_ACCOUNTS; i++) {
                insert.setLong(1, 1_000_000_000L + i);
                insert.setString(2, "filler-" + i);
                insert.setTimestamp(3, Timestamp.from(Instant.now()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try {
            String detail = problem(raw().contentType(ContentType.JSON).body(Map.of("username", unique("late"),
                    "password", "a-long-enough-password", "roles", List.of())).post(ACCOUNTS), 409, "conflict", ACCOUNTS)
                    .getString("detail");
            assertThat(detail, containsString("1000 accounts already"));
            assertThat(api().get(ACCOUNTS).then().statusCode(200).extract().jsonPath().getList("$"),
                    hasSize(AccountService.MAX_ACCOUNTS));
        } finally {
            try (Connection connection = dataSource.getConnection(); Statement delete = connection.createStatement()) {
                delete.executeUpdate("delete from account where username like 'filler-%'");
            }
        }
    }
}
