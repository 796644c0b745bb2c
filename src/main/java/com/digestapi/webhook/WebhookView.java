package com.digestapi.webhook;

import java.time.Instant;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription as editors see it: never the secret. */
@Schema(name = "Webhook")
public record WebhookView(
        @Schema(required = true, minimum = "1") long id,
        @Schema(required = true, maxLength = WebhookSubscription.URL_LENGTH, format = "uri") String url,
        @Schema(required = true, maxItems = Webhooks.EVENT_TYPES) List<@Pattern(regexp = EventType.PATTERN) @Size(max = EventType.MAX_LENGTH) String> events,
        @Schema(required = true, description = "Whether deliveries go out. False when an editor paused the"
                + " subscription, or when deliveries kept failing for digest.webhooks.give-up-after (24 h): then"
                + " disabledAt and disabledReason say when and why.") boolean active,
        @Schema(description = "When the subscription was disabled; null while active.", nullable = true,
                implementation = String.class, format = "date-time") Instant disabledAt,
        @Schema(description = "Why: paused by an editor, or the delivery that failed for good and its last error;"
                + " null while active.", nullable = true, maxLength = WebhookSubscription.REASON_LENGTH)
        String disabledReason,
        @Schema(required = true) Instant createdAt,
        @Schema(required = true) Instant updatedAt) {

    static WebhookView of(WebhookSubscription subscription) {
        return new WebhookView(subscription.id, subscription.url, sorted(subscription), subscription.active,
                subscription.disabledAt, subscription.disabledReason, subscription.createdAt, subscription.updatedAt);
    }

    /** The event types in the order of {@link EventType}. */
    static List<String> sorted(WebhookSubscription subscription) {
        return java.util.Arrays.stream(EventType.values()).map(type -> type.code)
                .filter(subscription.events::contains).toList();
    }
}
