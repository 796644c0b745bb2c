package com.digestapi.activity;

import com.digestapi.listing.ListQuery;
import com.digestapi.listing.Page;
import com.digestapi.listing.PageRequest;
import com.digestapi.listing.SortFields;
import com.digestapi.persistence.TrackedEntity;
import com.digestapi.security.Viewer;
import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.lang.reflect.Method;
import org.jboss.logging.Logger;

/** Writes the activity log (successes inside the write's transaction, failures in their own) and lists it. */
@ApplicationScoped
public class ActivityLog {

    public static final SortFields SORT = SortFields.of("r", "-at", "at");
    public static final String SUCCESS = "success";
    private static final Logger LOG = Logger.getLogger(ActivityLog.class);

    private final ActivityContext context;
    private final Viewer viewer;

    ActivityLog(ActivityContext context, Viewer viewer) {
        this.context = context;
        this.viewer = viewer;
    }

    /**
     * The current write succeeded: its record, in its own transaction (which has not committed yet). Nothing when no
     * write was named (a write at start-up, such as the demo digest, belongs to no request).
     *
     * @param result what the service returned: a create's target id is read from it
     */
    @Transactional(Transactional.TxType.MANDATORY)
    void succeeded(Object result) {
        if (!Arc.container().requestContext().isActive() || !context.started()) {
            return;
        }
        String targetId = context.targetId() != null ? context.targetId() : idOf(result, context.idAccessor());
        String actor = viewer.name();
        insert(actor == null ? "anonymous" : actor, context.action(), context.targetType(), targetId,
                context.requestId(), SUCCESS);
    }

    /**
     * The current write turned out to be a more particular action than its resource method names (a PATCH of an issue
     * that published it is {@code issue.publish}); nothing outside a request.
     */
    public void actionIs(String action) {
        if (Arc.container().requestContext().isActive()) {
            context.actionIs(action);
        }
    }

    /** A write failed after its client was authenticated: recorded in a transaction of its own. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(String actor, String action, String targetType, String targetId, String requestId,
                       String outcome) {
        insert(actor, action, targetType, targetId, requestId, outcome);
    }

    /** One page of the log, newest first unless sort says otherwise. */
    public Page<ActivityView> list(ActivityFilter filter, PageRequest request) {
        return ListQuery.of("ActivityRecord", "r")
                .where("r.actor = :actor", "actor", filter.actor())
                .where("r.targetType = :targetType", "targetType", filter.targetType())
                .where("r.action = :action", "action", filter.action())
                .where("r.requestId = :requestId", "requestId", filter.requestId())
                .where("r.at >= :from", "from", filter.from())
                .where("r.at <= :to", "to", filter.to())
                .page(request, ActivityRecord.class)
                .map(ActivityView::of);
    }

    private static void insert(String actor, String action, String targetType, String targetId, String requestId,
                               String outcome) {
        ActivityRecord record = new ActivityRecord();
        record.at = TrackedEntity.now();
        record.actor = clip(actor, ActivityRecord.ACTOR_LENGTH);
        record.action = clip(action, ActivityRecord.ACTION_LENGTH);
        record.targetType = clip(targetType, ActivityRecord.TARGET_TYPE_LENGTH);
        record.targetId = clip(targetId, ActivityRecord.TARGET_ID_LENGTH);
        record.requestId = clip(requestId, ActivityRecord.REQUEST_ID_LENGTH);
        record.outcome = clip(outcome, ActivityRecord.OUTCOME_LENGTH);
        record.persist();
    }

    /**
     * The created resource's id: the named accessor of what the service returned (a record's component), or a dotted
     * path of them ({@code issue.id}).
     */
    private static String idOf(Object result, String accessor) {
        if (result == null || accessor == null) {
            return null;
        }
        Object value = result;
        try {
            for (String name : accessor.split("\\.")) {
                Method method = value.getClass().getMethod(name);
                value = method.invoke(value);
                if (value == null) {
                    return null;
                }
            }
            return value.toString();
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.debugf("Activity: no %s on %s", accessor, result.getClass().getName());
            return null;
        }
    }

    private static String clip(String text, int length) {
        return text == null || text.length() <= length ? text : text.substring(0, length);
    }
}
