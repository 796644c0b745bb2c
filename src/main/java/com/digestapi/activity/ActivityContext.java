package com.digestapi.activity;

import jakarta.enterprise.context.RequestScoped;

/**
 * What the current request (or the scheduler's unit of work) is doing, for its activity record: set by
 * {@link ActivityFilter} from the resource method's {@link Audited}, or by a background writer before it writes.
 */
@RequestScoped
public class ActivityContext {

    private String requestId;
    private String action;
    private String targetType;
    private String targetId;
    private String idAccessor;

    /**
     * Names the write about to happen.
     *
     * @param targetId the target's id when known before the write, else null (taken from the created resource's
     *                 {@code idAccessor})
     */
    public void begin(String requestId, String action, String targetType, String targetId, String idAccessor) {
        this.requestId = requestId;
        this.action = action;
        this.targetType = targetType;
        this.targetId = targetId;
        this.idAccessor = idAccessor;
    }

    /** Names the write more precisely once the service knows what it did (an update that published an issue). */
    void actionIs(String action) {
        if (this.action != null) {
            this.action = action;
        }
    }

    boolean started() {
        return action != null;
    }

    String requestId() {
        return requestId;
    }

    String action() {
        return action;
    }

    String targetType() {
        return targetType;
    }

    String targetId() {
        return targetId;
    }

    String idAccessor() {
        return idAccessor;
    }
}
