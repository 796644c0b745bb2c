package com.digestapi.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One event for one subscription, from the outbox to its last attempt. Content writes insert these rows in SQL
 * ({@link WebhookOutbox}); the entity serves the list of deliveries and pings.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends PanacheEntityBase {

    public static final int ERROR_LENGTH = 200;
    public static final int RESPONSE_LENGTH = 1024;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "subscription_id", nullable = false)
    public long subscriptionId;

    @Column(nullable = false)
    public long version;

    @Column(name = "event_type", nullable = false, length = 40)
    public String eventType;

    @Column(name = "resource_type", length = 10)
    public String resourceType;

    @Column(name = "resource_id")
    public Long resourceId;

    @Column(length = 120)
    public String slug;

    @Column(length = 12)
    public String reason;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false, length = 10)
    public String status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "first_attempt_at")
    public Instant firstAttemptAt;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "last_response_code")
    public Integer lastResponseCode;

    @Column(name = "last_error", length = ERROR_LENGTH)
    public String lastError;

    @Column(name = "response_body", length = RESPONSE_LENGTH)
    public String responseBody;
}
