package com.digestapi.search;

import com.digestapi.caching.ContentVersion;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.Session;

/**
 * Writes the search_change log within content writes: the services say which articles they changed (or which group
 * of articles, resolved when the write ends), and when the write sets its content version this appends one row for the
 * version and one per changed article, in the same transaction. After the commit, this instance's index applies them
 * before its next search, so an editor finds their own write at once.
 */
@ApplicationScoped
public class SearchChanges {

    private static final String PENDING = SearchChanges.class.getName() + ".pending";

    /** A group of articles, as the SQL that lists their ids from one parameter. */
    public enum Group {
        ISSUE("select id from article where issue_id = ?"),
        OUTLET("select id from article where outlet_id = ?"),
        TOPIC("select article_id from article_topic where topic_id = ?");

        private final String ids;

        Group(String ids) {
            this.ids = ids;
        }
    }

    private record Deferred(Group group, long key) {
    }

    /**
     * The articles a write changed (or deleted), told synchronously when the write ends, after it is flushed and within
     * its transaction, for whatever else must follow every article write (see article.TopicListings).
     */
    public record ArticlesChanged(Set<Long> ids) {
    }

    /** What one transaction changed, until it has a version; then rows are written at once. */
    private static final class Pending {
        final Set<Long> articles = new LinkedHashSet<>();
        final Set<Deferred> groups = new LinkedHashSet<>();
        ContentVersion.Stamp stamp;
    }

    private final TransactionSynchronizationRegistry transactions;
    private final LuceneSearchEngine engine;
    private final Event<ArticlesChanged> changed;

    SearchChanges(TransactionSynchronizationRegistry transactions, LuceneSearchEngine engine,
                  Event<ArticlesChanged> changed) {
        this.transactions = transactions;
        this.engine = engine;
        this.changed = changed;
    }

    /** These articles changed (or were deleted) in the current transaction. */
    public void articles(Collection<Long> ids) {
        Pending pending = pending();
        if (pending.stamp != null) {
            write(pending.stamp, ids);
        } else {
            pending.articles.addAll(ids);
        }
    }

    /** The articles of the group as they are when the write ends (they changed, or the group did). */
    public void articlesOf(Group group, long key) {
        Pending pending = pending();
        if (pending.stamp != null) {
            write(pending.stamp, idsOf(group, key));
        } else {
            pending.groups.add(new Deferred(group, key));
        }
    }

    /** The articles of the group as they are now: before a delete takes them out of it. */
    public void articlesNowIn(Group group, long key) {
        articles(idsOf(group, key));
    }

    void onVersionWritten(@Observes ContentVersion.Written written) {
        Pending pending = pending();
        pending.stamp = written.stamp();
        List<Long> ids = new ArrayList<>(pending.articles);
        pending.groups.forEach(deferred -> ids.addAll(idsOf(deferred.group(), deferred.key())));
        ids.add(null);
        write(written.stamp(), ids);
    }

    void onVersionCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContentVersion.Written written) {
        engine.committedHere(written.stamp().version());
    }

    private Pending pending() {
        Pending pending = (Pending) transactions.getResource(PENDING);
        if (pending == null) {
            pending = new Pending();
            transactions.putResource(PENDING, pending);
        }
        return pending;
    }

    @SuppressWarnings("unchecked")
    private static List<Long> idsOf(Group group, long key) {
        return ((List<Number>) Panache.getEntityManager().createNativeQuery(group.ids).setParameter(1, key)
                .getResultList()).stream().map(Number::longValue).toList();
    }

    /** One row per id in one JDBC batch (a null id is the version's own row), once the articles' followers are told. */
    private void write(ContentVersion.Stamp stamp, Collection<Long> ids) {
        Set<Long> distinct = new LinkedHashSet<>(ids);
        Set<Long> articles = new LinkedHashSet<>(distinct);
        articles.remove(null);
        if (!articles.isEmpty()) {
            changed.fire(new ArticlesChanged(articles));
        }
        Panache.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into search_change (version, epoch, article_id) values (?, ?, ?)")) {
                for (Long id : distinct) {
                    insert.setLong(1, stamp.version());
                    insert.setLong(2, stamp.epoch());
                    if (id == null) {
                        insert.setNull(3, java.sql.Types.BIGINT);
                    } else {
                        insert.setLong(3, id);
                    }
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        });
    }
}
