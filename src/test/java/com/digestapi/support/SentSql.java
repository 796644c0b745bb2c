package com.digestapi.support;

import com.digestapi.search.LuceneSearchEngine;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.hibernate.resource.jdbc.spi.StatementInspector;

/**
 * Records the SQL Hibernate sends for requests while a block of test code runs, as sent (with ? for each parameter),
 * leaving out the search index's background reads; and can make a concurrent change happen at a chosen point between a
 * request's statements.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class SentSql implements StatementInspector {

    private static final List<String> SENT = new CopyOnWriteArrayList<>();
    private static final AtomicReference<Hook> HOOK = new AtomicReference<>();
    private static volatile boolean recording;

    private record Hook(Predicate<String> sql, Runnable action) {
    }

    @Override
    public String inspect(String sql) {
        // The search index reads the articles a write changed on its own thread, whenever it follows: not a request's.
        if (recording && !Thread.currentThread().getName().equals(LuceneSearchEngine.WRITER_THREAD)) {
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
