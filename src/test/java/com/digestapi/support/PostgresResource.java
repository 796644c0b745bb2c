package com.digestapi.support;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/**
 * Starts a real PostgreSQL (embedded binaries from Maven Central) when the tests run with the pg profile
 * (-Dquarkus.test.profile=test,pg); with the default H2 profile it starts nothing.
 */
public class PostgresResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedPostgres postgres;

    @Override
    public Map<String, String> start() {
        if (!System.getProperty("quarkus.test.profile", "test").contains("pg")) {
            return Map.of();
        }
        postgres = startPostgres();
        return settings(postgres);
    }

    /** The service's datasource settings for this server's "digest" database. */
    public static Map<String, String> settings(EmbeddedPostgres server) {
        return Map.of("quarkus.datasource.jdbc.url", server.getJdbcUrl("postgres", "digest"),
                "quarkus.datasource.username", "postgres",
                "quarkus.datasource.password", "postgres");
    }

    /**
     * The database a packaged-service test runs on: with -Ddigest-test.it.db=pg a fresh server, whose settings are put
     * into the properties, and which the caller closes; null on H2, which lives in the service's data folder.
     */
    public static EmbeddedPostgres forPackagedService(Map<String, String> properties) {
        if (!PackagedService.onPostgres()) {
            return null;
        }
        EmbeddedPostgres server = startPostgres();
        properties.putAll(settings(server));
        return server;
    }

    /** A fresh server with an empty "digest" database; the caller closes it. */
    public static EmbeddedPostgres startPostgres() {
        try {
            EmbeddedPostgres started = EmbeddedPostgres.builder().start();
            try (Connection connection = started.getPostgresDatabase().getConnection();
                 Statement statement = connection.createStatement()) {
                // UTF-8 with PostgreSQL 17's built-in locale, so lower() folds case beyond ASCII, as on H2.
                statement.execute("create database digest encoding 'UTF8' locale_provider builtin"
                        + " builtin_locale 'C.UTF-8' template template0");
            }
            return started;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
