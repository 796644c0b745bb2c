package com.digestapi.listing;

import com.digestapi.listing.PageRequest.SortOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields a list can be sorted by (API name to HQL path), its default order, and the paths whose column may be
 * null: a keyset page after a row must also look for the rows without a value, which sort last.
 * {@code SortKeyNullabilityTest} checks them against the schema.
 */
public record SortFields(Map<String, String> paths, String defaultSort, Set<String> nullablePaths) {

    /** The form of a sort parameter, whatever the list's fields. */
    public static final String PATTERN = "^ *[-+]?[A-Za-z]+ *(, *[-+]?[A-Za-z]+ *)*$";
    /**
     * What the API description allows: longer than every field of any list once, so a longer sort repeats a field
     * (the first one counts) or names one the list does not have.
     */
    public static final int MAX_LENGTH = 200;

    public SortFields(Map<String, String> paths, String defaultSort) {
        this(paths, defaultSort, Set.of());
    }

    public static SortFields of(String alias, String defaultSort, String... fields) {
        Map<String, String> paths = new LinkedHashMap<>();
        for (String field : fields) {
            paths.put(field, alias + "." + field);
        }
        return new SortFields(paths, defaultSort);
    }

    /** The same fields, of which these may hold no value. */
    public SortFields nullable(String... fields) {
        Set<String> nullable = new java.util.HashSet<>(nullablePaths);
        for (String field : fields) {
            String path = paths.get(field);
            if (path == null) {
                throw new IllegalArgumentException("no sort field " + field);
            }
            nullable.add(path);
        }
        return new SortFields(paths, defaultSort, Set.copyOf(nullable));
    }

    /** These fields and one more, e.g. an order that only a search index can give. */
    public SortFields and(String field, String path) {
        Map<String, String> more = new LinkedHashMap<>(paths);
        more.put(field, path);
        return new SortFields(more, defaultSort, nullablePaths);
    }

    /** The same fields with another default order. */
    public SortFields byDefault(String sort) {
        return new SortFields(paths, sort, nullablePaths);
    }

    /** Parses "-publishedOn,headline"; null when a field is unknown (the caller reports it). */
    List<SortOrder> parse(String raw, List<String> unknown) {
        List<SortOrder> orders = new ArrayList<>();
        for (String token : raw.split(",", -1)) {
            String field = token.trim();
            boolean descending = field.startsWith("-");
            if (descending || field.startsWith("+")) {
                field = field.substring(1);
            }
            String path = paths.get(field);
            if (path == null) {
                unknown.add(field);
            } else if (orders.stream().noneMatch(o -> o.path().equals(path))) {
                orders.add(new SortOrder(path, descending, nullablePaths.contains(path)));
            }
        }
        return orders;
    }
}
