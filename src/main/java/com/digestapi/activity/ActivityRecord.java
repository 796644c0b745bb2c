package com.digestapi.activity;

import com.digestapi.web.RequestIds;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One write and how it went. Inserted, never updated or deleted. */
@Entity
@Table(name = "activity")
public class ActivityRecord extends PanacheEntityBase {

    /** Column sizes: the values are cut to them, and the API description takes them from here. */
    public static final int ACTOR_LENGTH = 64;
    public static final int ACTION_LENGTH = 40;
    public static final int TARGET_TYPE_LENGTH = 20;
    public static final int TARGET_ID_LENGTH = 64;
    public static final int REQUEST_ID_LENGTH = RequestIds.MAX_LENGTH;
    public static final int OUTCOME_LENGTH = 60;
    /** What the service writes (and the list filters take): the API description states them, so clients can too. */
    public static final String ACTION_PATTERN = "^[a-z]+\\.[a-z]+$";
    public static final String TARGET_TYPE_PATTERN = "^(article|issue|outlet|topic|account|token|webhook)$";
    public static final String OUTCOME_PATTERN = "^(success|[1-5][0-9]{2}( [A-Za-z0-9:._-]+)?)$";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(nullable = false, updatable = false)
    public Instant at;

    @Column(nullable = false, updatable = false, length = ACTOR_LENGTH)
    public String actor;

    @Column(nullable = false, updatable = false, length = ACTION_LENGTH)
    public String action;

    @Column(name = "target_type", nullable = false, updatable = false, length = TARGET_TYPE_LENGTH)
    public String targetType;

    @Column(name = "target_id", updatable = false, length = TARGET_ID_LENGTH)
    public String targetId;

    @Column(name = "request_id", nullable = false, updatable = false, length = REQUEST_ID_LENGTH)
    public String requestId;

    @Column(nullable = false, updatable = false, length = OUTCOME_LENGTH)
    public String outcome;
}
