package com.digestapi.webhook;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of POST /webhooks, and what a PATCH merges into. */
@Schema(name = "WebhookInput")
public record WebhookInput(
        @Schema(description = "Where deliveries are POSTed: an absolute https URL (http only where"
                + " digest.webhooks.allow-http is set) whose host resolves to public addresses only (unless"
                + " digest.webhooks.allow-private-targets).", required = true, maxLength = WebhookSubscription.URL_LENGTH,
                format = "uri", examples = "https://partner.example/hooks/digest")
        @NotNull @Size(max = WebhookSubscription.URL_LENGTH) String url,
        @Schema(description = "The event types to deliver (each at most once).", required = true, minItems = 1,
                maxItems = Webhooks.EVENT_TYPES, uniqueItems = true)
        @NotNull @Size(min = 1, max = Webhooks.EVENT_TYPES) List<@NotNull @Pattern(regexp = EventType.PATTERN, message = EventType.EXPECTED)
        @Size(max = EventType.MAX_LENGTH) String> events,
        @Schema(description = "Whether deliveries go out (default true). Set it to false to pause a subscription (its"
                + " new events are not queued meanwhile); to true to enable one that was disabled after failing:"
                + " its queued deliveries then go out.", defaultValue = "true")
        Boolean active) {
}
