package com.digestapi.persistence;

import io.quarkus.hibernate.orm.panache.Panache;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The one slug generator: URL-safe, readable identifiers made from names, titles and headlines. Its schema is what the
 * API description names where a slug stands alone (the values of topic=, outlet=).
 */
@Schema(name = "Slug", type = SchemaType.STRING, maxLength = Slugs.MAX_LENGTH, pattern = Slugs.PATTERN,
        examples = "nuclear-energy")
public final class Slugs {

    public static final String PATTERN = "^[a-z0-9]+(-[a-z0-9]+)*$";
    public static final int MAX_LENGTH = 120;
    private static final int BASE_LENGTH = 80;

    private Slugs() {
    }

    /** "Türkiye & Central Asia!" becomes "turkiye-central-asia"; text with no Latin letters or digits gives the fallback. */
    public static String slugify(String text, String fallback) {
        String plain = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}", "")
                // Lower case first, so that Ł, Ø, Æ, Đ, Œ, Þ and Ð (which do not decompose) are spelled out too.
                .toLowerCase(Locale.ROOT)
                .replace("ı", "i").replace("ß", "ss").replace("ø", "o").replace("æ", "ae").replace("đ", "d").replace("ł", "l")
                .replace("œ", "oe").replace("þ", "th").replace("ð", "d")
                .replaceAll("['’`]", "")
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (plain.length() > BASE_LENGTH) {
            plain = plain.substring(0, BASE_LENGTH);
            int cut = plain.lastIndexOf('-');
            plain = cut > BASE_LENGTH / 2 ? plain.substring(0, cut) : plain.replaceAll("-+$", "");
        }
        return plain.isEmpty() ? fallback : plain;
    }

    /**
     * The base slug if no row of the entity has it or had it before a rename (see {@link SlugHistory}), else the first
     * free "base-2", "base-3", ...
     */
    public static String unique(Class<?> entity, String base) {
        // Most bases are free: one lookup of the unique indexes. The numbered variants are looked for only then, since
        // H2 cannot range over an index for LIKE with a parameter and reads every slug of the table instead.
        boolean baseTaken = !Panache.getEntityManager()
                .createQuery("select e.slug from " + entity.getSimpleName() + " e where e.slug = :base"
                        + " union all select h.slug from RetiredSlug h where h.resourceType = :kind and h.slug = :base",
                        String.class)
                .setParameter("base", base)
                .setParameter("kind", SlugHistory.kind(entity))
                .getResultList().isEmpty();
        if (!baseTaken) {
            return base;
        }
        Set<String> taken = new HashSet<>(Panache.getEntityManager()
                .createQuery("select e.slug from " + entity.getSimpleName() + " e where e.slug like :prefix"
                        + " union all select h.slug from RetiredSlug h where h.resourceType = :kind"
                        + " and h.slug like :prefix", String.class)
                .setParameter("prefix", base + "-%")
                .setParameter("kind", SlugHistory.kind(entity))
                .getResultList());
        for (int n = 2; ; n++) {
            String candidate = base + "-" + n;
            if (!taken.contains(candidate)) {
                return candidate;
            }
        }
    }
}
