package com.digestapi.listing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The WHERE clause and named parameters of one list query, built filter by filter. */
public final class Filters {

    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> parameters = new HashMap<>();

    /** Adds a clause with one named parameter, or nothing when the value is absent. */
    public Filters add(String clause, String parameter, Object value) {
        if (value != null && !(value instanceof java.util.Collection<?> c && c.isEmpty())) {
            clauses.add(clause);
            parameters.put(parameter, value);
        }
        return this;
    }

    public String where() {
        return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }

    public Map<String, Object> parameters() {
        return parameters;
    }

    /** A LIKE pattern matching the text anywhere, with the text's own % _ and \ taken literally. */
    public static String containing(String lowercaseText) {
        if (lowercaseText == null) {
            return null;
        }
        String escaped = lowercaseText.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + escaped.toLowerCase(Locale.ROOT) + "%";
    }

    /** The escape clause that goes with {@link #containing}. */
    public static final String ESCAPE = " escape '\\'";
}
