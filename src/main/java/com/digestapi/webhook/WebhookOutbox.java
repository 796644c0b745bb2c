package com.digestapi.webhook;

import com.digestapi.changelog.ContentChanges.Recorded;
import com.digestapi.changelog.ContentChanges.Transition;
import com.digestapi.changelog.ResourceKind;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.PreparedStatement;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.hibernate.Session;

/**
 * The transactional outbox: inside each content write, once the change log has recorded what readers could tell
 * changed (holding the content_version row lock), one batched insert-select per write puts each event in the queue of
 * every active subscription that wants its type. It commits or rolls back with the write, so a rolled-back write sends
 * nothing and a committed one is never lost; rows carry the write's version, so each queue is in commit order. A write
 * whose events no subscription wants inserts nothing.
 */
@ApplicationScoped
public class WebhookOutbox {

    private static final String EMITTED = WebhookOutbox.class.getName() + ".emitted";
    static final String INSERT = "insert into webhook_delivery (subscription_id, version, event_type, resource_type,"
            + " resource_id, slug, reason, occurred_at, status, attempts, next_attempt_at)"
            + " select e.subscription_id, ?, ?, ?, ?, ?, ?, ?, 'pending', 0, ? from webhook_subscription_event e"
            + " join webhook_subscription s on s.id = e.subscription_id where e.event_type = ? and s.active = true";

    private record Key(ResourceKind kind, long id) {
    }

    /** What this transaction has put in the outbox so far, per resource. */
    private static final class Emitted {
        final Map<Key, Transition> transitions = new HashMap<>();
        boolean any;
    }

    private final TransactionSynchronizationRegistry transactions;
    private final WebhookSender sender;

    WebhookOutbox(TransactionSynchronizationRegistry transactions, WebhookSender sender) {
        this.transactions = transactions;
        this.sender = sender;
    }

    void onRecorded(@Observes Recorded recorded) {
        Emitted emitted = emitted();
        OffsetDateTime at = recorded.at().atOffset(ZoneOffset.UTC);
        Panache.getEntityManager().unwrap(Session.class).doWork(connection -> {
            int[] counts;
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (Recorded.Change change : recorded.changes()) {
                    Recorded.Change event = merged(connection, recorded.version(), emitted, change);
                    if (event == null) {
                        continue;
                    }
                    insert.setLong(1, recorded.version());
                    insert.setString(2, EventType.of(event).code);
                    insert.setString(3, event.kind().code());
                    insert.setLong(4, event.id());
                    insert.setString(5, event.slug());
                    if (event.reason() == null) {
                        insert.setNull(6, Types.VARCHAR);
                    } else {
                        insert.setString(6, event.reason());
                    }
                    insert.setObject(7, at);
                    insert.setObject(8, at);
                    insert.setString(9, EventType.of(event).code);
                    insert.addBatch();
                }
                counts = insert.executeBatch();
            }
            for (int count : counts) {
                if (count != 0) {
                    emitted.any = true;
                }
            }
        });
    }

    /**
     * A write that changes one resource twice (it names it again after its version was set) sends one event for it:
     * published then updated is published; anything then removed, or removed then published again, replaces what was
     * queued before. Null when the earlier event stands.
     */
    private static Recorded.Change merged(java.sql.Connection connection, long version, Emitted emitted,
                                          Recorded.Change change) throws java.sql.SQLException {
        Key key = new Key(change.kind(), change.id());
        Transition before = emitted.transitions.get(key);
        if (before == null) {
            emitted.transitions.put(key, change.transition());
            return change;
        }
        if (change.transition() == Transition.CHANGED) {
            return null;
        }
        try (PreparedStatement delete = connection.prepareStatement("delete from webhook_delivery where version = ?"
                + " and resource_type = ? and resource_id = ? and status = 'pending'")) {
            delete.setLong(1, version);
            delete.setString(2, change.kind().code());
            delete.setLong(3, change.id());
            delete.executeUpdate();
        }
        emitted.transitions.put(key, change.transition());
        return change;
    }

    private Emitted emitted() {
        Emitted emitted = (Emitted) transactions.getResource(EMITTED);
        if (emitted == null) {
            Emitted created = new Emitted();
            transactions.putResource(EMITTED, created);
            // Once the events are committed, this instance's sender looks at once rather than at its next poll.
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED && created.any) {
                        sender.wake();
                    }
                }
            });
            emitted = created;
        }
        return emitted;
    }
}
