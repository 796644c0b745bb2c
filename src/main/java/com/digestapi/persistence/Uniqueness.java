package com.digestapi.persistence;

import com.digestapi.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.Panache;
import java.util.List;

/**
 * Checks a unique name before a write, so a taken one is a clear 409 rather than a constraint failure. Slugs, which
 * stay taken after a rename too, are checked by {@link SlugHistory#claim}.
 */
public final class Uniqueness {

    private Uniqueness() {
    }

    /**
     * @param name   compared case-insensitively
     * @param selfId the id of the row being changed, which may keep its own name; null on create
     */
    public static void requireName(Class<?> entity, String name, Long selfId) {
        String entityName = entity.getSimpleName();
        List<Long> owners = Panache.getEntityManager()
                .createQuery("select e.id from " + entityName + " e where lower(e.name) = lower(:value)", Long.class)
                .setParameter("value", name)
                .getResultList();
        owners.stream().filter(id -> !id.equals(selfId)).findFirst().ifPresent(id -> {
            throw ProblemException.conflict("name '" + name + "' is already taken by "
                    + entityName.toLowerCase(java.util.Locale.ROOT) + " " + id);
        });
    }
}
