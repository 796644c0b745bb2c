package com.digestapi.persistence;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionFactoryConfiguration;
import io.agroal.api.security.SimplePassword;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Group commit for the embedded H2 file database: a successful write is answered only once a store of the database
 * file covers its commit, and one store covers every commit made while the one before it ran. H2 itself, with
 * WRITE_DELAY=0, stores the file once per commit: at 32 concurrent writers that store was the largest single cost of a
 * write. On PostgreSQL (which flushes its log at commit) and in-memory H2 this does nothing.
 */
@ApplicationScoped
public class DurableCommits {

    private static final Logger LOG = Logger.getLogger(DurableCommits.class);
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final CompletableFuture<Void> DONE = CompletableFuture.completedFuture(null);

    private final String url;
    private final Properties login = new Properties();
    private final boolean enabled;
    private final ExecutorService storer;
    /** The store that covers the commits made since the running one began; null when none waits. */
    private CompletableFuture<Void> next;
    private boolean storing;
    /** Owned by the storer thread. */
    private Connection connection;

    @Inject
    DurableCommits(AgroalDataSource pool) {
        // The pool's own URL and login: the store runs on a connection of its own, never queued behind requests.
        AgroalConnectionFactoryConfiguration factory = pool.getConfiguration().connectionPoolConfiguration()
                .connectionFactoryConfiguration();
        this.url = factory.jdbcUrl() == null ? "" : factory.jdbcUrl();
        if (factory.principal() != null) {
            login.setProperty("user", factory.principal().getName());
        }
        factory.credentials().stream().filter(SimplePassword.class::isInstance)
                .forEach(password -> login.setProperty("password", ((SimplePassword) password).getWord()));
        this.enabled = url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:");
        this.storer = enabled ? Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "digest-group-commit");
            thread.setDaemon(true);
            return thread;
        }) : null;
    }

    /** Completes once every commit made before this call is in the database file. */
    public CompletionStage<Void> stored() {
        if (!enabled) {
            return DONE;
        }
        synchronized (this) {
            if (next == null) {
                next = new CompletableFuture<>();
            }
            CompletableFuture<Void> mine = next;
            if (!storing) {
                startStore();
            }
            return mine;
        }
    }

    /** A write is acknowledged after its commit is stored; a refused one changed nothing and is answered at once. */
    @ServerResponseFilter(priority = Priorities.USER + 200)
    public Uni<Void> acknowledgeStoredWrites(ContainerRequestContext request, ContainerResponseContext response) {
        if (!enabled || response.getStatus() >= 400 || !WRITES.contains(request.getMethod())) {
            return Uni.createFrom().voidItem();
        }
        return Uni.createFrom().completionStage(stored());
    }

    /** Called holding the monitor: the waiters so far are covered by a store that starts after their commits. */
    private void startStore() {
        storing = true;
        CompletableFuture<Void> batch = next;
        next = null;
        storer.execute(() -> {
            try {
                checkpoint();
            } catch (SQLException | RuntimeException e) {
                // The commits are made and visible; H2's own writer stores them within its WRITE_DELAY.
                LOG.errorf("Group commit: the database file could not be stored now (%s); H2 stores it later",
                        e.getMessage());
            } finally {
                batch.complete(null);
                synchronized (this) {
                    storing = false;
                    if (next != null) {
                        startStore();
                    }
                }
            }
        });
    }

    /** CHECKPOINT stores every change committed so far into the database file (H2's MVStore commit). */
    private void checkpoint() throws SQLException {
        for (int attempt = 0; ; attempt++) {
            try {
                if (connection == null || connection.isClosed()) {
                    connection = DriverManager.getConnection(url, login);
                }
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CHECKPOINT");
                }
                return;
            } catch (SQLException e) {
                closeConnection();
                if (attempt > 0) {
                    throw e;
                }
            }
        }
    }

    @PreDestroy
    void stop() {
        if (storer != null) {
            storer.execute(this::closeConnection);
            storer.shutdown();
        }
    }

    private void closeConnection() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException ignored) {
            // The database is closing with the service.
        } finally {
            connection = null;
        }
    }
}
