package com.digestapi.common;

import java.util.List;
import java.util.stream.Collectors;

/** Page number, size and sort order of one list request, already checked against the contract. */
public record PageRequest(int page, int size, List<SortOrder> sort) {

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
        return " order by " + keys + (hasId ? "" : (keys.isEmpty() ? "" : ", ") + id);
    }

    /** One sort key: the HQL path it stands for and its direction; missing values come last either way. */
    public record SortOrder(String path, boolean descending) {
        String hql() {
            // Explicit, since databases differ: H2 puts nulls first in ascending order, PostgreSQL last.
            return path + (descending ? " desc" : " asc") + " nulls last";
        }
    }
}
