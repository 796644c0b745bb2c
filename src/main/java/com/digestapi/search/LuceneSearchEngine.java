package com.digestapi.search;

import com.digestapi.caching.ContentVersion;
import com.digestapi.config.DigestConfig;
import com.digestapi.problem.ProblemException;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.lucene.store.LockObtainFailedException;
import org.jboss.logging.Logger;

/**
 * Keeps this instance's Lucene index in step with the database and searches it. One thread writes: at start it opens
 * the index, checks that it follows this database (the version and epoch of its last commit must be in the log) and
 * rebuilds it from the articles when it does not, or is missing or unreadable; then it applies the search_change log
 * every {@code digest.search.follow-interval}, and at once after a local write. Applying is idempotent (an article is
 * read again from the database), so a crash between a database commit and the index's commit only means that the next
 * start applies some rows twice.
 */
@ApplicationScoped
public class LuceneSearchEngine implements SearchEngine {

    /** The one thread that writes the index (and reads the articles it indexes). */
    public static final String WRITER_THREAD = "search-index";
    private static final Logger LOG = Logger.getLogger(LuceneSearchEngine.class);
    private static final int BATCH = 500;
    /** Rows read from the log at once; a version's rows are never split. */
    private static final int LOG_ROWS = 20_000;
    private static final long COMMIT_EVERY_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long WAIT_FOR_INDEX_MILLIS = 2_000;
    private static final int RETRY_AFTER_SECONDS = 5;
    private static final long PRUNE_EVERY_MINUTES = 60;
    /** Versions forgotten per statement, so that pruning a long log never holds a long transaction. */
    private static final long PRUNE_VERSIONS = 10_000;

    /** Where the index stands, for readiness and for searches. */
    enum State { STARTING, BUILDING, FOLLOWING, FAILED }

    private final DigestConfig config;
    private final AgroalDataSource dataSource;
    private final DocumentSource source;
    private final ContentVersion contentVersion;
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, WRITER_THREAD);
        thread.setDaemon(true);
        return thread;
    });
    private final Object progress = new Object();
    /** Whether a catch-up is queued already: a burst of writes or waiting searches queues one, not one each. */
    private final AtomicBoolean followQueued = new AtomicBoolean();
    private volatile LuceneIndex index;
    private volatile State state = State.STARTING;
    private volatile boolean stopping;
    /** The content version whose changes are all searchable. */
    private volatile long applied = -1;
    private volatile long committedHere;
    private volatile Path temporaryFolder;
    private ContentVersion.Stamp uncommitted;
    private long lastCommitNanos;

    LuceneSearchEngine(DigestConfig config, AgroalDataSource dataSource, DocumentSource source,
                       ContentVersion contentVersion) {
        this.config = config;
        this.dataSource = dataSource;
        this.source = source;
        this.contentVersion = contentVersion;
    }

    void start(@Observes StartupEvent start) {
        writer.execute(this::openAndCatchUp);
        long interval = config.search().followInterval().toMillis();
        writer.scheduleWithFixedDelay(this::follow, interval, interval, TimeUnit.MILLISECONDS);
        writer.scheduleWithFixedDelay(this::pruneAndLog, 1, PRUNE_EVERY_MINUTES, TimeUnit.MINUTES);
    }

    void stop(@Observes ShutdownEvent stop) {
        stopping = true;
        writer.shutdown();
        try {
            if (!writer.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.warn("Search index writer did not stop within 30 s");
            }
            commitIfDue(true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Search index not committed at shutdown (the next start applies the log again): %s", e.getMessage());
        }
        closeIndex();
    }

    State state() {
        return state;
    }

    long appliedVersion() {
        return applied;
    }

    long documents() {
        LuceneIndex current = index;
        return current == null ? 0 : current.documents();
    }

    @Override
    public SearchHits search(SearchQuery query) {
        ContentVersion.Stamp confirmed = contentVersion.current().orElse(null);
        awaitVersion(Math.max(committedHere, confirmed == null ? 0 : confirmed.version()));
        if (state != State.FOLLOWING) {
            throw ProblemException.unavailable("the search index is being built from the database; retry in "
                    + RETRY_AFTER_SECONDS + " s", RETRY_AFTER_SECONDS);
        }
        try {
            return index.search(query);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A write of this instance committed at this version: searches from now on wait until the index holds it. The
     * index applies it at the next follow, or at once for the first search that needs it, not per write: a burst of
     * writes is read and indexed in one batch with one refresh, which per write cost more than the write itself.
     */
    void committedHere(long version) {
        synchronized (progress) {
            committedHere = Math.max(committedHere, version);
        }
    }

    private void followSoon() {
        if (followQueued.compareAndSet(false, true)) {
            try {
                writer.execute(() -> {
                    followQueued.set(false);
                    follow();
                });
            } catch (RejectedExecutionException stopping) {
                followQueued.set(false);
            }
        }
    }

    /** Waits (bounded) until the index is built and holds this version; then searches see what it holds. */
    private void awaitVersion(long version) {
        if (state == State.FOLLOWING && applied >= version) {
            return;
        }
        followSoon();
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WAIT_FOR_INDEX_MILLIS);
        synchronized (progress) {
            while (!(state == State.FOLLOWING && applied >= version) && state != State.FAILED) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    LOG.debugf("Search waited %d ms for version %d; the index holds %d", WAIT_FOR_INDEX_MILLIS, version,
                            applied);
                    return;
                }
                try {
                    progress.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    // ---------------------------------------------------------------- the writer thread

    private void openAndCatchUp() {
        try {
            Path folder = folder();
            Files.createDirectories(folder);
            try {
                index = LuceneIndex.open(folder, false);
            } catch (LockObtainFailedException e) {
                temporaryFolder = Files.createTempDirectory("digest-search-");
                LOG.warnf("Another process uses the search index in %s; this instance builds its own in %s", folder,
                        temporaryFolder);
                index = LuceneIndex.open(temporaryFolder, true);
            } catch (IOException | RuntimeException e) {
                LOG.warnf("The search index in %s is unreadable (%s); building it again", folder, e.toString());
                deleteFiles(folder);
                index = LuceneIndex.open(folder, true);
            }
            Map<String, String> committed = index.committedData();
            String behind = whyNotFollowing(committed);
            if (behind != null) {
                rebuild(behind);
                return;
            }
            applied = Long.parseLong(committed.get("version"));
            long committedVersion = applied;
            long articles = -1;
            // Other instances may write meanwhile: compare again after catching up, a few times.
            for (int attempt = 0; attempt < 3 && index.documents() != articles; attempt++) {
                catchUp();
                articles = source.count();
                catchUp();
            }
            if (index.documents() != articles) {
                // Articles loaded behind the service's back (a bulk load, a restore): the log does not know them.
                rebuild("it holds " + index.documents() + " articles and the database " + articles);
                return;
            }
            publish(State.FOLLOWING);
            LOG.infof("Search index ready: %d articles, content version %d (committed at %d, the rest applied from"
                    + " the change log)", index.documents(), applied, committedVersion);
        } catch (Exception e) {
            LOG.error("The search index could not be opened; searches answer 503", e);
            publish(State.FAILED);
        }
    }

    private Path folder() {
        return Path.of(config.search().indexDir().orElse(Path.of(config.dataDir(), "search-index").toString()));
    }

    /**
     * Null when the version the index was committed at is in this database's log with the same epoch; otherwise why it
     * cannot follow the log from there.
     */
    private String whyNotFollowing(Map<String, String> committed) throws SQLException {
        if (!committed.containsKey("version") || !committed.containsKey("epoch")) {
            return "there is none yet";
        }
        long version = Long.parseLong(committed.get("version"));
        if (version == 0) {
            return null;
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select epoch from search_change where version = ? and article_id is null")) {
            select.setLong(1, version);
            try (ResultSet row = select.executeQuery()) {
                if (row.next()) {
                    return Long.toString(row.getLong(1)).equals(committed.get("epoch")) ? null
                            : "it does not follow this database";
                }
            }
        }
        return logStartsAfter(version) ? "it is older than the change log, which keeps "
                + config.search().logRetention() : "it does not follow this database";
    }

    /**
     * Forgets the search_change log before the newest version older than {@code cutoff}: running instances applied it
     * long ago, and one stopped for longer rebuilds its index at the next start. A version's time is its change set's
     * (the sync log, kept longer); a version range at a time, so that no statement holds a long transaction.
     *
     * @return how many rows were removed
     */
    long pruneLog(Instant cutoff) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement newest = connection.prepareStatement(
                     "select max(version) from content_change_set where changed_at < ?");
             PreparedStatement oldest = connection.prepareStatement("select min(version) from search_change");
             PreparedStatement delete = connection.prepareStatement(
                     "delete from search_change where version >= ? and version < ?")) {
            newest.setObject(1, OffsetDateTime.ofInstant(cutoff, ZoneOffset.UTC));
            long keepFrom;
            try (ResultSet row = newest.executeQuery()) {
                keepFrom = row.next() ? row.getLong(1) : 0;
            }
            long from = keepFrom;
            try (ResultSet row = oldest.executeQuery()) {
                if (row.next() && !row.wasNull()) {
                    from = row.getLong(1);
                }
            }
            long removed = 0;
            for (long low = from; low < keepFrom; low += PRUNE_VERSIONS) {
                delete.setLong(1, low);
                delete.setLong(2, Math.min(low + PRUNE_VERSIONS, keepFrom));
                removed += delete.executeUpdate();
            }
            return removed;
        }
    }

    private void pruneAndLog() {
        try {
            long removed = pruneLog(Instant.now().minus(config.search().logRetention()));
            if (removed > 0) {
                LOG.infof("Search: removed %d change log rows older than %s", removed, config.search().logRetention());
            }
        } catch (SQLException | RuntimeException e) {
            // The next run tries again; the log only grows meanwhile.
            LOG.warnf("Search: pruning the change log failed: %s", e.getMessage());
        }
    }

    private void rebuild(String why) throws IOException, SQLException {
        publish(State.BUILDING);
        long started = System.nanoTime();
        ContentVersion.Stamp stamp = currentStamp();
        long total = source.count();
        LOG.infof("Building the search index from the database (%s): %d articles", why, total);
        index.deleteAll();
        long done = 0;
        long after = 0;
        long nextReport = Math.max(total / 10, 1);
        while (!stopping) {
            List<Long> ids = source.idsAfter(after, BATCH);
            if (ids.isEmpty()) {
                break;
            }
            for (SearchDocument document : source.documents(ids)) {
                index.upsert(document);
            }
            after = ids.get(ids.size() - 1);
            done += ids.size();
            if (done >= nextReport) {
                LOG.infof("Search index: %d of %d articles (%d %%)", done, total, total == 0 ? 100 : done * 100 / total);
                nextReport += Math.max(total / 10, 1);
            }
        }
        if (stopping) {
            return;
        }
        index.commit(Map.of("version", Long.toString(stamp.version()), "epoch", Long.toString(stamp.epoch())));
        lastCommitNanos = System.nanoTime();
        index.refresh();
        applied = stamp.version();
        catchUp();
        publish(State.FOLLOWING);
        LOG.infof("Search index built: %d articles in %d s, content version %d", index.documents(),
                TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started), applied);
    }

    private void follow() {
        if (state != State.FOLLOWING || stopping) {
            return;
        }
        try {
            catchUp();
            commitIfDue(false);
            ContentVersion.Stamp confirmed = contentVersion.current().orElse(null);
            if (confirmed != null && confirmed.version() < applied) {
                long now = currentStamp().version();
                if (now < applied) {
                    // The database went back (a restore, a failover to a replica that was behind): the index is ahead.
                    rebuild("the database's content version went back from " + applied + " to " + now);
                }
            }
        } catch (Exception e) {
            LOG.warnf("Search index not updated (retried at the next interval): %s", e.toString());
        }
    }

    /** Applies every logged change after the applied version, in batches that never split a version. */
    private void catchUp() throws IOException, SQLException {
        while (!stopping) {
            List<long[]> rows = logAfter(applied);
            if (rows.isEmpty()) {
                return;
            }
            if (rows.get(0)[0] > applied + 1 && logStartsAfter(applied + 1)) {
                // Stopped (or failing) for longer than the log is kept: what changed meanwhile is no longer listed.
                rebuild("it is older than the change log, which keeps " + config.search().logRetention());
                return;
            }
            Set<Long> ids = new LinkedHashSet<>();
            rows.stream().filter(r -> r[2] != 0).forEach(r -> ids.add(r[2]));
            List<Long> all = new ArrayList<>(ids);
            for (int i = 0; i < all.size(); i += BATCH) {
                List<Long> chunk = all.subList(i, Math.min(all.size(), i + BATCH));
                List<SearchDocument> documents = source.documents(chunk);
                Set<Long> found = new LinkedHashSet<>();
                for (SearchDocument document : documents) {
                    index.upsert(document);
                    found.add(document.id());
                }
                for (Long id : chunk) {
                    if (!found.contains(id)) {
                        index.delete(id);
                    }
                }
            }
            long[] last = rows.get(rows.size() - 1);
            uncommitted = new ContentVersion.Stamp(last[1], last[0]);
            index.refresh();
            synchronized (progress) {
                applied = last[0];
                progress.notifyAll();
            }
        }
    }

    /** Whether the log's oldest row is after this version (the versions before were pruned). */
    private boolean logStartsAfter(long version) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select min(version) from search_change");
             ResultSet row = select.executeQuery()) {
            return row.next() && row.getLong(1) > version;
        }
    }

    /** Rows {version, epoch, article id or 0} after this version, whole versions only. */
    private List<long[]> logAfter(long version) throws SQLException {
        List<long[]> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement("select version, epoch, article_id from search_change"
                     + " where version > ? order by version")) {
            select.setLong(1, version);
            select.setMaxRows(LOG_ROWS + 1);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(new long[] {row.getLong(1), row.getLong(2), row.getLong(3)});
                }
            }
            if (rows.size() > LOG_ROWS) {
                long lastVersion = rows.get(rows.size() - 1)[0];
                if (rows.get(0)[0] == lastVersion) {
                    // One write changed more articles than a batch holds: take all of its rows.
                    return wholeVersion(connection, lastVersion);
                }
                rows.removeIf(r -> r[0] == lastVersion);
            }
        }
        return rows;
    }

    private static List<long[]> wholeVersion(Connection connection, long version) throws SQLException {
        List<long[]> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select version, epoch, article_id from search_change where version = ?")) {
            select.setLong(1, version);
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    rows.add(new long[] {row.getLong(1), row.getLong(2), row.getLong(3)});
                }
            }
        }
        rows.sort(Comparator.comparingLong(r -> r[2] == 0 ? Long.MAX_VALUE : r[2]));
        return rows;
    }

    private ContentVersion.Stamp currentStamp() throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select epoch, version from content_version where id = 1");
             ResultSet row = select.executeQuery()) {
            row.next();
            return new ContentVersion.Stamp(row.getLong(1), row.getLong(2));
        }
    }

    /** Commits what was applied at most once a second (a commit syncs files); the log replays anything after it. */
    private void commitIfDue(boolean now) throws IOException {
        ContentVersion.Stamp stamp = uncommitted;
        if (stamp == null || index == null || !now && System.nanoTime() - lastCommitNanos < COMMIT_EVERY_NANOS) {
            return;
        }
        index.commit(Map.of("version", Long.toString(stamp.version()), "epoch", Long.toString(stamp.epoch())));
        lastCommitNanos = System.nanoTime();
        uncommitted = null;
    }

    private void publish(State next) {
        synchronized (progress) {
            state = next;
            progress.notifyAll();
        }
    }

    private void closeIndex() {
        try {
            if (index != null) {
                index.close();
            }
            if (temporaryFolder != null) {
                deleteFiles(temporaryFolder);
                Files.deleteIfExists(temporaryFolder);
            }
        } catch (IOException e) {
            LOG.warnf("Search index not closed cleanly: %s", e.getMessage());
        }
    }

    /** Deletes what a folder holds (an index is a copy of the database: nothing in it is lost). */
    private static void deleteFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).filter(f -> !f.equals(folder)).toList()) {
                Files.deleteIfExists(file);
            }
        }
    }
}
