package com.digestapi.webhook;

import com.digestapi.activity.Recorded;
import com.digestapi.caching.Precondition;
import com.digestapi.caching.Preconditions;
import com.digestapi.listing.ListQuery;
import com.digestapi.listing.Page;
import com.digestapi.listing.PageRequest;
import com.digestapi.listing.SortFields;
import com.digestapi.persistence.TrackedEntity;
import com.digestapi.problem.Problem.FieldError;
import com.digestapi.problem.ProblemException;
import com.digestapi.web.Patch;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Editors' management of webhook subscriptions: create, list, change, delete, ping, and the list of deliveries. */
@ApplicationScoped
public class Webhooks {

    /** Subscriptions the service keeps at most: enough for every partner, few enough that a list is one small page. */
    static final int MAX_SUBSCRIPTIONS = 100;
    static final int EVENT_TYPES = 15;
    static final String PAUSED = "paused by an editor";

    public static final SortFields DELIVERY_SORT = SortFields.of("d", "-id", "id", "occurredAt");

    private final WebhookTargets targets;
    private final Preconditions preconditions;
    private final WebhookSender sender;

    Webhooks(WebhookTargets targets, Preconditions preconditions, WebhookSender sender) {
        this.targets = targets;
        this.preconditions = preconditions;
        this.sender = sender;
    }

    @Transactional
    @Recorded
    public CreatedWebhook create(WebhookInput input) {
        Set<String> events = checked(input);
        if (WebhookSubscription.count() >= MAX_SUBSCRIPTIONS) {
            throw ProblemException.conflict("the service keeps at most " + MAX_SUBSCRIPTIONS
                    + " webhook subscriptions; delete one first");
        }
        WebhookSubscription subscription = new WebhookSubscription();
        subscription.url = input.url().strip();
        subscription.events = events;
        subscription.secret = WebhookSecrets.generate();
        subscription.createdAt = TrackedEntity.now();
        subscription.updatedAt = subscription.createdAt;
        activate(subscription, input.active() == null || input.active());
        subscription.persistAndFlush();
        return CreatedWebhook.of(subscription);
    }

    public List<WebhookView> list() {
        return WebhookSubscription.<WebhookSubscription>findAll(Sort.by("id")).stream().map(WebhookView::of).toList();
    }

    public WebhookView get(long id) {
        return WebhookView.of(find(id));
    }

    @Transactional
    @Recorded
    public WebhookView patch(long id, Patch<WebhookInput> patch, Precondition precondition) {
        WebhookSubscription subscription = find(id);
        WebhookView current = WebhookView.of(subscription);
        preconditions.require(precondition, () -> current);
        WebhookInput changed = patch.applyTo(new WebhookInput(current.url(), current.events(), current.active()));
        Set<String> events = checked(changed);
        subscription.url = changed.url().strip();
        subscription.events.clear();
        subscription.events.addAll(events);
        if (changed.active() == null) {
            throw ProblemException.invalid("active", "must be true or false");
        }
        if (changed.active() != subscription.active) {
            activate(subscription, changed.active());
        }
        subscription.updatedAt = TrackedEntity.now();
        subscription.persistAndFlush();
        if (subscription.active) {
            sender.wake();
        }
        return WebhookView.of(subscription);
    }

    @Transactional
    @Recorded
    public void delete(long id, Precondition precondition) {
        WebhookSubscription subscription = find(id);
        preconditions.require(precondition, () -> WebhookView.of(subscription));
        WebhookDelivery.delete("subscriptionId", id);
        subscription.delete();
    }

    /** Queues a test event behind the subscription's other deliveries. */
    @Transactional
    @Recorded
    public DeliveryView ping(long id) {
        WebhookSubscription subscription = find(id);
        if (!subscription.active) {
            throw ProblemException.conflict("webhook " + id + " is disabled (" + subscription.disabledReason
                    + "); enable it first with PATCH {\"active\": true}");
        }
        Instant now = TrackedEntity.now();
        WebhookDelivery delivery = new WebhookDelivery();
        delivery.subscriptionId = id;
        // After every content event already queued; the content version is read without its lock, so a write
        // committing meanwhile may come before or after the ping.
        delivery.version = ((Number) WebhookDelivery.getEntityManager()
                .createNativeQuery("select version from content_version where id = 1").getSingleResult()).longValue();
        delivery.eventType = EventType.PING;
        delivery.occurredAt = now;
        delivery.status = WebhookSender.PENDING;
        delivery.nextAttemptAt = now;
        delivery.persistAndFlush();
        sender.wakeAfterCommit();
        return DeliveryView.of(delivery);
    }

    public Page<DeliveryView> deliveries(long id, String status, PageRequest request) {
        find(id);
        return ListQuery.of("WebhookDelivery", "d")
                .where("d.subscriptionId = :subscription", "subscription", id)
                .where("d.status = :status", "status", status)
                .page(request, WebhookDelivery.class)
                .map(DeliveryView::of);
    }

    private Set<String> checked(WebhookInput input) {
        List<FieldError> errors = new ArrayList<>();
        targets.refusal(input.url().strip()).ifPresent(message -> errors.add(new FieldError("url", message)));
        Set<String> events = new LinkedHashSet<>();
        for (String event : input.events()) {
            if (EventType.ofCode(event).isEmpty()) {
                errors.add(new FieldError("events", "has an unknown event type '"
                        + (event.length() > 40 ? event.substring(0, 40) + "…" : event) + "'; known: "
                        + String.join(", ", EventType.CODES)));
            } else if (!events.add(event)) {
                errors.add(new FieldError("events", "names '" + event + "' twice"));
            }
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return events;
    }

    private static void activate(WebhookSubscription subscription, boolean active) {
        subscription.active = active;
        subscription.disabledAt = active ? null : TrackedEntity.now();
        subscription.disabledReason = active ? null : PAUSED;
    }

    private static WebhookSubscription find(long id) {
        return WebhookSubscription.<WebhookSubscription>findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("webhook", id));
    }
}
