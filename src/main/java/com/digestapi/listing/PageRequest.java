package com.digestapi.listing;

import java.util.ArrayList;
import java.util.List;

/** Page number, size and sort order of one list request, already checked against the contract. */
public record PageRequest(int page, int size, List<SortOrder> sort) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    public static final int MAX_PAGE = 1_000_000;

    public int offset() {
        return page * size;
    }

    /** The HQL order keys; the id ends them so that pages never overlap or skip rows with equal sort keys. */
    public List<String> orderKeys(String alias) {
        String id = alias + ".id";
        List<String> keys = new ArrayList<>(sort.stream().map(SortOrder::hql).toList());
        if (sort.stream().noneMatch(o -> o.path().equals(id))) {
            keys.add(id);
        }
        return keys;
    }

    /** One sort key: the HQL path it stands for and its direction; missing values come last either way. */
    public record SortOrder(String path, boolean descending) {
        String hql() {
            // Explicit, since databases differ: H2 puts nulls first in ascending order, PostgreSQL last.
            return path + (descending ? " desc" : " asc") + " nulls last";
        }
    }
}
