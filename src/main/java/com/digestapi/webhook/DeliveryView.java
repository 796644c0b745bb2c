package com.digestapi.webhook;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One delivery of an event to a subscription, with how its attempts went. */
@Schema(name = "WebhookDelivery")
public record DeliveryView(
        @Schema(required = true, minimum = "1") long id,
        @Schema(required = true, description = "The webhook-id header of every attempt: receivers de-duplicate by it.",
                maxLength = 24, pattern = "^msg_[0-9]+$", examples = "msg_1042") String messageId,
        @Schema(required = true, maxLength = EventType.MAX_LENGTH, examples = "article.published") String type,
        @Schema(required = true, description = "pending: queued or being retried; delivered: the target answered"
                + " 2xx; failed: given up after digest.webhooks.give-up-after (the subscription was disabled); skipped:"
                + " an event of a resource that was no longer public when its turn came (a later event says what"
                + " became of it).", enumeration = {"pending", "delivered", "failed", "skipped"}) String status,
        @Schema(required = true, description = "When the change was committed.") Instant occurredAt,
        @Schema(required = true, minimum = "0", maximum = "1000000") int attempts,
        @Schema(description = "When the next attempt is due; null once delivered, failed or skipped.", nullable = true,
                implementation = String.class, format = "date-time") Instant nextAttemptAt,
        @Schema(description = "When the last attempt was made; null before the first.", nullable = true,
                implementation = String.class, format = "date-time") Instant lastAttemptAt,
        @Schema(description = "The HTTP status the target answered at the last attempt; null when none was received.",
                nullable = true, minimum = "100", maximum = "599") Integer lastResponseCode,
        @Schema(description = "Why the last attempt failed (timeout, refused connection, refused address, status);"
                + " null after a success.", nullable = true, maxLength = WebhookDelivery.ERROR_LENGTH) String lastError,
        @Schema(description = "The start of the target's last answer (at most 1 KB).", nullable = true,
                maxLength = WebhookDelivery.RESPONSE_LENGTH) String lastResponseBody) {

    static DeliveryView of(WebhookDelivery delivery) {
        return new DeliveryView(delivery.id, messageId(delivery.id), delivery.eventType, delivery.status,
                delivery.occurredAt, delivery.attempts,
                "pending".equals(delivery.status) ? delivery.nextAttemptAt : null, delivery.lastAttemptAt,
                delivery.lastResponseCode, delivery.lastError, delivery.responseBody);
    }

    static String messageId(long deliveryId) {
        return "msg_" + deliveryId;
    }
}
