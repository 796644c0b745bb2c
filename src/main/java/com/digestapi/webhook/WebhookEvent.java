package com.digestapi.webhook;

import com.digestapi.article.ArticleView;
import com.digestapi.issue.IssueView;
import com.digestapi.outlet.OutletView;
import com.digestapi.sync.SyncTombstone;
import com.digestapi.topic.TopicView;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of a delivery. */
@Schema(name = "WebhookEvent", description = "What a subscription's URL receives (POST, application/json), signed"
        + " per the Standard Webhooks specification with three headers: webhook-id (msg_ and digits, the same on every"
        + " retry: de-duplicate by it), webhook-timestamp (Unix seconds of this attempt: refuse one more than 5"
        + " minutes away) and webhook-signature (v1, and the base64 HMAC-SHA256 of id.timestamp.body, keyed with the"
        + " base64-decoded part of the secret after whsec_; compare in constant time). Deliveries come at least"
        + " once, in commit order per subscription. Answer any 2xx within 5 s; anything else is retried with"
        + " backoff for 24 h, then the subscription is disabled.")
public record WebhookEvent(
        @Schema(required = true, enumeration = {"article.published", "article.updated", "article.withdrawn",
                "article.unpublished", "article.deleted", "issue.published", "issue.updated", "issue.unpublished",
                "issue.deleted", "outlet.created", "outlet.updated", "outlet.deleted", "topic.created",
                "topic.updated", "topic.deleted", "webhook.ping"}, examples = "article.published") String type,
        @Schema(required = true, description = "When the change was committed (a ping: when it was asked for).")
        Instant timestamp,
        @Schema(required = true, description = "published, created, updated: the resource as readers GET it when the"
                + " delivery is first attempted (an issue as GET /api/v1/issues lists it). deleted, unpublished,"
                + " withdrawn: the tombstone, as GET /api/v1/sync gives it. webhook.ping: the subscription's id.",
                anyOf = {ArticleView.class, IssueView.class, OutletView.class, TopicView.class, SyncTombstone.class,
                        Ping.class})
        Object data) {

    /** The data of a test event. */
    @Schema(name = "WebhookPing")
    public record Ping(@Schema(required = true, minimum = "1", description = "The subscription pinged.") long webhookId) {
    }
}
