package com.digestapi.problem;

import static com.digestapi.support.Api.anonymous;
import static com.digestapi.support.Api.raw;
import static com.digestapi.support.Api.rawAnonymous;
import static com.digestapi.support.Api.unique;
import static com.digestapi.support.ProblemChecks.problem;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.h2.api.Trigger;
import org.h2.engine.SessionLocal;
import org.h2.jdbc.JdbcConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Overload is no broken request: when no database connection is free within the acquisition timeout, or a statement
 * runs past the statement timeout, the answer is 503 with Retry-After and a problem body, logged as one WARN line.
 * A pool of two connections that the test holds, and a statement timeout of one second, make both happen on demand.
 */
@QuarkusTest
@TestProfile(OverloadTest.SmallPool.class)
class OverloadTest {

    /** A pool of two connections (Flyway needs two at start) that the test can take away, and a short wait. */
    public static class SmallPool implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new java.util.HashMap<>(Map.of(
                    "quarkus.datasource.jdbc.max-size", String.valueOf(POOL),
                    "quarkus.datasource.jdbc.acquisition-timeout", "3S",
                    "digest.read.statement-timeout", "1"));
            if (!System.getProperty("quarkus.test.profile", "test").contains("pg")) {
                // An H2 database of its own: H2 fixes MAX_QUERY_TIMEOUT, the statement timeout, when a database
                // opens, and the suite's in-memory one outlives the restarts around this class.
                overrides.put("quarkus.datasource.jdbc.url", "jdbc:h2:mem:digest-overload-test;DB_CLOSE_DELAY=-1;"
                        + "MAX_QUERY_TIMEOUT=${digest.read.statement-timeout}000");
            }
            return overrides;
        }
    }

    private static final String TOPICS = "/api/v1/topics";
    private static final int POOL = 2;

    @Inject
    AgroalDataSource dataSource;

    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler recorder = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void recordProblemLog() {
        Logger.getLogger(ProblemMappers.class.getName()).addHandler(recorder);
    }

    @AfterEach
    void stopRecording() {
        Logger.getLogger(ProblemMappers.class.getName()).removeHandler(recorder);
    }

    @Test
    void aReadWithNoFreeConnectionIs503WithRetryAfter() throws Exception {
        String path = TOPICS;
        try (HeldConnections held = new HeldConnections(dataSource)) {
            long started = System.nanoTime();
            // A search no reader made before misses the read cache, so the read needs the database.
            Response response = rawAnonymous().queryParam("q", unique("miss")).get(path);
            long millis = (System.nanoTime() - started) / 1_000_000;
            JsonPath body = problem(response, 503, "unavailable", path);
            assertThat(body.getString("title"), equalTo("Service unavailable"));
            assertThat(response.header("Retry-After"), equalTo("1"));
            assertThat(response.header("Cache-Control"), equalTo("no-store"));
            assertThat("answered within the acquisition timeout, not after a long queue", millis, lessThan(5_000L));
        }
        assertLoggedAsOverload();
        anonymous().queryParam("q", unique("again")).get(path).then().statusCode(200);
    }

    @Test
    void anEditorsWriteWithNoFreeConnectionIs503() throws Exception {
        String name = unique("Overloaded topic");
        try (HeldConnections held = new HeldConnections(dataSource)) {
            Response response = raw().contentType("application/json").body(Map.of("name", name)).post(TOPICS);
            problem(response, 503, "unavailable", TOPICS);
            assertThat(response.header("Retry-After"), equalTo("1"));
        }
        assertLoggedAsOverload();
        anonymous().queryParam("q", name).get(TOPICS).then().statusCode(200)
                .header("X-Total-Count", "0");
    }

    @Test
    void aStatementPastTheTimeoutIs503WithRetryAfter() throws Exception {
        try (SlowReads slow = new SlowReads(dataSource)) {
            String path = TOPICS;
            Response response = rawAnonymous().queryParam("q", unique("slow")).get(path);
            problem(response, 503, "unavailable", path);
            assertThat(response.header("Retry-After"), equalTo("1"));
        }
        assertLoggedAsOverload();
        anonymous().queryParam("q", unique("fast")).get(TOPICS).then().statusCode(200);
    }

    private void assertLoggedAsOverload() {
        List<LogRecord> records = List.copyOf(logged);
        assertThat(records.stream().filter(r -> r.getLevel().intValue() > Level.WARNING.intValue()).toList(), empty());
        List<LogRecord> warnings = records.stream().filter(r -> r.getLevel().equals(Level.WARNING)).toList();
        assertThat(warnings.stream().map(r -> r.getMessage().startsWith("Overload")).toList(), contains(true));
        assertThat(warnings.get(0).getThrown(), is(nullValue()));
        assertThat(warnings.get(0).getMessage().contains("\n"), is(false));
    }

    /** Every connection of the pool, taken from it until closed. */
    static final class HeldConnections implements AutoCloseable {

        private final List<Connection> held = new java.util.ArrayList<>();

        HeldConnections(AgroalDataSource pool) throws java.sql.SQLException {
            for (int i = 0; i < POOL; i++) {
                held.add(pool.getConnection());
            }
        }

        @Override
        public void close() throws java.sql.SQLException {
            for (Connection connection : held) {
                connection.close();
            }
        }
    }

    /**
     * Makes every read of the topic table take longer than the statement timeout: on H2 a trigger that sleeps before
     * each SELECT, on PostgreSQL an exclusive lock held by a connection from outside the pool.
     */
    static final class SlowReads implements AutoCloseable {

        private final AgroalDataSource pool;
        private final Connection locker;

        SlowReads(AgroalDataSource pool) throws Exception {
            this.pool = pool;
            String url = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.url", String.class);
            if (url.startsWith("jdbc:h2:")) {
                locker = null;
                try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                    statement.execute("create trigger slow_topic_reads before select on topic call \""
                            + Sleep.class.getName() + "\"");
                }
            } else {
                locker = DriverManager.getConnection(url,
                        ConfigProvider.getConfig().getValue("quarkus.datasource.username", String.class),
                        ConfigProvider.getConfig().getValue("quarkus.datasource.password", String.class));
                locker.setAutoCommit(false);
                try (Statement statement = locker.createStatement()) {
                    statement.execute("lock table topic in access exclusive mode");
                }
            }
        }

        @Override
        public void close() throws Exception {
            if (locker != null) {
                locker.rollback();
                locker.close();
                return;
            }
            try (Connection connection = pool.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("drop trigger slow_topic_reads");
            }
        }
    }

    /**
     * An H2 trigger that outlasts the one-second statement timeout. H2 checks a statement's timeout only every 4096
     * rows it scans, which these small tables never reach; so after sleeping the trigger makes that same check of the
     * statement that fired it, which fails only if the statement was given a timeout.
     */
    public static final class Sleep implements Trigger {
        @Override
        public void fire(Connection connection, Object[] oldRow, Object[] newRow) throws java.sql.SQLException {
            try {
                Thread.sleep(1_500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            ((SessionLocal) connection.unwrap(JdbcConnection.class).getSession()).checkCanceled();
        }
    }
}
