package com.digestapi.persistence;

import com.digestapi.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Links that survive a rename: the slugs that articles, issues, outlets and topics carried before (slug_history, V10).
 * Written by the write that renames, in its transaction; read by GET /{kind}/by-slug/{slug} (a 301 to the current
 * slug), by the topic and outlet filters (see {@link NamedEntity#named}), by imports, and by every write that gives a
 * slug: a slug that named one resource is not given to another of its kind while it is kept as a redirect.
 *
 * <p>Each entity's table and HQL name is its kind (article, issue, outlet, topic), like {@link Slugs} and
 * {@link Uniqueness} assume.
 */
public final class SlugHistory {

    private SlugHistory() {
    }

    /** A resource as a slug names it: its id and its current slug (another one when the slug given is old). */
    public record Match(long id, String slug) {
    }

    /** The kind a slug_history row names: the entity's name in lower case (changelog.ResourceKind's codes). */
    static String kind(Class<?> entity) {
        return entity.getSimpleName().toLowerCase(Locale.ROOT);
    }

    /**
     * Lets a resource take a slug, before the write sets it: a 409 when another resource of the kind carries it, or
     * carried it before a rename (it is kept as a redirect to that one). A stored resource that changes its slug leaves
     * the old one here; one that takes back an old slug of its own has it removed from here. A stored resource that
     * keeps its slug costs nothing.
     *
     * @param selfId  the resource's id; null on create
     * @param current the slug it carries now; null on create
     */
    public static void claim(Class<?> entity, Long selfId, String current, String wanted) {
        if (selfId != null && wanted.equals(current)) {
            return;
        }
        String entityName = entity.getSimpleName();
        String kind = kind(entity);
        EntityManager em = Panache.getEntityManager();
        List<Object[]> owners = em.createQuery("select e.id, 0 from " + entityName + " e where e.slug = :slug"
                        + " union all select h.resourceId, 1 from RetiredSlug h where h.resourceType = :kind"
                        + " and h.slug = :slug", Object[].class)
                .setParameter("slug", wanted).setParameter("kind", kind)
                .getResultList();
        boolean takesBack = false;
        for (Object[] owner : owners) {
            long id = ((Number) owner[0]).longValue();
            boolean retired = ((Number) owner[1]).intValue() == 1;
            if (selfId != null && id == selfId) {
                takesBack |= retired;
                continue;
            }
            throw ProblemException.conflict(retired
                    ? "slug '" + wanted + "' belonged to " + kind + " " + id + " before it was renamed, and is kept"
                            + " as a redirect to it; choose another slug"
                    : "slug '" + wanted + "' is already taken by " + kind + " " + id);
        }
        if (takesBack) {
            em.createQuery("delete from RetiredSlug h where h.resourceType = :kind and h.slug = :slug")
                    .setParameter("kind", kind).setParameter("slug", wanted).executeUpdate();
        }
        if (selfId != null && current != null) {
            em.createQuery("insert into RetiredSlug (resourceType, slug, resourceId, retiredAt)"
                            + " values (:kind, :slug, :id, :at)")
                    .setParameter("kind", kind).setParameter("slug", current).setParameter("id", selfId)
                    .setParameter("at", TrackedEntity.now()).executeUpdate();
        }
    }

    /**
     * The resource that this slug names now, or named before a rename, if it is one the condition lets the reader see:
     * one statement.
     *
     * @param visible an HQL condition on the resource (alias {@code e}), or null for every resource of the kind
     */
    public static Optional<Match> find(Class<?> entity, String slug, String visible) {
        String entityName = entity.getSimpleName();
        String and = visible == null ? "" : " and (" + visible + ")";
        List<Object[]> rows = Panache.getEntityManager()
                .createQuery("select e.id, e.slug from " + entityName + " e where e.slug = :slug" + and
                        + " union all select e.id, e.slug from RetiredSlug h join " + entityName + " e"
                        + " on e.id = h.resourceId where h.resourceType = :kind and h.slug = :slug" + and,
                        Object[].class)
                .setParameter("slug", slug).setParameter("kind", kind(entity))
                .getResultList();
        // A slug is current on one resource or retired by one, never both; were it both, the current one would win.
        return rows.stream()
                .map(row -> new Match(((Number) row[0]).longValue(), (String) row[1]))
                .min((a, b) -> Boolean.compare(!a.slug().equals(slug), !b.slug().equals(slug)));
    }

    /** The resources that carried these slugs before a rename, by old slug: one statement (none for no slugs). */
    public static Map<String, Long> owners(Class<?> entity, Collection<String> slugs) {
        Map<String, Long> owners = new HashMap<>();
        if (slugs.isEmpty()) {
            return owners;
        }
        Panache.getEntityManager()
                .createQuery("select h.slug, h.resourceId from RetiredSlug h where h.resourceType = :kind"
                        + " and h.slug in :slugs", Object[].class)
                .setParameter("kind", kind(entity)).setParameter("slugs", slugs)
                .getResultStream()
                .forEach(row -> owners.put((String) row[0], ((Number) row[1]).longValue()));
        return owners;
    }

    /** Before these resources are deleted: their old slugs go with them, free for others again. */
    public static void forget(Class<?> entity, Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        Panache.getEntityManager()
                .createQuery("delete from RetiredSlug h where h.resourceType = :kind and h.resourceId in :ids")
                .setParameter("kind", kind(entity)).setParameter("ids", ids)
                .executeUpdate();
    }
}
