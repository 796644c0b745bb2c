package com.digestapi.webhook;

import com.digestapi.changelog.ContentChanges.Recorded;
import com.digestapi.changelog.ResourceKind;
import java.util.Arrays;
import java.util.Optional;

/**
 * The events a subscription can ask for: what readers could tell changed, as the public change log records it. An
 * article or issue is published when readers start to see it and updated while they do; it is deleted, unpublished
 * (it, or an article's issue, went back to draft) or withdrawn (an article moved from a published issue to a draft
 * one) when they stop, with the same reasons as a sync tombstone. Outlets and topics are public from creation.
 */
public enum EventType {
    ARTICLE_PUBLISHED("article.published"),
    ARTICLE_UPDATED("article.updated"),
    ARTICLE_WITHDRAWN("article.withdrawn"),
    ARTICLE_UNPUBLISHED("article.unpublished"),
    ARTICLE_DELETED("article.deleted"),
    ISSUE_PUBLISHED("issue.published"),
    ISSUE_UPDATED("issue.updated"),
    ISSUE_UNPUBLISHED("issue.unpublished"),
    ISSUE_DELETED("issue.deleted"),
    OUTLET_CREATED("outlet.created"),
    OUTLET_UPDATED("outlet.updated"),
    OUTLET_DELETED("outlet.deleted"),
    TOPIC_CREATED("topic.created"),
    TOPIC_UPDATED("topic.updated"),
    TOPIC_DELETED("topic.deleted");

    /** The test event of POST /webhooks/{id}/ping: sent to the one subscription, whatever events it asked for. */
    public static final String PING = "webhook.ping";
    /** Every code, for the OpenAPI enumerations. */
    public static final String[] CODES = {"article.published", "article.updated", "article.withdrawn",
            "article.unpublished", "article.deleted", "issue.published", "issue.updated", "issue.unpublished",
            "issue.deleted", "outlet.created", "outlet.updated", "outlet.deleted", "topic.created", "topic.updated",
            "topic.deleted"};
    public static final int MAX_LENGTH = 19;
    /** The codes as a pattern, for the OpenAPI document and the validation of input. */
    public static final String PATTERN = "^(article\\.(published|updated|withdrawn|unpublished|deleted)"
            + "|issue\\.(published|updated|unpublished|deleted)|(outlet|topic)\\.(created|updated|deleted))$";
    public static final String EXPECTED = "must be an event type: article.published, article.updated,"
            + " article.withdrawn, article.unpublished, article.deleted, issue.published, issue.updated,"
            + " issue.unpublished, issue.deleted, outlet.created, outlet.updated, outlet.deleted, topic.created,"
            + " topic.updated or topic.deleted";

    public final String code;

    EventType(String code) {
        this.code = code;
    }

    public static Optional<EventType> ofCode(String code) {
        return Arrays.stream(values()).filter(type -> type.code.equals(code)).findFirst();
    }

    /** The event a recorded change is. */
    static EventType of(Recorded.Change change) {
        String verb = switch (change.transition()) {
            case APPEARED -> change.kind() == ResourceKind.ARTICLE || change.kind() == ResourceKind.ISSUE
                    ? "published" : "created";
            case CHANGED -> "updated";
            case REMOVED -> change.kind() == ResourceKind.OUTLET || change.kind() == ResourceKind.TOPIC
                    ? "deleted" : change.reason();
        };
        String code = change.kind().code() + "." + verb;
        return ofCode(code).orElseThrow(() -> new IllegalStateException("no event type " + code));
    }

    /** Whether an event of this code removes the resource from what readers see (its data is a tombstone). */
    static boolean isRemoval(String code) {
        return code.endsWith(".deleted") || code.endsWith(".unpublished") || code.endsWith(".withdrawn");
    }
}
