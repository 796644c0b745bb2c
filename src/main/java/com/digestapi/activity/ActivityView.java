package com.digestapi.activity;

import com.digestapi.web.RequestIds;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One record of the activity log, as GET /activity lists it. */
@Schema(name = "Activity")
public record ActivityView(
        @Schema(required = true, description = "When the write was made (a failure: when it was answered).")
        Instant at,
        @Schema(required = true, description = "The account that wrote (the token's account for an API token);"
                + " system for the scheduler.", maxLength = ActivityRecord.ACTOR_LENGTH, examples = "editor")
        String actor,
        @Schema(required = true, description = "What was done: <targetType>.<verb>.",
                maxLength = ActivityRecord.ACTION_LENGTH, pattern = ActivityRecord.ACTION_PATTERN,
                examples = "article.update") String action,
        @Schema(required = true, maxLength = ActivityRecord.TARGET_TYPE_LENGTH, examples = "article",
                pattern = ActivityRecord.TARGET_TYPE_PATTERN)
        String targetType,
        @Schema(description = "The id of the resource acted on (an account's username); null for a create that"
                + " failed.", nullable = true, maxLength = ActivityRecord.TARGET_ID_LENGTH, examples = "7")
        String targetId,
        @Schema(required = true, description = "The request's X-Request-Id: the client's, when it sent a sane one,"
                + " else generated; the scheduler's begin with scheduler-.", maxLength = RequestIds.MAX_LENGTH,
                pattern = RequestIds.PATTERN,
                examples = "5f0c2a8e-3b7d-4d9e-9a61-0f6b2c1d8e47") String requestId,
        @Schema(required = true, description = "success, or the failure's status and problem type.",
                maxLength = ActivityRecord.OUTCOME_LENGTH, pattern = ActivityRecord.OUTCOME_PATTERN,
                examples = "412 precondition-failed") String outcome) {

    static ActivityView of(ActivityRecord record) {
        return new ActivityView(record.at, record.actor, record.action, record.targetType, record.targetId,
                record.requestId, record.outcome);
    }
}
