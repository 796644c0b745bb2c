package com.digestapi.persistence;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A row that articles embed by a unique slug and a unique name (outlets, topics): the columns, the renaming rule, the
 * lookup by slug or name and the article-count select they share. Each entity keeps its own id and sequence.
 */
@MappedSuperclass
public abstract class NamedEntity extends TrackedEntity {

    /** Column size: input validation and the API description take it from here. */
    public static final int NAME_LENGTH = 200;

    @Column(nullable = false, unique = true, length = Slugs.MAX_LENGTH)
    public String slug;

    @Column(nullable = false, unique = true, length = NAME_LENGTH)
    public String name;

    /** The id, which each entity declares with its own sequence; null before the first flush. */
    protected abstract Long id();

    /**
     * Takes the name and slug a write asks for: the given slug, else the current one, else a free one made from the
     * name. A slug or name another row has is a 409.
     *
     * @return whether a stored row's slug or name changed, so that the articles embedding them changed too
     */
    public boolean rename(String requestedSlug, String requestedName) {
        Class<? extends NamedEntity> type = getClass();
        String kind = type.getSimpleName().toLowerCase(Locale.ROOT);
        String newName = requestedName.strip();
        String newSlug = requestedSlug != null ? requestedSlug
                : slug != null ? slug : Slugs.unique(type, Slugs.slugify(newName, kind));
        Uniqueness.require(type, "slug", newSlug, id());
        Uniqueness.require(type, "name", newName, id());
        boolean renamed = id() != null && (!newSlug.equals(slug) || !newName.equals(name));
        slug = newSlug;
        name = newName;
        return renamed;
    }

    /**
     * The row a document names by slug or name, case-insensitively ("nikkei-asia", "Nikkei Asia" and "NIKKEI ASIA" all
     * name the row whose slug is nikkei-asia); made by {@code create} from the stripped reference when there is none.
     */
    public static <T extends NamedEntity> T resolve(Class<T> type, String reference, Function<String, T> create) {
        String ref = reference.strip();
        return Panache.getEntityManager()
                .createQuery("from " + type.getSimpleName() + " e where e.slug = ?1 or e.slug = ?2"
                        + " or lower(e.name) = lower(?3)", type)
                .setParameter(1, ref.toLowerCase(Locale.ROOT))
                .setParameter(2, Slugs.slugify(ref, ""))
                .setParameter(3, ref)
                .setMaxResults(1)
                .getResultList().stream().findFirst()
                .orElseGet(() -> create.apply(ref));
    }

    /** The names of the rows with these slugs, by slug, in one statement; unknown slugs are left out. */
    public static Map<String, String> namesBySlug(Class<? extends NamedEntity> type, Collection<String> slugs) {
        if (slugs.isEmpty()) {
            return Map.of();
        }
        return Panache.getEntityManager()
                .createQuery("select e.slug, e.name from " + type.getSimpleName() + " e where e.slug in :slugs",
                        Object[].class)
                .setParameter("slugs", slugs).getResultStream()
                .collect(Collectors.toMap(r -> (String) r[0], r -> (String) r[1]));
    }
}
