package com.digestapi.caching;

import com.digestapi.config.DigestConfig;
import io.agroal.api.AgroalDataSource;
import io.quarkus.agroal.DataSource;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The version of the content all instances share: a counter in the database that every content write increments in
 * its own transaction, together with an epoch, a random number the same write draws. Each instance re-reads both in the
 * background and forgets them at once after a local write, so a version is "current" only when it was confirmed less
 * than {@code digest.read-cache.max-staleness} ago; that bounds how long one instance can miss another instance's
 * write, and makes an instance read its own writes immediately. The counter alone may go back (a restore of the
 * database, a failover to a replica that was behind) and climb through the same numbers again with other content; the
 * epoch tells those versions apart. Each move of the confirmed stamp is announced ({@link Moved}) with what the change
 * log says changed since the stamp before, or as a move of everything when the log cannot tell.
 */
@ApplicationScoped
public class ContentVersion {

    private static final Logger LOG = Logger.getLogger(ContentVersion.class);
    private static final String INCREMENTED = ContentVersion.class.getName() + ".incremented";

    /** One state of the content: the counter and the epoch drawn by the write that set it. */
    public record Stamp(long epoch, long version) {
    }

    /**
     * Fired inside a content write's transaction once it has set the version it will commit, holding the counter's row
     * lock until it commits: what an observer writes now with this stamp becomes visible in version order.
     */
    public record Written(Stamp stamp) {
    }

    /**
     * The confirmed content moved to {@code stamp}: {@code changed} names the resources readers could see change
     * ({@link RepresentedResources} names), or is null when that cannot be told, and everything cached must go. Fired
     * before the stamp becomes current, with no cache store in between (see {@link #whileCurrent}).
     */
    public record Moved(Stamp stamp, Set<String> changed) {

        public boolean everything() {
            return changed == null;
        }
    }

    private record Confirmed(Stamp stamp, long checkedAtNanos) {
    }

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final Event<Written> written;
    private final Event<Moved> moved;
    private final ChangedResources changedResources;
    private final long maxStalenessNanos;
    private final ScheduledExecutorService checker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "content-version-check");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Confirmed confirmed;
    /** The stamp the read cache was last told of (written by the checker thread alone, under the lock). */
    private Stamp held;
    private long localChanges;

    ContentVersion(@DataSource("content-version") AgroalDataSource dataSource,
                   TransactionSynchronizationRegistry transactions,
                   Event<Written> written,
                   Event<Moved> moved,
                   ChangedResources changedResources,
                   DigestConfig config) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.written = written;
        this.moved = moved;
        this.changedResources = changedResources;
        this.maxStalenessNanos = config.readCache().maxStaleness().toNanos();
    }

    void start(@Observes StartupEvent start) {
        // Three checks per staleness period: one slow or lost check does not yet make the version unconfirmed.
        long period = Math.max(TimeUnit.NANOSECONDS.toMillis(maxStalenessNanos) / 3, 10);
        checker.scheduleWithFixedDelay(this::check, 0, period, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stop) {
        checker.shutdownNow();
    }

    /** The stamp confirmed within the staleness bound; empty while it is unknown (a read must go to the database). */
    public Optional<Stamp> current() {
        Confirmed current = confirmed;
        if (current == null || System.nanoTime() - current.checkedAtNanos() > maxStalenessNanos) {
            return Optional.empty();
        }
        return Optional.of(current.stamp());
    }

    /**
     * Runs the action if the stamp is the current one, with no move of the version between the check and the action's
     * end: what a cache stores for a stamp is then either dropped by the next move or made at the stamp it is kept for.
     */
    public synchronized boolean whileCurrent(Stamp stamp, Runnable action) {
        if (!current().map(stamp::equals).orElse(false)) {
            return false;
        }
        action.run();
        return true;
    }

    /**
     * Increments the version once per transaction, after flushing the write, so that the counter row is locked only
     * from this last statement to the commit (and no writer waits for it while holding other locks).
     */
    void incrementInCurrentTransaction() {
        if (transactions.getResource(INCREMENTED) != null) {
            return;
        }
        transactions.putResource(INCREMENTED, Boolean.TRUE);
        Panache.getEntityManager().flush();
        long epoch = ThreadLocalRandom.current().nextLong();
        Panache.getEntityManager()
                .createNativeQuery("update content_version set version = version + 1, epoch = :epoch where id = 1")
                .setParameter("epoch", epoch)
                .executeUpdate();
        long version = ((Number) Panache.getEntityManager()
                .createNativeQuery("select version from content_version where id = 1").getSingleResult()).longValue();
        written.fire(new Written(new Stamp(epoch, version)));
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    changedHere();
                }
            }
        });
    }

    private void changedHere() {
        synchronized (this) {
            localChanges++;
            confirmed = null;
        }
        checker.execute(this::check);
    }

    private void check() {
        long changesBefore;
        synchronized (this) {
            changesBefore = localChanges;
        }
        long started = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            Stamp stamp;
            try (Statement statement = connection.createStatement();
                 ResultSet row = statement.executeQuery("select epoch, version from content_version where id = 1")) {
                if (!row.next()) {
                    throw new IllegalStateException("content_version has no row");
                }
                stamp = new Stamp(row.getLong(1), row.getLong(2));
            }
            Stamp from = held;
            Moved move = null;
            if (!stamp.equals(from)) {
                // Down, sideways or unknown: what was cached may belong to content that is gone.
                Set<String> changed = from == null || stamp.version() <= from.version() ? null
                        : changedResources.between(connection, from, stamp).orElse(null);
                move = new Moved(stamp, changed);
            }
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
            synchronized (this) {
                // A local write that committed while this check ran may not be in what it read.
                if (localChanges == changesBefore) {
                    if (move != null) {
                        moved.fire(move);
                        held = stamp;
                    }
                    confirmed = new Confirmed(stamp, started);
                }
            }
        } catch (Exception e) {
            // Unconfirmed for now: reads go to the database until a check succeeds again.
            LOG.debugf("Content version check failed: %s", e.getMessage());
        }
    }
}
