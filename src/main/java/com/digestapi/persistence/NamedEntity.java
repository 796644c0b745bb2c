package com.digestapi.persistence;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A row that articles embed by a unique slug and a unique name (outlets, topics): the columns, the renaming rule, the
 * lookups by slug (current or old) or name that they share. Each entity keeps its own id and sequence.
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
     * name. A slug or name another row has, or a slug another row had before a rename, is a 409; a slug this row
     * leaves is kept as a redirect to it (see {@link SlugHistory#claim}).
     *
     * @return whether a stored row's slug or name changed, so that the articles embedding them changed too
     */
    public boolean rename(String requestedSlug, String requestedName) {
        Class<? extends NamedEntity> type = getClass();
        String kind = type.getSimpleName().toLowerCase(Locale.ROOT);
        String newName = requestedName.strip();
        String newSlug = requestedSlug != null ? requestedSlug
                : slug != null ? slug : Slugs.unique(type, Slugs.slugify(newName, kind));
        SlugHistory.claim(type, id(), slug, newSlug);
        Uniqueness.requireName(type, newName, id());
        boolean renamed = id() != null && (!newSlug.equals(slug) || !newName.equals(name));
        slug = newSlug;
        name = newName;
        return renamed;
    }

    /**
     * The row a document names by slug or name, case-insensitively ("nikkei-asia", "Nikkei Asia" and "NIKKEI ASIA" all
     * name the row whose slug is nikkei-asia), or by a slug it had before a rename; made by {@code create} from the
     * stripped reference when there is none.
     */
    public static <T extends NamedEntity> T resolve(Class<T> type, String reference, Function<String, T> create) {
        String ref = reference.strip();
        String name = type.getSimpleName();
        // A current slug or name first: a row that has it wins over one that had it.
        return Panache.getEntityManager()
                .createQuery("select e from " + name + " e where e.slug = ?1 or e.slug = ?2"
                        + " or lower(e.name) = lower(?3)"
                        + " or e.id in (select h.resourceId from RetiredSlug h where h.resourceType = ?4"
                        + " and h.slug in (?1, ?2))"
                        + " order by case when e.slug in (?1, ?2) or lower(e.name) = lower(?3) then 0 else 1 end",
                        type)
                .setParameter(1, ref.toLowerCase(Locale.ROOT))
                .setParameter(2, Slugs.slugify(ref, ""))
                .setParameter(3, ref)
                .setParameter(4, SlugHistory.kind(type))
                .setMaxResults(1)
                .getResultList().stream().findFirst()
                .orElseGet(() -> create.apply(ref));
    }

    /** What a slug names now: the id, slug and name of the row that carries it, or carried it before a rename. */
    public record Named(long id, String slug, String name) {
    }

    /**
     * The rows these slugs name now, by entity type and then by the slug given: a row's current slug names it, and so
     * does every slug it carried before a rename. All types in one statement (none when no slugs are given); unknown
     * slugs are left out.
     */
    public static Map<Class<? extends NamedEntity>, Map<String, Named>> named(
            Map<Class<? extends NamedEntity>, ? extends Collection<String>> slugs) {
        List<Class<? extends NamedEntity>> types = slugs.entrySet().stream()
                .filter(e -> !e.getValue().isEmpty()).map(Map.Entry::getKey).toList();
        Map<Class<? extends NamedEntity>, Map<String, Named>> named = new HashMap<>();
        slugs.keySet().forEach(type -> named.put(type, new HashMap<>()));
        if (types.isEmpty()) {
            return named;
        }
        List<String> branches = new ArrayList<>();
        for (int i = 0; i < types.size(); i++) {
            String entity = types.get(i).getSimpleName();
            branches.add("select " + i + ", e.slug, e.slug, e.name, e.id from " + entity
                    + " e where e.slug in :slugs" + i);
            branches.add("select " + i + ", h.slug, e.slug, e.name, e.id from RetiredSlug h join " + entity + " e"
                    + " on e.id = h.resourceId where h.resourceType = :kind" + i + " and h.slug in :slugs" + i);
        }
        TypedQuery<Object[]> query = Panache.getEntityManager()
                .createQuery(String.join(" union all ", branches), Object[].class);
        for (int i = 0; i < types.size(); i++) {
            query.setParameter("slugs" + i, slugs.get(types.get(i)));
            query.setParameter("kind" + i, SlugHistory.kind(types.get(i)));
        }
        for (Object[] row : query.getResultList()) {
            String given = (String) row[1];
            // A slug is current on one row or retired by one; were it both, the current one would win.
            Named current = new Named(((Number) row[4]).longValue(), (String) row[2], (String) row[3]);
            named.get(types.get(((Number) row[0]).intValue())).merge(given, current,
                    (a, b) -> a.slug().equals(given) ? a : b);
        }
        return named;
    }
}
