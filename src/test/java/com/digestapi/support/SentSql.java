package com.digestapi.support;

import com.digestapi.search.LuceneSearchEngine;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Records the SQL Hibernate sends for requests while a block of test code runs, as sent (with ? for each parameter),
 * leaving out the statements of the service's background threads; and can make a concurrent change happen at a chosen point between a
 * request's statements.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class SentSql implements StatementInspector {

    private static final List<String> SENT = new CopyOnWriteArrayList<>();
    private static final Set<String> BACKGROUND_THREADS = Set.of(LuceneSearchEngine.WRITER_THREAD, "webhook-poll",
            "webhook-send", "revision-prune", "change-log-prune", "issue-scheduler", "content-version-check");
    private static final AtomicReference<Hook> HOOK = new AtomicReference<>();
    private static volatile boolean recording;

    private record Hook(Predicate<String> sql, Runnable action) {
    }

    @Override
    public String inspect(String sql) {
        // The service's background threads (the search index following writes, webhook deliveries, pruning, the
        // scheduler) send statements whenever their work comes: not a request's.
        if (recording && !BACKGROUND_THREADS.contains(Thread.currentThread().getName())) {
            SENT.add(sql);
        }
        Hook hook = HOOK.get();
        if (hook != null && hook.sql().test(sql) && HOOK.compareAndSet(hook, null)) {
            // Another thread, as another client would: the statement waits until the change has committed.
            CompletableFuture.runAsync(hook.action()).join();
        }
        return sql;
    }

    /**
     * Runs the action once, on another thread and to its end, just before the next statement that matches is sent (a
     * concurrent write landing exactly between two statements of one request). {@link #clearHook} in a finally.
     */
    public static void beforeNext(Predicate<String> sql, Runnable action) {
        HOOK.set(new Hook(sql, action));
    }

    public static void clearHook() {
        HOOK.set(null);
    }

    /** How many statements requests sent while the block ran. */
    public static long count(Runnable block) {
        return during(block).size();
    }

    public static synchronized List<String> during(Runnable block) {
        SENT.clear();
        recording = true;
        try {
            block.run();
        } finally {
            recording = false;
        }
        return List.copyOf(SENT);
    }
}
