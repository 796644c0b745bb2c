package com.digestapi.listing;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One list query in HQL, built filter by filter: its root, what it selects, its WHERE clauses with their named
 * parameters, an optional constant key that leads its order (see {@link #orderLedBy}) and an optional cheaper count.
 * Runs as two statements ({@link #page}: the count of all matches, then one page) or one ({@link #first}: no count).
 */
public final class ListQuery {

    /** The escape clause that goes with {@link #containing}. */
    public static final String ESCAPE = " escape '\\'";

    private final String from;
    private final String alias;
    private String select;
    private final List<String> clauses = new ArrayList<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private String countQuery;
    private String orderLead;

    private ListQuery(String entity, String alias) {
        this.from = "from " + entity + " " + alias;
        this.alias = alias;
        this.select = "select " + alias;
    }

    /** A query over every row of the entity, e.g. {@code ListQuery.of("Article", "a")}. */
    public static ListQuery of(String entity, String alias) {
        return new ListQuery(entity, alias);
    }

    /** What each row is, e.g. "select a.id" (default: the entity itself). */
    public ListQuery select(String select) {
        this.select = select;
        return this;
    }

    /** Adds a clause with one named parameter, or nothing when the value is absent (null or an empty collection). */
    public ListQuery where(String clause, String parameter, Object value) {
        if (value != null && !(value instanceof Collection<?> c && c.isEmpty())) {
            clauses.add(clause);
            parameters.put(parameter, value);
        }
        return this;
    }

    /** The names of the filters that apply, for rules that choose a plan by them. */
    public Set<String> filters() {
        return parameters.keySet();
    }

    /**
     * Counts with this HQL instead of "select count(alias) from ... where ...": an equivalent that the database answers
     * faster. It may use some or all of the filters' parameters.
     */
    public ListQuery countWith(String countHql) {
        this.countQuery = countHql;
        return this;
    }

    /**
     * Leads the ORDER BY with a path that the WHERE clause holds constant: the order of the rows does not change, but an
     * index that starts with that column can then serve the order (H2 uses an index for ORDER BY only when the index
     * starts with the ORDER BY's columns). Null for none.
     */
    public ListQuery orderLedBy(String constantPath) {
        this.orderLead = constantPath;
        return this;
    }

    /** The count of all matches, then the requested page in the requested order (the id breaks ties). */
    public <R> Page<R> page(PageRequest request, Class<R> rowType) {
        TypedQuery<Long> count = Panache.getEntityManager().createQuery(countQuery != null ? countQuery
                : "select count(" + alias + ") " + from + where(), Long.class);
        bind(count);
        long total = count.getSingleResult();
        if (request.offset() >= total) {
            return Page.of(List.of(), request, total);
        }
        TypedQuery<R> rows = Panache.getEntityManager()
                .createQuery(select + " " + from + where() + orderBy(request.orderKeys(alias)), rowType)
                .setFirstResult(request.offset())
                .setMaxResults(request.size());
        bind(rows);
        return Page.of(rows.getResultList(), request, total);
    }

    /** The first rows in this order (HQL order keys, the last of which must make it total), without a count. */
    public <R> List<R> first(int limit, List<String> orderKeys, Class<R> rowType) {
        TypedQuery<R> rows = Panache.getEntityManager()
                .createQuery(select + " " + from + where() + orderBy(orderKeys), rowType)
                .setMaxResults(limit);
        bind(rows);
        return rows.getResultList();
    }

    private String where() {
        return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
    }

    private String orderBy(List<String> keys) {
        return " order by " + (orderLead == null ? "" : orderLead + ", ") + String.join(", ", keys);
    }

    /** Binds the parameters the query declares (a count query may need fewer than the filters hold). */
    private void bind(TypedQuery<?> query) {
        query.getParameters().forEach(p -> query.setParameter(p.getName(), parameters.get(p.getName())));
    }

    /** A LIKE pattern matching the text anywhere, with the text's own % _ and \ taken literally. */
    public static String containing(String text) {
        if (text == null) {
            return null;
        }
        String escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + lowerCase(escaped) + "%";
    }

    /**
     * Lower case for searching, in time linear in the text. String.toLowerCase(Locale.ROOT) takes quadratic time on
     * 'İ' (each one regrows the result) and 'Σ' (each one scans the text for word boundaries): a minute of CPU for a
     * summary and quotes full of them. This gives the same but for where a word ends in Σ, which it takes to be after
     * a letter and before none (ς), a simpler rule than the JDK's; the search text and q both fold with it.
     */
    public static String lowerCase(String text) {
        StringBuilder lower = new StringBuilder(text.length() + 16);
        boolean afterLetter = false;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c == 'İ') {
                lower.append("i\u0307");
            } else if (c == 'Σ') {
                boolean beforeLetter = i < text.length() && Character.isLetter(text.codePointAt(i));
                lower.append(afterLetter && !beforeLetter ? 'ς' : 'σ');
            } else {
                lower.appendCodePoint(Character.toLowerCase(c));
            }
            afterLetter = Character.isLetter(c);
        }
        return lower.toString();
    }
}
