package com.digestapi.revision;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.Immutable;

/**
 * One stored revision, as lists and look-ups read it. {@link Revisions} inserts the rows in SQL, several in one
 * statement, so the entity is never written.
 */
@Entity
@Table(name = "revision")
@Immutable
public class Revision extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "resource_type", nullable = false, length = 10)
    public String resourceType;

    @Column(name = "resource_id", nullable = false)
    public long resourceId;

    @Column(nullable = false)
    public long number;

    @Column(nullable = false, length = 10)
    public String action;

    @Column(length = Revisions.EDITOR_LENGTH)
    public String editor;

    @Column(name = "changed_at", nullable = false)
    public Instant at;

    /** The changed fields' names, comma-separated (empty for none). */
    @Column(name = "changed_fields", nullable = false, length = Revisions.CHANGED_LENGTH)
    public String changedFields;

    @Column(name = "restored_from")
    public Long restoredFrom;

    /** The representation before the change, as JSON; null when the resource did not exist before it. */
    @Column(columnDefinition = "text")
    public String data;
}
