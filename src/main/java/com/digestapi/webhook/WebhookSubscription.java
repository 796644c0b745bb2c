package com.digestapi.webhook;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/** A webhook subscription: a target URL, the event types it wants and the secret its deliveries are signed with. */
@Entity
@Table(name = "webhook_subscription")
public class WebhookSubscription extends PanacheEntityBase {

    public static final int URL_LENGTH = 2048;
    public static final int REASON_LENGTH = 300;

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "webhook_subscription_seq")
    @SequenceGenerator(name = "webhook_subscription_seq", sequenceName = "webhook_subscription_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false, length = URL_LENGTH)
    public String url;

    @Column(nullable = false, length = 60)
    public String secret;

    @Column(nullable = false)
    public boolean active;

    @Column(name = "disabled_at")
    public Instant disabledAt;

    @Column(name = "disabled_reason", length = REASON_LENGTH)
    public String disabledReason;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "webhook_subscription_event", joinColumns = @JoinColumn(name = "subscription_id"))
    @Column(name = "event_type", nullable = false, length = 40)
    public Set<String> events = new LinkedHashSet<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
