package com.digestapi.webhook;

import java.time.Instant;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to creating a subscription: the only time its secret is shown. */
@Schema(name = "CreatedWebhook")
public record CreatedWebhook(
        @Schema(required = true, minimum = "1") long id,
        @Schema(required = true, maxLength = WebhookSubscription.URL_LENGTH, format = "uri") String url,
        @Schema(required = true, maxItems = Webhooks.EVENT_TYPES) List<@Pattern(regexp = EventType.PATTERN) @Size(max = EventType.MAX_LENGTH) String> events,
        @Schema(required = true) boolean active,
        @Schema(required = true, description = "The signing secret (Standard Webhooks): whsec_ and the base64 of 32"
                + " random bytes, the HMAC-SHA256 key. Shown only in this answer: store it now.",
                maxLength = WebhookSecrets.LENGTH, pattern = WebhookSecrets.PATTERN,
                examples = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw9Pz7oWm1XkQ=") String secret,
        @Schema(required = true) Instant createdAt) {

    static CreatedWebhook of(WebhookSubscription subscription) {
        return new CreatedWebhook(subscription.id, subscription.url, WebhookView.sorted(subscription),
                subscription.active, subscription.secret, subscription.createdAt);
    }
}
