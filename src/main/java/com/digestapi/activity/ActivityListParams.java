package com.digestapi.activity;

import com.digestapi.listing.PageParams;
import com.digestapi.listing.PageRequest;
import com.digestapi.listing.QueryParser;
import com.digestapi.problem.ProblemException;
import jakarta.ws.rs.QueryParam;
import com.digestapi.web.RequestIds;
import java.time.Instant;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Query parameters of GET /activity: what to filter by, then the paging every list takes. */
public class ActivityListParams extends PageParams {

    private static final Pattern TARGET_TYPE = Pattern.compile(ActivityRecord.TARGET_TYPE_PATTERN);
    private static final Pattern ACTION = Pattern.compile(ActivityRecord.ACTION_PATTERN);
    private static final Pattern REQUEST_ID = Pattern.compile(RequestIds.PATTERN);

    @QueryParam("actor")
    @Parameter(description = "Only the writes of this account (system: the scheduler's).", example = "editor",
            schema = @Schema(type = SchemaType.STRING, maxLength = ActivityRecord.ACTOR_LENGTH))
    public String actor;

    @QueryParam("targetType")
    @Parameter(description = "Only writes to this type of resource.", example = "article",
            schema = @Schema(type = SchemaType.STRING, maxLength = ActivityRecord.TARGET_TYPE_LENGTH,
                    pattern = ActivityRecord.TARGET_TYPE_PATTERN))
    public String targetType;

    @QueryParam("action")
    @Parameter(description = "Only this action (<targetType>.<verb>).", example = "article.update",
            schema = @Schema(type = SchemaType.STRING, maxLength = ActivityRecord.ACTION_LENGTH,
                    pattern = ActivityRecord.ACTION_PATTERN))
    public String action;

    @QueryParam("requestId")
    @Parameter(description = "Only the records of this request (its X-Request-Id).",
            schema = @Schema(type = SchemaType.STRING, maxLength = RequestIds.MAX_LENGTH, pattern = RequestIds.PATTERN))
    public String requestId;

    @QueryParam("from")
    @Parameter(description = "Earliest at, inclusive (ISO-8601 instant with offset).", example = "2024-10-01T00:00:00Z",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    public String from;

    @QueryParam("to")
    @Parameter(description = "Latest at, inclusive (ISO-8601 instant with offset).", example = "2024-10-31T23:59:59Z",
            schema = @Schema(type = SchemaType.STRING, format = "date-time"))
    public String to;

    /** The parsed filter and page; a 400 naming every malformed parameter otherwise. */
    public Parsed parse() {
        QueryParser parser = new QueryParser();
        String actorName = parser.text("actor", actor, ActivityRecord.ACTOR_LENGTH);
        String type = parser.matching("targetType", targetType, TARGET_TYPE, "article, issue, outlet, topic, account,"
                + " token or webhook");
        String act = parser.matching("action", action, ACTION, "<targetType>.<verb>, such as article.update");
        String request = parser.matching("requestId", requestId, REQUEST_ID, "1 to " + RequestIds.MAX_LENGTH
                + " letters, digits and . _ : - @ / + =");
        Instant fromInstant = parser.instant("from", from);
        Instant toInstant = parser.instant("to", to);
        PageRequest page = pageRequest(parser, ActivityLog.SORT);
        parser.validate();
        if (fromInstant != null && toInstant != null && fromInstant.isAfter(toInstant)) {
            throw ProblemException.invalid("from", "must not be after to");
        }
        return new Parsed(new ActivityFilter(actorName, type, act, request, fromInstant, toInstant), page);
    }

    public record Parsed(ActivityFilter filter, PageRequest page) {
    }
}
