package com.digestapi.listing;

import com.digestapi.listing.PageRequest.SortOrder;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The keyset condition of a cursor page: the rows that come after a given row in the list's order, written over the
 * order's keys in HQL, missing values last in either direction as the ORDER BY has them; and the keys' values as the
 * text a cursor carries.
 */
final class Keyset {

    private Keyset() {
    }

    /**
     * HQL that holds for the rows after the row whose keys have these values, in the order of these keys (the last one
     * unique and never null: the id). It binds its parameters into {@code parameters} as after0, after1, ...
     *
     * <p>For keys k1 (descending) and id (ascending) after (v1, v2): {@code k1 <= v1 and (k1 < v1 or (k1 = v1 and
     * id > v2))}. The first conjunct says nothing new, but it is a range an index on k1 can start from, instead of
     * reading the list from its start and filtering. A nullable key adds {@code or k is null} to "after a value" (missing
     * values come after every value); after a missing value come only other missing ones, ordered by the next keys.
     */
    static String after(List<SortOrder> keys, List<Object> values, Map<String, Object> parameters) {
        if (keys.size() != values.size()) {
            throw new IllegalArgumentException(values.size() + " values for " + keys.size() + " keys");
        }
        List<String> alternatives = new ArrayList<>();
        List<String> equalSoFar = new ArrayList<>();
        for (int i = 0; i < keys.size(); i++) {
            SortOrder key = keys.get(i);
            Object value = values.get(i);
            if (value == null) {
                equalSoFar.add(key.path() + " is null");
                continue;
            }
            String parameter = "after" + i;
            parameters.put(parameter, value);
            List<String> alternative = new ArrayList<>(equalSoFar);
            alternative.add(orMissing(key, key.path() + (key.descending() ? " < :" : " > :") + parameter));
            alternatives.add(alternative.size() == 1 ? alternative.get(0) : "(" + String.join(" and ", alternative) + ")");
            equalSoFar.add(key.path() + " = :" + parameter);
        }
        if (alternatives.isEmpty()) {
            return "1 = 0";
        }
        String rest = alternatives.size() == 1 ? alternatives.get(0) : "(" + String.join(" or ", alternatives) + ")";
        if (keys.size() == 1) {
            return rest;
        }
        SortOrder first = keys.get(0);
        String bound = values.get(0) == null ? first.path() + " is null"
                : orMissing(first, first.path() + (first.descending() ? " <= :" : " >= :") + "after0");
        return bound + " and " + rest;
    }

    private static String orMissing(SortOrder key, String comparison) {
        return key.nullable() ? "(" + comparison + " or " + key.path() + " is null)" : comparison;
    }

    /** The value as a cursor carries it: text that {@link #value} turns back into the same value, or null. */
    static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Enum<?> constant) {
            return constant.name();
        }
        if (value instanceof String || value instanceof Number || value instanceof Boolean || value instanceof LocalDate
                || value instanceof Instant || value instanceof LocalDateTime || value instanceof OffsetDateTime) {
            return value.toString();
        }
        throw new IllegalStateException("a sort key of type " + value.getClass().getName() + " has no cursor form");
    }

    /**
     * The value of this type that the text stands for.
     *
     * @throws IllegalArgumentException when the text is no value of the type
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static Object value(String text, Class<?> type) {
        if (text == null) {
            return null;
        }
        try {
            if (type == String.class) {
                return text;
            }
            if (type == Long.class || type == long.class) {
                return Long.valueOf(text);
            }
            if (type == Integer.class || type == int.class) {
                return Integer.valueOf(text);
            }
            if (type == LocalDate.class) {
                return LocalDate.parse(text);
            }
            if (type == Instant.class) {
                return Instant.parse(text);
            }
            if (type == LocalDateTime.class) {
                return LocalDateTime.parse(text);
            }
            if (type == OffsetDateTime.class) {
                return OffsetDateTime.parse(text);
            }
            if (type == Boolean.class || type == boolean.class) {
                if (!text.equals("true") && !text.equals("false")) {
                    throw new IllegalArgumentException("not a boolean");
                }
                return Boolean.valueOf(text);
            }
            if (type.isEnum()) {
                return Enum.valueOf((Class<Enum>) type, text);
            }
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not a " + type.getSimpleName(), e);
        }
        throw new IllegalStateException("a sort key of type " + type.getName() + " has no cursor form");
    }
}
