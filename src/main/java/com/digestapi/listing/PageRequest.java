package com.digestapi.listing;


import java.util.List;
import java.util.stream.Collectors;

/** Page number, size and sort order of one list request, already checked against the contract. */
public record PageRequest(int page, int size, List<SortOrder> sort, String leadingKey) {

    public PageRequest(int page, int size, List<SortOrder> sort) {
        this(page, size, sort, null);
    }

    /**
     * The same request with its ORDER BY led by an HQL path that the query's filters hold constant (e.g. a flag the
     * WHERE clause fixes): the order of the rows does not change, but an index that starts with that column can
     * then serve the order (H2 uses an index for ORDER BY only when the index starts with the ORDER BY's columns).
     */
    public PageRequest ledBy(String constantKey) {
        return new PageRequest(page, size, sort, constantKey);
    }

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    public static final int MAX_PAGE = 1_000_000;

    public int offset() {
        return page * size;
    }

    /** ORDER BY clause; the id ends it so that pages never overlap or skip rows with equal sort keys. */
    public String orderBy(String alias) {
        String id = alias + ".id";
        String keys = sort.stream().map(SortOrder::hql).collect(Collectors.joining(", "));
        boolean hasId = sort.stream().anyMatch(o -> o.path().equals(id));
        String lead = leadingKey == null ? "" : leadingKey + ", ";
        return " order by " + lead + keys + (hasId ? "" : (keys.isEmpty() ? "" : ", ") + id);
    }

    /** One sort key: the HQL path it stands for and its direction; missing values come last either way. */
    public record SortOrder(String path, boolean descending) {
        String hql() {
            // Explicit, since databases differ: H2 puts nulls first in ascending order, PostgreSQL last.
            return path + (descending ? " desc" : " asc") + " nulls last";
        }
    }
}
