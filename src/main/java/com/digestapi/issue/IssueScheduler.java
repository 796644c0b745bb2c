package com.digestapi.issue;

import com.digestapi.activity.ActivityContext;
import com.digestapi.caching.Precondition;
import com.digestapi.config.DigestConfig;
import com.digestapi.security.Viewer;
import com.digestapi.web.Patch;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Publishes SCHEDULED issues when their publishAt comes, in the background on a thread of its own. Every
 * {@code digest.scheduling.poll-interval} (200 ms) it asks, in one indexed query on a pooled connection, whether an
 * issue is due; only then does it claim the first due issue with {@code SELECT ... FOR UPDATE SKIP LOCKED} and publish
 * it in the same transaction, through the same service method as an editor's {@code PATCH {"status": "PUBLISHED"}}
 * ({@link IssueService#patch}, a {@code @ContentWrite}): the read cache, the feeds, the search index, the change log
 * partners sync from and the webhook outbox see an ordinary publish, made by the account {@value #SYSTEM}.
 *
 * <p>Several instances on one database poll alike; the row lock makes each issue theirs one at a time, and the
 * publish ends its SCHEDULED status in the transaction that held the lock, so each issue is published exactly once.
 * An instance that was down at an issue's publishAt publishes it at its first poll after the start.
 */
@ApplicationScoped
public class IssueScheduler {

    /** The name the scheduler's writes go under, as an editor's go under their account's. */
    static final String SYSTEM = Viewer.SYSTEM;
    private static final Logger LOG = Logger.getLogger(IssueScheduler.class);
    private static final String DUE = "select id from issue where status = 'SCHEDULED' and publish_at <= ?"
            + " order by publish_at, id fetch first 1 rows only";
    private static final String CLAIM = DUE + " for update skip locked";
    private static final SecurityIdentity IDENTITY = QuarkusSecurityIdentity.builder()
            .setPrincipal(new QuarkusPrincipal(SYSTEM)).addRole(Viewer.EDITOR).build();
    /** What the scheduler's publish merges into the issue: {@code {"status": "PUBLISHED"}}. */
    private static final Patch<IssueInput> PUBLISH = new Patch<>() {
        @Override
        public IssueInput applyTo(IssueInput current) {
            return new IssueInput(current.slug(), current.title(), current.publishedOn(), current.intro(),
                    IssueStatus.PUBLISHED, current.publishAt());
        }

        @Override
        public boolean names(String field) {
            return field.equals("status");
        }
    };

    private final IssueService issues;
    private final ActivityContext activity;
    private final AgroalDataSource dataSource;
    private final CurrentIdentityAssociation identity;
    private final long intervalMillis;
    private final AtomicLong published = new AtomicLong();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "issue-scheduler");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean running;

    IssueScheduler(IssueService issues, ActivityContext activity, AgroalDataSource dataSource,
                   CurrentIdentityAssociation identity, DigestConfig config, MeterRegistry registry) {
        this.issues = issues;
        this.activity = activity;
        this.dataSource = dataSource;
        this.identity = identity;
        this.intervalMillis = Math.max(10, config.scheduling().pollInterval().toMillis());
        FunctionCounter.builder("digest.scheduling.published", published, AtomicLong::get)
                .description("Scheduled issues this instance published").register(registry);
    }

    void start(@Observes StartupEvent start) {
        running = true;
        // The first poll runs at once: what came due while no instance ran is published at the start.
        poller.scheduleWithFixedDelay(this::poll, 0, intervalMillis, TimeUnit.MILLISECONDS);
    }

    void stop(@Observes ShutdownEvent stop) {
        running = false;
        poller.shutdownNow();
    }

    /** How many scheduled issues this instance has published since it started. */
    long publishedCount() {
        return published.get();
    }

    private void poll() {
        try {
            while (running && anyDue(Instant.now())) {
                if (publishNextDue(Instant.now()).isEmpty()) {
                    // Due, but another instance holds it (and is publishing it): its commit settles it.
                    return;
                }
            }
        } catch (RuntimeException e) {
            // The issue stays due; the next poll tries again.
            LOG.warnf("Scheduled publication failed, retrying at the next poll: %s", e.getMessage());
        }
    }

    /** Whether any scheduled issue is due: one indexed query, on a pooled connection, outside Hibernate. */
    private boolean anyDue(Instant now) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(DUE)) {
            select.setObject(1, utc(now));
            try (ResultSet rows = select.executeQuery()) {
                return rows.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("looking for due scheduled issues failed: " + e.getMessage(), e);
        }
    }

    /**
     * Claims the scheduled issue that came due first and that no other transaction holds, and publishes it in the same
     * transaction, as the account {@value #SYSTEM}; the id of the issue published, or empty when none was free.
     */
    OptionalLong publishNextDue(Instant now) {
        ManagedContext requestContext = Arc.container().requestContext();
        boolean activated = !requestContext.isActive();
        if (activated) {
            requestContext.activate();
        }
        try {
            identity.setIdentity(IDENTITY);
            OptionalLong id = QuarkusTransaction.requiringNew().call(() -> {
                @SuppressWarnings("unchecked")
                List<Number> claimed = Panache.getEntityManager().createNativeQuery(CLAIM)
                        .setParameter(1, utc(now)).getResultList();
                if (claimed.isEmpty()) {
                    return OptionalLong.empty();
                }
                long issueId = claimed.get(0).longValue();
                // Under the lock, the row as last committed: still scheduled and due (a publish that committed just
                // before the claim read the row is not published again).
                Object[] row = (Object[]) Panache.getEntityManager()
                        .createNativeQuery("select status, publish_at from issue where id = ?1")
                        .setParameter(1, issueId).getSingleResult();
                if (!IssueStatus.SCHEDULED.name().equals(row[0]) || row[1] == null || instant(row[1]).isAfter(now)) {
                    return OptionalLong.empty();
                }
                activity.begin("scheduler-" + UUID.randomUUID(), "issue.publish", "issue", String.valueOf(issueId),
                        null);
                issues.patch(issueId, PUBLISH, Precondition.NONE);
                return OptionalLong.of(issueId);
            });
            id.ifPresent(published -> {
                this.published.incrementAndGet();
                LOG.infof("Published scheduled issue %d", published);
            });
            return id;
        } finally {
            if (activated) {
                requestContext.terminate();
            }
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return (Instant) value;
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
