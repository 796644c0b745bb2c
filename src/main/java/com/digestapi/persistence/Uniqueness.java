package com.digestapi.persistence;

import com.digestapi.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.Panache;
import java.util.List;

/** Checks a unique slug or name before a write, so a taken one is a clear 409 rather than a constraint failure. */
public final class Uniqueness {

    private Uniqueness() {
    }

    /**
     * @param field  "slug" (compared exactly) or "name" (compared case-insensitively)
     * @param selfId the id of the row being changed, which may keep its own value; null on create
     */
    public static void require(Class<?> entity, String field, String value, Long selfId) {
        String entityName = entity.getSimpleName();
        String comparison = field.equals("slug") ? "e.slug = :value" : "lower(e." + field + ") = lower(:value)";
        List<Long> owners = Panache.getEntityManager()
                .createQuery("select e.id from " + entityName + " e where " + comparison, Long.class)
                .setParameter("value", value)
                .getResultList();
        owners.stream().filter(id -> !id.equals(selfId)).findFirst().ifPresent(id -> {
            throw ProblemException.conflict(field + " '" + value + "' is already taken by "
                    + entityName.toLowerCase(java.util.Locale.ROOT) + " " + id);
        });
    }
}
