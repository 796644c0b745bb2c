package com.digestapi.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * A slug that a resource carried before a rename: a row of slug_history (V10), read and written by {@link SlugHistory}
 * only, in queries (never loaded as an entity: it exists so that queries can name it).
 */
@Entity
@Table(name = "slug_history")
@IdClass(RetiredSlug.Key.class)
public class RetiredSlug {

    /** The kind of resource: article, issue, outlet or topic. */
    @Id
    @Column(name = "resource_type", length = 10)
    public String resourceType;

    @Id
    @Column(length = Slugs.MAX_LENGTH)
    public String slug;

    @Column(name = "resource_id", nullable = false)
    public long resourceId;

    @Column(name = "retired_at", nullable = false)
    public Instant retiredAt;

    /** The primary key: a retired slug names one resource of its kind. */
    public static class Key implements Serializable {

        public String resourceType;
        public String slug;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(resourceType, key.resourceType)
                    && Objects.equals(slug, key.slug);
        }

        @Override
        public int hashCode() {
            return Objects.hash(resourceType, slug);
        }
    }
}
