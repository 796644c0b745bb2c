package com.digestapi.changelog;

import com.digestapi.config.DigestConfig;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Reads the public change log that {@link ContentChanges} writes, and keeps it to the retention. Writers set versions
 * under one row lock and commit in version order, so once a reader has seen change set v, every log row of a version
 * up to v is visible to its next statements: a walk of the rows after version a up to version b, read in any number
 * of pages, misses nothing that was written at or before b (a resource changed again after b moves past b, into the
 * next walk). Each statement here reads what was committed when it started, so none needs a transaction.
 */
@ApplicationScoped
public class ChangeLog {

    private static final Logger LOG = Logger.getLogger(ChangeLog.class);
    private static final Duration PRUNE_INTERVAL = Duration.ofHours(1);

    /** A point in the log: a content version and the epoch that its write drew. */
    public record Point(long version, long epoch) {
    }

    /** Where a page of a walk ended: the last change it gave, in the walk's (version, kind, id) order. */
    public record Position(long version, ResourceKind kind, long id) {
    }

    /** The latest change of one resource: public at that version (reason null), or removed for the reason given. */
    public record Change(ResourceKind kind, long id, long version, String slug, String reason, Instant at) {

        public boolean removed() {
            return reason != null;
        }
    }

    /** Whether a point can still start a walk. */
    public enum Standing {
        /** This database's, with every change after it kept. */
        CURRENT,
        /** This database's, but changes after it are older than the retention and may have been pruned. */
        EXPIRED,
        /** Not a point of this database's history: another database, or a timeline that a restore undid. */
        FOREIGN
    }

    private final Duration retention;
    private final ScheduledExecutorService pruner = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "change-log-prune");
        thread.setDaemon(true);
        return thread;
    });

    ChangeLog(DigestConfig config) {
        this.retention = config.sync().retention();
    }

    void start(@Observes StartupEvent start) {
        pruner.scheduleWithFixedDelay(this::pruneAndLog, 0, PRUNE_INTERVAL.toMinutes(), TimeUnit.MINUTES);
    }

    void stop(@Observes ShutdownEvent stop) {
        pruner.shutdownNow();
    }

    /** The latest change set: a walk that starts now is complete up to it. */
    public Point head() {
        Object[] row = (Object[]) em().createNativeQuery(
                        "select version, epoch from content_change_set order by version desc")
                .setMaxResults(1).getSingleResult();
        return new Point(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    /**
     * Whether a walk may start after {@code from} (and end at {@code to}, when given): both are points of this
     * database, and the first change after {@code from} is within the retention, so no tombstone it needs can have been pruned.
     */
    public Standing standing(Point from, Point to) {
        long end = to == null ? from.version() : to.version();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em().createNativeQuery("select version, epoch, changed_at from content_change_set"
                        + " where version in (:from, :to)"
                        + " or version = (select min(version) from content_change_set where version > :from)"
                        + " or version = (select min(version) from content_change_set)")
                .setParameter("from", from.version()).setParameter("to", end).getResultList();
        Map<Long, Object[]> byVersion = new HashMap<>();
        long oldest = Long.MAX_VALUE;
        Object[] next = null;
        for (Object[] row : rows) {
            long version = ((Number) row[0]).longValue();
            byVersion.put(version, row);
            oldest = Math.min(oldest, version);
            if (version > from.version() && (next == null || version < ((Number) next[0]).longValue())) {
                next = row;
            }
        }
        if (!matches(byVersion.get(from.version()), from)) {
            return from.version() < oldest ? Standing.EXPIRED : Standing.FOREIGN;
        }
        if (to != null && !matches(byVersion.get(to.version()), to)) {
            return Standing.FOREIGN;
        }
        if (next != null && instant(next[2]).isBefore(Instant.now().minus(retention))) {
            return Standing.EXPIRED;
        }
        return Standing.CURRENT;
    }

    /**
     * The latest changes of the resources of these kinds changed after {@code from} up to {@code to}, in (version,
     * kind, id) order, starting after {@code after} when given: one statement, at most {@code limit} rows.
     */
    public List<Change> changes(Point from, Point to, Set<ResourceKind> kinds, Position after, int limit) {
        String keyset = after == null ? "" : " and (version > :afterVersion or (version = :afterVersion"
                + " and (resource_type > :afterKind or (resource_type = :afterKind and resource_id > :afterId))))";
        Query query = em().createNativeQuery("select resource_type, resource_id, version, slug, reason, changed_at"
                        + " from content_change where version > :from and version <= :to and resource_type in (:kinds)"
                        + keyset + " order by version, resource_type, resource_id")
                .setParameter("from", from.version())
                .setParameter("to", to.version())
                .setParameter("kinds", kinds.stream().map(ResourceKind::code).toList())
                .setMaxResults(limit);
        if (after != null) {
            query.setParameter("afterVersion", after.version()).setParameter("afterKind", after.kind().code())
                    .setParameter("afterId", after.id());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(row -> new Change(ResourceKind.ofCode((String) row[0]).orElseThrow(),
                ((Number) row[1]).longValue(), ((Number) row[2]).longValue(), (String) row[3], (String) row[4],
                instant(row[5]))).toList();
    }

    /** When readers last saw anything change: the time of the newest public change; empty before any. */
    public Optional<Instant> lastChange() {
        @SuppressWarnings("unchecked")
        List<Object> at = em().createNativeQuery("select changed_at from content_change order by version desc")
                .setMaxResults(1).getResultList();
        return at.stream().findFirst().map(ChangeLog::instant);
    }

    /**
     * The articles readers lost at or after {@code since} (and have not seen again since), newest first, at most
     * {@code limit}.
     */
    public List<Change> removedArticles(Instant since, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em().createNativeQuery("select resource_id, version, slug, reason, changed_at"
                        + " from content_change where resource_type = :article and reason in (:reasons)"
                        + " and changed_at >= :since order by changed_at desc, version desc")
                .setParameter("article", ResourceKind.ARTICLE.code())
                .setParameter("reasons", Arrays.stream(ContentChanges.Reason.values())
                        .map(ContentChanges.Reason::code).toList())
                .setParameter("since", ContentChanges.utc(since))
                .setMaxResults(limit).getResultList();
        return rows.stream().map(row -> new Change(ResourceKind.ARTICLE, ((Number) row[0]).longValue(),
                ((Number) row[1]).longValue(), (String) row[2], (String) row[3], instant(row[4]))).toList();
    }

    /**
     * Forgets what no current point needs: the change sets before the newest one older than the retention, and the
     * tombstones up to it. Under the content_version row lock, so that no write records a change meanwhile.
     *
     * @return how many tombstones were removed
     */
    public int prune() {
        OffsetDateTime cutoff = ContentChanges.utc(Instant.now().minus(retention));
        return QuarkusTransaction.requiringNew().call(() -> {
            em().createNativeQuery("select version from content_version where id = 1 for update").getResultList();
            Number oldest = (Number) em().createNativeQuery(
                            "select max(version) from content_change_set where changed_at < :cutoff")
                    .setParameter("cutoff", cutoff).getSingleResult();
            if (oldest == null) {
                return 0;
            }
            em().createNativeQuery("delete from content_change_set where version < :oldest")
                    .setParameter("oldest", oldest.longValue()).executeUpdate();
            return em().createNativeQuery("delete from content_change where reason is not null and version <= :oldest")
                    .setParameter("oldest", oldest.longValue()).executeUpdate();
        });
    }

    private void pruneAndLog() {
        try {
            int removed = prune();
            if (removed > 0) {
                LOG.infof("Sync: removed %d tombstones older than %s", removed, retention);
            }
        } catch (RuntimeException e) {
            // The next run tries again; until then tokens are judged by their age all the same (see standing).
            LOG.warnf("Sync: pruning the change log failed: %s", e.getMessage());
        }
    }

    private static boolean matches(Object[] row, Point point) {
        return row != null && ((Number) row[1]).longValue() == point.epoch();
    }

    /** A timestamp column as the JDBC driver hands it to a native query. */
    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return (Instant) value;
    }

    private static EntityManager em() {
        return Panache.getEntityManager();
    }
}
