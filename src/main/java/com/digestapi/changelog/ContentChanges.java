package com.digestapi.changelog;

import com.digestapi.caching.ContentVersion;
import com.digestapi.persistence.TrackedEntity;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.hibernate.Session;

/**
 * Writes the public change log within content writes. The services name the resources whose public representation
 * a write may change (or a group of them, resolved when the write ends); when the write sets its content version, and
 * so holds the content_version row lock until it commits, this reads what readers now see of each (whether it is
 * public, its slug, an article's issue), compares it with what the log says readers saw, and records the difference
 * under that version: a change while public, or a tombstone when a public resource is gone or hidden. A resource that
 * was never public leaves no trace, so a draft never reaches a partner. Naming more than changed costs a repeated
 * upsert at most; naming less would leave a partner's copy stale, so the services err on the side of more.
 */
@ApplicationScoped
public class ContentChanges {

    private static final String PENDING = ContentChanges.class.getName() + ".pending";
    /** Ids per IN list: PostgreSQL takes at most 65,535 parameters per statement. */
    private static final int CHUNK = 1000;

    /** A group of resources, as the SQL that lists their ids from one parameter. */
    public enum Group {
        ARTICLES_IN_ISSUE(ResourceKind.ARTICLE, "select id from article where issue_id = ?"),
        ARTICLES_OF_OUTLET(ResourceKind.ARTICLE, "select id from article where outlet_id = ?"),
        ARTICLES_OF_TOPIC(ResourceKind.ARTICLE, "select article_id from article_topic where topic_id = ?"),
        /** The outlets an issue's articles summarise: their public article counts follow the issue's status. */
        OUTLETS_IN_ISSUE(ResourceKind.OUTLET, "select distinct outlet_id from article where issue_id = ?"),
        /** The topics an issue's articles carry. */
        TOPICS_IN_ISSUE(ResourceKind.TOPIC, "select distinct t.topic_id from article_topic t"
                + " join article a on a.id = t.article_id where a.issue_id = ?");

        private final ResourceKind kind;
        private final String ids;

        Group(ResourceKind kind, String ids) {
            this.kind = kind;
            this.ids = ids;
        }
    }

    /** Why a resource that readers saw is no longer public; the names partners read. */
    enum Reason {
        DELETED, UNPUBLISHED, WITHDRAWN;

        String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private record Deferred(Group group, long key) {
    }

    /** How what readers see of a resource changed at a version. */
    public enum Transition {
        /** Public now and not before: created, or published (again). */
        APPEARED,
        /** Public before and now. */
        CHANGED,
        /** Public before and not now: {@link Recorded.Change#reason()} says why. */
        REMOVED
    }

    /**
     * Fired inside a content write, holding the content_version row lock, each time it records changes in the log: what
     * readers could tell apart, at the write's version. Observers (webhooks) write in the same transaction, so what
     * they write commits, or rolls back, with the change, in version order.
     */
    public record Recorded(long version, Instant at, List<Change> changes) {

        /** One resource's change; reason (deleted, unpublished, withdrawn) only when it was removed. */
        public record Change(ResourceKind kind, long id, Transition transition, String slug, String reason) {
        }
    }

    /** What readers see of a resource now: public or not, its slug, and an article's issue. */
    private record Seen(boolean visible, String slug, Long issueId) {
    }

    /** The log's row of a resource: what readers last saw of it. */
    private record Logged(String slug, String reason, Long issueId) {
    }

    /** What one transaction changed, until it has a version; then changes are recorded at once. */
    private static final class Pending {
        final Map<ResourceKind, Set<Long>> ids = new EnumMap<>(ResourceKind.class);
        final Set<Deferred> groups = new LinkedHashSet<>();
        ContentVersion.Stamp stamp;
        Instant at;

        void add(ResourceKind kind, Collection<Long> changed) {
            ids.computeIfAbsent(kind, k -> new LinkedHashSet<>()).addAll(changed);
        }
    }

    private final TransactionSynchronizationRegistry transactions;
    private final Event<Recorded> recorded;

    ContentChanges(TransactionSynchronizationRegistry transactions, Event<Recorded> recorded) {
        this.transactions = transactions;
        this.recorded = recorded;
    }

    /** These resources may have changed for readers (or been deleted) in the current transaction. */
    public void changed(ResourceKind kind, Collection<Long> ids) {
        Pending pending = pending();
        if (pending.stamp != null) {
            record(pending, Map.of(kind, new LinkedHashSet<>(ids)));
        } else {
            pending.add(kind, ids);
        }
    }

    public void changed(ResourceKind kind, long id) {
        changed(kind, List.of(id));
    }

    /** The resources of the group as it is when the write ends (they changed, or the group did). */
    public void changedAtEnd(Group group, long key) {
        Pending pending = pending();
        if (pending.stamp != null) {
            record(pending, Map.of(group.kind, new LinkedHashSet<>(idsOf(group, key))));
        } else {
            pending.groups.add(new Deferred(group, key));
        }
    }

    /** The resources of the group as it is now: before a delete or a move takes them out of it. */
    public void changedNow(Group group, long key) {
        changed(group.kind, idsOf(group, key));
    }

    /** Both: the group before and after the write, when members may join or leave it. */
    public void changedNowAndAtEnd(Group group, long key) {
        changedNow(group, key);
        changedAtEnd(group, key);
    }

    void onVersionWritten(@Observes ContentVersion.Written written) {
        Pending pending = pending();
        pending.stamp = written.stamp();
        pending.at = TrackedEntity.now();
        pending.groups.forEach(deferred -> pending.add(deferred.group().kind, idsOf(deferred.group(), deferred.key())));
        Map<ResourceKind, Set<Long>> changed = new EnumMap<>(pending.ids);
        pending.ids.clear();
        pending.groups.clear();
        Panache.getEntityManager().unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into content_change_set (version, epoch, changed_at) values (?, ?, ?)")) {
                insert.setLong(1, pending.stamp.version());
                insert.setLong(2, pending.stamp.epoch());
                insert.setObject(3, utc(pending.at));
                insert.executeUpdate();
            }
        });
        record(pending, changed);
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

    /** Compares what readers see now with what the log says they saw, and records each difference at the version. */
    private void record(Pending pending, Map<ResourceKind, Set<Long>> changed) {
        // Entity changes made since the version was set are not in the database yet.
        Panache.getEntityManager().flush();
        List<Recorded.Change> told = new ArrayList<>();
        Panache.getEntityManager().unwrap(Session.class).doWork(connection -> {
            List<Object[]> inserts = new ArrayList<>();
            List<Object[]> updates = new ArrayList<>();
            for (Map.Entry<ResourceKind, Set<Long>> entry : changed.entrySet()) {
                ResourceKind kind = entry.getKey();
                List<Long> ids = List.copyOf(entry.getValue());
                if (ids.isEmpty()) {
                    continue;
                }
                Map<Long, Seen> seen = seen(connection, kind, ids);
                Map<Long, Logged> logged = logged(connection, kind, ids);
                for (Long id : ids) {
                    Seen now = seen.get(id);
                    Logged before = logged.get(id);
                    Object[] row = change(kind, id, now, before, pending);
                    if (row != null) {
                        (before == null ? inserts : updates).add(row);
                        Transition transition = transition(now, before);
                        if (transition != null) {
                            told.add(new Recorded.Change(kind, id, transition, (String) row[1], (String) row[2]));
                        }
                    }
                }
            }
            batch(connection, "insert into content_change (version, slug, reason, issue_id, changed_at, resource_type,"
                    + " resource_id) values (?, ?, ?, ?, ?, ?, ?)", inserts);
            batch(connection, "update content_change set version = ?, slug = ?, reason = ?, issue_id = ?,"
                    + " changed_at = ? where resource_type = ? and resource_id = ?", updates);
        });
        if (!told.isEmpty()) {
            recorded.fire(new Recorded(pending.stamp.version(), pending.at, List.copyOf(told)));
        }
    }

    /**
     * What readers could tell of a change the log records: appeared, changed or removed; null for a resource that was
     * already hidden and is now deleted (its tombstone's reason changes, readers saw nothing).
     */
    private static Transition transition(Seen now, Logged before) {
        boolean wasPublic = before != null && before.reason() == null;
        if (now != null && now.visible()) {
            return wasPublic ? Transition.CHANGED : Transition.APPEARED;
        }
        return wasPublic ? Transition.REMOVED : null;
    }

    /**
     * The log row a resource gets at this version, or null when readers could tell no difference: public now (a
     * change), public before and not now (a tombstone with its reason), or hidden before and deleted now (the
     * tombstone's reason becomes deleted).
     */
    private static Object[] change(ResourceKind kind, long id, Seen now, Logged before, Pending pending) {
        boolean wasPublic = before != null && before.reason() == null;
        if (now != null && now.visible()) {
            return row(pending, now.slug(), null, now.issueId(), kind, id);
        }
        if (wasPublic) {
            Reason reason = now == null ? Reason.DELETED
                    : kind == ResourceKind.ARTICLE && !Objects.equals(now.issueId(), before.issueId())
                    ? Reason.WITHDRAWN : Reason.UNPUBLISHED;
            return row(pending, before.slug(), reason.code(), before.issueId(), kind, id);
        }
        if (before != null && now == null && !Reason.DELETED.code().equals(before.reason())) {
            return row(pending, before.slug(), Reason.DELETED.code(), before.issueId(), kind, id);
        }
        return null;
    }

    private static Object[] row(Pending pending, String slug, String reason, Long issueId, ResourceKind kind, long id) {
        return new Object[]{pending.stamp.version(), slug, reason, issueId, utc(pending.at), kind.code(), id};
    }

    /** What readers see of these resources now; a resource that no longer exists has no entry. */
    private static Map<Long, Seen> seen(Connection connection, ResourceKind kind, List<Long> ids) throws SQLException {
        String select = switch (kind) {
            case ARTICLE -> "select id, slug, issue_published, issue_id from article where id in ";
            case ISSUE -> "select id, slug, case when status = 'PUBLISHED' then true else false end,"
                    + " cast(null as bigint) from issue where id in ";
            case OUTLET -> "select id, slug, true, cast(null as bigint) from outlet where id in ";
            case TOPIC -> "select id, slug, true, cast(null as bigint) from topic where id in ";
        };
        Map<Long, Seen> seen = new HashMap<>();
        for (List<Long> chunk : chunks(ids)) {
            try (PreparedStatement query = connection.prepareStatement(select + placeholders(chunk.size()))) {
                bind(query, 1, chunk);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        seen.put(rows.getLong(1), new Seen(rows.getBoolean(3), rows.getString(2),
                                nullableLong(rows, 4)));
                    }
                }
            }
        }
        return seen;
    }

    /** The log's rows of these resources; a resource readers never saw has none. */
    private static Map<Long, Logged> logged(Connection connection, ResourceKind kind, List<Long> ids)
            throws SQLException {
        Map<Long, Logged> logged = new HashMap<>();
        for (List<Long> chunk : chunks(ids)) {
            try (PreparedStatement query = connection.prepareStatement("select resource_id, slug, reason, issue_id"
                    + " from content_change where resource_type = ? and resource_id in "
                    + placeholders(chunk.size()))) {
                query.setString(1, kind.code());
                bind(query, 2, chunk);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        logged.put(rows.getLong(1), new Logged(rows.getString(2), rows.getString(3),
                                nullableLong(rows, 4)));
                    }
                }
            }
        }
        return logged;
    }

    private static Long nullableLong(ResultSet rows, int column) throws SQLException {
        long value = rows.getLong(column);
        return rows.wasNull() ? null : value;
    }

    private static void batch(Connection connection, String sql, List<Object[]> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    if (row[i] == null) {
                        statement.setNull(i + 1, i == 3 ? Types.BIGINT : Types.VARCHAR);
                    } else {
                        statement.setObject(i + 1, row[i]);
                    }
                }
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static List<List<Long>> chunks(List<Long> ids) {
        if (ids.size() <= CHUNK) {
            return Collections.singletonList(ids);
        }
        List<List<Long>> chunks = new ArrayList<>();
        for (int from = 0; from < ids.size(); from += CHUNK) {
            chunks.add(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
        }
        return chunks;
    }

    private static String placeholders(int count) {
        return "(" + String.join(", ", Collections.nCopies(count, "?")) + ")";
    }

    private static void bind(PreparedStatement statement, int first, List<Long> ids) throws SQLException {
        for (int i = 0; i < ids.size(); i++) {
            statement.setLong(first + i, ids.get(i));
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
