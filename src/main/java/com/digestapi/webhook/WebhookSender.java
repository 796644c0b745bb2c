package com.digestapi.webhook;

import com.digestapi.article.ArticleQueries;
import com.digestapi.changelog.ResourceKind;
import com.digestapi.config.DigestConfig;
import com.digestapi.issue.IssueService;
import com.digestapi.outlet.OutletService;
import com.digestapi.persistence.TrackedEntity;
import com.digestapi.sync.SyncTombstone;
import com.digestapi.topic.TopicService;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Sends the outbox, in the background on threads of its own (never on the event loop). Each poll claims the due
 * deliveries that head their subscription's queue with {@code SELECT ... FOR UPDATE SKIP LOCKED} and leases them (moves
 * their next attempt a minute ahead) in one short transaction, so that each is sent by one instance at a time, and the
 * next delivery of a subscription waits until the one before it is delivered or given up: in order, at least once (an
 * instance that dies mid-send leaves the lease to run out, and another sends it again under the same webhook-id). A
 * failed attempt is retried after an exponential backoff with jitter, for {@code digest.webhooks.give-up-after} after
 * the first attempt; then the delivery fails and its subscription is disabled.
 */
@ApplicationScoped
public class WebhookSender {

    private static final Logger LOG = Logger.getLogger(WebhookSender.class);
    static final String PENDING = "pending";
    static final String DELIVERED = "delivered";
    static final String FAILED = "failed";
    static final String SKIPPED = "skipped";
    /** How long a claimed delivery is this instance's: longer than rendering it and one attempt take. */
    private static final Duration LEASE = Duration.ofSeconds(60);
    private static final Duration PRUNE_INTERVAL = Duration.ofHours(1);
    static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final String CLAIM = "select d.id from webhook_delivery d where d.status = 'pending'"
            + " and d.next_attempt_at <= ?"
            + " and d.subscription_id in (select s.id from webhook_subscription s where s.active = true)"
            + " and not exists (select 1 from webhook_delivery e where e.subscription_id = d.subscription_id"
            + " and e.status = 'pending' and (e.version < d.version or (e.version = d.version and e.id < d.id)))"
            + " order by d.next_attempt_at, d.id fetch first %d rows only for update skip locked";

    /** What one attempt sends. */
    private record Message(long id, long subscriptionId, String url, String secret, String body, int attempts,
                           Instant firstAttemptAt, String type) {
    }

    /** How one attempt went: a status code (null without an answer), the start of the answer, or an error. */
    private record Outcome(Integer code, String body, String error) {
        boolean delivered() {
            return error == null && code != null && code >= 200 && code < 300;
        }
    }

    private final DigestConfig.Webhooks config;
    private final AgroalDataSource dataSource;
    private final WebhookTargets targets;
    private final ObjectMapper mapper;
    private final TransactionSynchronizationRegistry transactions;
    private final ArticleQueries articles;
    private final IssueService issues;
    private final OutletService outlets;
    private final TopicService topics;
    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT)
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "webhook-poll");
        thread.setDaemon(true);
        return thread;
    });
    private final ExecutorService senders;
    private final Semaphore slots;
    private final AtomicBoolean wakeQueued = new AtomicBoolean();
    private volatile boolean running;

    WebhookSender(DigestConfig config, AgroalDataSource dataSource, WebhookTargets targets, ObjectMapper mapper,
                  TransactionSynchronizationRegistry transactions, ArticleQueries articles, IssueService issues,
                  OutletService outlets, TopicService topics) {
        this.config = config.webhooks();
        this.dataSource = dataSource;
        this.targets = targets;
        this.mapper = mapper;
        this.transactions = transactions;
        this.articles = articles;
        this.issues = issues;
        this.outlets = outlets;
        this.topics = topics;
        int threads = Math.max(1, this.config.senders());
        this.slots = new Semaphore(threads);
        this.senders = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, "webhook-send");
            thread.setDaemon(true);
            return thread;
        });
    }

    void start(@Observes StartupEvent start) {
        running = true;
        poller.scheduleWithFixedDelay(this::pollSafely, 0, Math.max(10, config.pollInterval().toMillis()),
                TimeUnit.MILLISECONDS);
        poller.scheduleWithFixedDelay(this::prune, 1, PRUNE_INTERVAL.toMinutes(), TimeUnit.MINUTES);
    }

    /** Forgets the deliveries that are done (delivered, failed, skipped) and older than the retention. */
    int prune() {
        try {
            return QuarkusTransaction.requiringNew().call(() -> em().createNativeQuery("delete from webhook_delivery"
                            + " where status <> 'pending' and occurred_at < ?1")
                    .setParameter(1, utc(Instant.now().minus(config.deliveryRetention()))).executeUpdate());
        } catch (RuntimeException e) {
            LOG.warnf("Webhooks: pruning old deliveries failed: %s", e.getMessage());
            return 0;
        }
    }

    void stop(@Observes ShutdownEvent stop) {
        running = false;
        poller.shutdownNow();
        senders.shutdownNow();
    }

    /** Looks for due deliveries now (events were just committed, or a queue moved on). */
    void wake() {
        if (running && wakeQueued.compareAndSet(false, true)) {
            try {
                poller.execute(() -> {
                    wakeQueued.set(false);
                    pollSafely();
                });
            } catch (RuntimeException e) {
                wakeQueued.set(false);
            }
        }
    }

    /** Wakes the sender once the current transaction commits. */
    void wakeAfterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    wake();
                }
            }
        });
    }

    private void pollSafely() {
        try {
            poll();
        } catch (RuntimeException e) {
            LOG.debugf("Webhooks: looking for due deliveries failed: %s", e.getMessage());
        }
    }

    private void poll() {
        while (running) {
            int free = slots.availablePermits();
            if (free == 0) {
                return;
            }
            List<Long> claimed = claim(free);
            for (Long id : claimed) {
                slots.acquireUninterruptibly();
                try {
                    senders.execute(() -> {
                        try {
                            send(id);
                        } catch (RuntimeException e) {
                            LOG.warnf("Webhooks: delivery %d failed unexpectedly: %s", id, e.getMessage());
                        } finally {
                            slots.release();
                        }
                    });
                } catch (RuntimeException e) {
                    slots.release();
                    return;
                }
            }
            if (claimed.size() < free) {
                return;
            }
        }
    }

    /**
     * Claims and leases at most {@code limit} due deliveries that head their queues, in one short transaction. Plain
     * JDBC on a connection of the pool, outside Hibernate: an idle poll costs two statements and no session.
     */
    private List<Long> claim(int limit) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                List<Long> ids = new ArrayList<>();
                try (PreparedStatement select = connection.prepareStatement(CLAIM.formatted(limit))) {
                    select.setObject(1, utc(Instant.now()));
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            ids.add(rows.getLong(1));
                        }
                    }
                }
                if (!ids.isEmpty()) {
                    try (PreparedStatement lease = connection.prepareStatement(
                            "update webhook_delivery set next_attempt_at = ? where id = ?")) {
                        for (Long id : ids) {
                            lease.setObject(1, utc(Instant.now().plus(LEASE)));
                            lease.setLong(2, id);
                            lease.addBatch();
                        }
                        lease.executeBatch();
                    }
                }
                connection.commit();
                return ids;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("claiming webhook deliveries failed: " + e.getMessage(), e);
        }
    }

    private void send(long id) {
        Optional<Message> message = QuarkusTransaction.requiringNew().call(() -> message(id));
        if (message.isEmpty()) {
            return;
        }
        Outcome outcome = attempt(message.get());
        QuarkusTransaction.requiringNew().run(() -> record(message.get(), outcome));
        if (outcome.delivered()) {
            wake();
        }
    }

    /** The delivery with its body, rendered and stored at its first attempt; empty when there is nothing to send. */
    private Optional<Message> message(long id) {
        Object[] row = (Object[]) em().createNativeQuery("select d.event_type, d.resource_type, d.resource_id, d.slug,"
                        + " d.reason, d.occurred_at, d.payload, d.attempts, d.first_attempt_at, d.status, s.url, s.secret,"
                        + " s.id, s.active from webhook_delivery d join webhook_subscription s on s.id = d.subscription_id"
                        + " where d.id = ?1")
                .setParameter(1, id).getResultStream().findFirst().orElse(null);
        if (row == null || !PENDING.equals(row[9])) {
            return Optional.empty();
        }
        if (!Boolean.TRUE.equals(row[13])) {
            // Paused since it was claimed: due again at once, for when the subscription is enabled.
            em().createNativeQuery("update webhook_delivery set next_attempt_at = ?1 where id = ?2")
                    .setParameter(1, utc(Instant.now())).setParameter(2, id).executeUpdate();
            return Optional.empty();
        }
        String type = (String) row[0];
        String body = (String) row[6];
        if (body == null) {
            Object data = data(type, (String) row[1], row[2] == null ? 0 : ((Number) row[2]).longValue(),
                    (String) row[3], (String) row[4], instant(row[5]), ((Number) row[12]).longValue());
            if (data == null) {
                em().createNativeQuery("update webhook_delivery set status = 'skipped', last_error = ?1 where id = ?2")
                        .setParameter(1, "not sent: no longer public when its turn came; a later event says what"
                                + " became of it").setParameter(2, id).executeUpdate();
                return Optional.empty();
            }
            try {
                body = mapper.writeValueAsString(new WebhookEvent(type, instant(row[5]), data));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("webhook event could not be serialised", e);
            }
            em().createNativeQuery("update webhook_delivery set payload = ?1 where id = ?2")
                    .setParameter(1, body).setParameter(2, id).executeUpdate();
        }
        return Optional.of(new Message(id, ((Number) row[12]).longValue(), (String) row[10], (String) row[11], body,
                ((Number) row[7]).intValue(), row[8] == null ? null : instant(row[8]), type));
    }

    /** The event's data: the resource as readers see it now, its tombstone, or the ping; null when it is gone. */
    private Object data(String type, String kindCode, long resourceId, String slug, String reason, Instant at,
                        long subscriptionId) {
        if (EventType.PING.equals(type)) {
            return new WebhookEvent.Ping(subscriptionId);
        }
        if (EventType.isRemoval(type)) {
            return new SyncTombstone(kindCode, "delete", resourceId, slug, at, reason);
        }
        List<?> views = switch (ResourceKind.ofCode(kindCode).orElseThrow()) {
            case ARTICLE -> articles.publicViews(List.of(resourceId));
            case ISSUE -> issues.publicViews(List.of(resourceId));
            case OUTLET -> outlets.publicViews(List.of(resourceId));
            case TOPIC -> topics.publicViews(List.of(resourceId));
        };
        return views.isEmpty() ? null : views.get(0);
    }

    /** One POST, signed now; the answer's status and at most 1 KB of its body, or why there was none. */
    private Outcome attempt(Message message) {
        Optional<String> refusal = targets.refusal(message.url());
        if (refusal.isPresent()) {
            return new Outcome(null, null, "not sent: the URL " + refusal.get());
        }
        String messageId = DeliveryView.messageId(message.id());
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(java.net.URI.create(message.url()))
                    .timeout(TIMEOUT)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Digest-API-Webhooks/1")
                    .header("webhook-id", messageId)
                    .header("webhook-timestamp", Long.toString(timestamp))
                    .header("webhook-signature", WebhookSecrets.signature(message.secret(), messageId, timestamp,
                            message.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(message.body(), StandardCharsets.UTF_8))
                    .build();
        } catch (IllegalArgumentException e) {
            return new Outcome(null, null, "not sent: the URL is not one a request can go to");
        }
        CompletableFuture<HttpResponse<String>> pending = client.sendAsync(request,
                info -> new LimitedBody(WebhookDelivery.RESPONSE_LENGTH));
        try {
            HttpResponse<String> response = pending.get(TIMEOUT.toMillis() + 500, TimeUnit.MILLISECONDS);
            int code = response.statusCode();
            String error = code >= 200 && code < 300 ? null
                    : code >= 300 && code < 400 ? "answered " + code + ": redirects are not followed"
                    : "answered " + code;
            return new Outcome(code, response.body(), error);
        } catch (TimeoutException e) {
            pending.cancel(true);
            return new Outcome(null, null, "timed out after " + TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            pending.cancel(true);
            Thread.currentThread().interrupt();
            return new Outcome(null, null, "interrupted: the instance is stopping");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            String error = cause instanceof HttpTimeoutException ? "timed out after " + TIMEOUT.toSeconds() + " s"
                    : cause instanceof java.net.ConnectException ? "connection refused or unreachable"
                    : "failed: " + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
            return new Outcome(null, null, error);
        }
    }

    /** Records the attempt: delivered; or retried later; or, past the give-up time, failed with the subscription disabled. */
    private void record(Message message, Outcome outcome) {
        Instant now = TrackedEntity.now();
        Instant first = message.firstAttemptAt() == null ? now : message.firstAttemptAt();
        int attempts = message.attempts() + 1;
        String status;
        Instant next = now;
        if (outcome.delivered()) {
            status = DELIVERED;
        } else if (!now.isBefore(first.plus(config.giveUpAfter()))) {
            status = FAILED;
        } else {
            status = PENDING;
            next = now.plus(backoff(attempts));
        }
        String finalStatus = status;
        Instant nextAt = next;
        boolean disable = em().unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement update = connection.prepareStatement("update webhook_delivery set status = ?,"
                    + " attempts = ?, next_attempt_at = ?, first_attempt_at = ?, last_attempt_at = ?,"
                    + " last_response_code = ?, last_error = ?, response_body = ? where id = ? and status = 'pending'")) {
                update.setString(1, finalStatus);
                update.setInt(2, attempts);
                update.setObject(3, utc(nextAt));
                update.setObject(4, utc(first));
                update.setObject(5, utc(now));
                if (outcome.code() == null) {
                    update.setNull(6, Types.INTEGER);
                } else {
                    update.setInt(6, outcome.code());
                }
                setText(update, 7, outcome.error(), WebhookDelivery.ERROR_LENGTH);
                setText(update, 8, outcome.body(), WebhookDelivery.RESPONSE_LENGTH);
                update.setLong(9, message.id());
                return update.executeUpdate() == 1 && FAILED.equals(finalStatus);
            }
        });
        if (disable) {
            String reason = clip("delivery " + DeliveryView.messageId(message.id()) + " (" + message.type()
                    + ") failed for " + config.giveUpAfter().toString().substring(2).toLowerCase(Locale.ROOT)
                    + " after " + attempts + " attempts; last: " + outcome.error(), WebhookSubscription.REASON_LENGTH);
            em().createNativeQuery("update webhook_subscription set active = false, disabled_at = ?1,"
                            + " disabled_reason = ?2, updated_at = ?1 where id = ?3 and active = true")
                    .setParameter(1, utc(now)).setParameter(2, reason).setParameter(3, message.subscriptionId())
                    .executeUpdate();
            LOG.warnf("Webhooks: subscription %d disabled: %s", message.subscriptionId(), reason);
        }
    }

    private static void setText(PreparedStatement statement, int index, String text, int length) throws SQLException {
        if (text == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, clip(text.replace('\u0000', '\uFFFD'), length));
        }
    }

    /** The wait before attempt n + 1: the retry delay doubled per attempt, at most the maximum, with jitter (50-100 %). */
    private Duration backoff(int attempts) {
        long base = Math.max(1, config.retryDelay().toMillis());
        long max = Math.max(base, config.retryMaxDelay().toMillis());
        long delay = attempts >= 40 ? max : Math.min(max, base << Math.min(attempts - 1, 40));
        long jittered = delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
        return Duration.ofMillis(jittered);
    }

    private static String clip(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

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

    /** Keeps at most {@code limit} bytes of a response body, then stops reading (the rest is never downloaded). */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<String> {

        private final int limit;
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        private final CompletableFuture<String> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        LimitedBody(int limit) {
            this.limit = limit;
        }

        @Override
        public CompletionStage<String> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription subscription) {
            this.subscription = subscription;
            subscription.request(1);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer buffer : buffers) {
                int take = Math.min(buffer.remaining(), limit - bytes.size());
                byte[] chunk = new byte[take];
                buffer.get(chunk);
                bytes.write(chunk, 0, take);
            }
            if (bytes.size() >= limit) {
                subscription.cancel();
                finish();
            } else {
                subscription.request(1);
            }
        }

        @Override
        public void onError(Throwable throwable) {
            if (!result.isDone()) {
                result.completeExceptionally(throwable);
            }
        }

        @Override
        public void onComplete() {
            finish();
        }

        private void finish() {
            if (!result.isDone()) {
                // At most limit bytes; a character cut at the end becomes a replacement character.
                String text = new String(bytes.toByteArray(), StandardCharsets.UTF_8);
                result.complete(text.length() > limit ? text.substring(0, limit) : text);
            }
        }
    }
}
