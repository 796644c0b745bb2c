package com.digestapi.listing;

import java.util.ArrayList;
import java.util.List;

/**
 * Which page of a list a request wants, already checked against the contract: a page number (an OFFSET), or the cursor
 * of a next link (a keyset: the rows after the cursor's sort keys); its size and sort order.
 *
 * @param page   the page number; for a cursor page, the number of the page (at this size) that its first row is on,
 *               counting the rows the walk has passed
 * @param cursor where a cursor page starts, or null for a numbered page
 */
public record PageRequest(int page, int size, List<SortOrder> sort, Cursor cursor) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;
    /**
     * How deep numbered pages reach: every row of a page lies within the first MAX_OFFSET of the list, so page × size +
     * size is at most this. An OFFSET reads and throws away every row before the page, so page 50,000 of a million
     * articles would cost 50,000 times page 0; a cursor costs what page 0 costs at any depth. Equal to the default count
     * bound ({@code digest.list.count-limit}): every page the total counts is reachable by number.
     */
    public static final int MAX_OFFSET = 10_000;
    /** The highest page number at any size (size 1). */
    public static final int MAX_PAGE = MAX_OFFSET - 1;

    public PageRequest(int page, int size, List<SortOrder> sort) {
        this(page, size, sort, null);
    }

    /** A page of the given number: the cursor page of a position counts as the page that position falls on. */
    public static PageRequest at(Cursor cursor, int size, List<SortOrder> sort) {
        return new PageRequest((int) (cursor.position() / size), size, sort, cursor);
    }

    /** The rows before a numbered page (the OFFSET); a cursor page has none. */
    public int offset() {
        return cursor == null ? page * size : 0;
    }

    /** How many rows of the list come before this page along the walk that reached it. */
    public long start() {
        return cursor == null ? (long) page * size : cursor.position();
    }

    /** Whether numbered page {@code page} lies within {@link #MAX_OFFSET} at this size. */
    public static boolean reachable(long page, int size) {
        return page >= 0 && (page + 1) * size <= MAX_OFFSET;
    }

    /** The highest page number reachable at this size. */
    public static int lastReachable(int size) {
        return MAX_OFFSET / size - 1;
    }

    /**
     * The keys that order the list, the id last: the requested ones up to the id, or all of them and the id (ascending)
     * after them. The id is unique, so it makes the order total (pages never overlap or skip rows with equal sort keys)
     * and nothing after it could change the order. A keyset page starts after the values of these keys.
     */
    public List<SortOrder> keys(String alias) {
        String id = alias + ".id";
        List<SortOrder> keys = new ArrayList<>();
        for (SortOrder order : sort) {
            keys.add(order);
            if (order.path().equals(id)) {
                return keys;
            }
        }
        keys.add(new SortOrder(id, false));
        return keys;
    }

    /** The HQL order keys: {@link #keys}, each requested one nulls last; the added id plain, as its indexes have it. */
    public List<String> orderKeys(String alias) {
        List<SortOrder> keys = keys(alias);
        List<String> hql = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            hql.add(i < sort.size() ? keys.get(i).hql() : keys.get(i).path());
        }
        return hql;
    }

    /**
     * One sort key: the HQL path it stands for, its direction, and whether the column may hold no value (null); missing
     * values come last either way.
     */
    public record SortOrder(String path, boolean descending, boolean nullable) {

        public SortOrder(String path, boolean descending) {
            this(path, descending, false);
        }

        String hql() {
            // Explicit, since databases differ: H2 puts nulls first in ascending order, PostgreSQL last.
            return path + (descending ? " desc" : " asc") + " nulls last";
        }
    }
}
