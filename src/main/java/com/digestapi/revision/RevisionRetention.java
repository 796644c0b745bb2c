package com.digestapi.revision;

import com.digestapi.config.DigestConfig;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Removes revisions older than {@code digest.revisions.keep.age}, hourly, in the background: in transactions of at
 * most {@value #BATCH} rows, so that no write waits long behind one. The newest revision of a resource that still
 * exists stays, whatever its age, so the resource's next revision takes the next number; a deleted resource's revisions
 * all go once its deletion is that old. (The count, {@code digest.revisions.keep.count}, is kept by the writes.)
 */
@ApplicationScoped
public class RevisionRetention {

    private static final Logger LOG = Logger.getLogger(RevisionRetention.class);
    private static final Duration INTERVAL = Duration.ofHours(1);
    static final int BATCH = 1000;
    /** Batches per run at most: a backlog (a lowered setting) is worked off over the next runs. */
    private static final int MAX_BATCHES = 100;

    private final Duration age;
    private final ScheduledExecutorService pruner = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "revision-prune");
        thread.setDaemon(true);
        return thread;
    });

    RevisionRetention(DigestConfig config) {
        this.age = config.revisions().keep().age();
    }

    void start(@Observes StartupEvent start) {
        pruner.scheduleWithFixedDelay(this::pruneAndLog, 0, INTERVAL.toMinutes(), TimeUnit.MINUTES);
    }

    void stop(@Observes ShutdownEvent stop) {
        pruner.shutdownNow();
    }

    /**
     * Removes the revisions older than the retention that are not the newest of a resource, and the deletions older
     * than it that are (with them, what is left of a resource deleted that long ago).
     *
     * @return how many were removed
     */
    public int prune() {
        var cutoff = Revisions.utc(Instant.now().minus(age));
        int removed = 0;
        for (int batch = 0; batch < MAX_BATCHES; batch++) {
            int now = QuarkusTransaction.requiringNew().call(() -> Panache.getEntityManager().createNativeQuery(
                            "delete from revision where id in (select r.id from revision r where r.changed_at < :cutoff"
                                    + " and (r.action = 'deleted' or exists (select 1 from revision n"
                                    + " where n.resource_type = r.resource_type and n.resource_id = r.resource_id"
                                    + " and n.number > r.number))"
                                    + " order by r.changed_at, r.id fetch first " + BATCH + " rows only)")
                    .setParameter("cutoff", cutoff).executeUpdate());
            removed += now;
            if (now < BATCH) {
                break;
            }
        }
        return removed;
    }

    private void pruneAndLog() {
        try {
            int removed = prune();
            if (removed > 0) {
                LOG.infof("Revisions: removed %d older than %s", removed, age);
            }
        } catch (RuntimeException e) {
            // The next run tries again.
            LOG.warnf("Revisions: pruning failed: %s", e.getMessage());
        }
    }
}
