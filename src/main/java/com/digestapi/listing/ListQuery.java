package com.digestapi.listing;

import com.digestapi.caching.ListTotals;
import com.digestapi.config.DigestConfig;
import com.digestapi.listing.PageRequest.SortOrder;
import com.digestapi.problem.ProblemException;
import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.metamodel.EntityType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * One list query in HQL, built filter by filter: its root, what it selects, its WHERE clauses with their named
 * parameters, an optional constant key that leads its order (see {@link #orderLedBy}) and an optional exact count.
 * Runs as two statements ({@link #page}: the count of the matches, then one page, numbered or after a cursor) or one
 * ({@link #first}: no count). The one place lists are paged.
 */
public final class ListQuery {

    /** The escape clause that goes with {@link #containing}. */
    public static final String ESCAPE = " escape '\\'";

    /** What a cursor that this service did not make, or that was changed, is told. */
    public static final String MALFORMED_CURSOR = "is not a cursor of this list as the service made it (malformed or"
            + " changed); follow the next link as it is given";

    private final String entity;
    private final String from;
    private final String alias;
    private String select;
    private final List<String> clauses = new ArrayList<>();
    private final Map<String, String> walkedClauses = new LinkedHashMap<>();
    private final Map<String, Object> parameters = new LinkedHashMap<>();
    private String countQuery;
    private String orderLead;
    private int leadFrom;
    private boolean content;

    private ListQuery(String entity, String alias) {
        this.entity = entity;
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
     * Counts exactly with this HQL instead of counting at most {@code digest.list.count-limit} + 1 matches: an equivalent
     * of "select count(alias) from ... where ..." that the database answers cheaply however many rows match. It may use
     * some or all of the filters' parameters.
     */
    public ListQuery countWith(String countHql) {
        this.countQuery = countHql;
        return this;
    }

    /**
     * Says that the rows change only in content writes (those that move the content version), so that the total of a
     * filter can be counted once per version and shared by its pages (see {@link ListTotals}). Not for rows that
     * change otherwise (activity records, webhook deliveries, pruned revisions): their totals are counted every time.
     */
    public ListQuery ofContent() {
        this.content = true;
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

    /**
     * Like {@link #orderLedBy}, but only when the count finds at least {@code matches} rows: a walk in the list's order
     * finds a page quickly when the matches are many, and reads the whole index to find a few; those few are cheaper to
     * find through the filter's own index and sort.
     */
    public ListQuery orderLedBy(String constantPath, int matches) {
        this.orderLead = constantPath;
        this.leadFrom = matches;
        return this;
    }

    /**
     * Writes a clause of {@link #where} otherwise while the order is led: the same condition in a form that no index
     * serves, so that the database checks it on each row of the walk instead of starting from that clause's own index
     * and sorting all its matches (H2 prefers a range of a selective index to walking one in the requested order).
     */
    public ListQuery walkChecking(String clause, String sameCondition) {
        walkedClauses.put(clause, sameCondition);
        return this;
    }

    /**
     * The count of the matches, then the requested page in the requested order (the id breaks ties), with the cursor of
     * the next page when there is one. A numbered page skips the rows before it (OFFSET); a cursor page starts after the
     * cursor's sort keys (a keyset condition that an index can start from), so it costs the same at any depth. The count
     * is exact when {@link #countWith} gave one, else bounded (see {@link #count}). Two statements either way.
     *
     * @throws ProblemException (400 naming the cursor) when the cursor was made for another sort or other filters
     */
    public <R> Page<R> page(PageRequest request, Class<R> rowType) {
        EntityManager em = Panache.getEntityManager();
        List<SortOrder> keys = request.keys(alias);
        String list = fingerprint(keys);
        Map<String, Object> keyset = new LinkedHashMap<>();
        String after = null;
        if (request.cursor() != null) {
            after = Keyset.after(keys, cursorValues(em, request.cursor(), list, keys), keyset);
        }
        ListTotals.Total count = count(em);
        if (request.cursor() == null && count.exact() && request.offset() >= count.value()) {
            return Page.of(List.of(), request, count.value(), true, null);
        }
        String keyColumns = keys.stream().map(k -> ", " + k.path()).collect(Collectors.joining());
        boolean led = orderLead != null && !(count.exact() && count.value() < leadFrom);
        TypedQuery<Object[]> query = em.createQuery(select + keyColumns + " " + from + where(after, led)
                        + orderBy(request.orderKeys(alias), led), Object[].class)
                .setMaxResults(request.size() + 1);
        if (request.cursor() == null) {
            query.setFirstResult(request.offset());
        }
        bind(query, keyset);
        List<Object[]> rows = query.getResultList();
        List<R> items = new ArrayList<>();
        for (Object[] row : rows.subList(0, Math.min(rows.size(), request.size()))) {
            items.add(item(row, row.length - keys.size(), rowType));
        }
        String next = null;
        if (rows.size() > request.size()) {
            Object[] last = rows.get(request.size() - 1);
            List<String> lastKeys = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                lastKeys.add(Keyset.text(last[last.length - keys.size() + i]));
            }
            // Past two billion items the page numbers stop counting; the cursor still walks on.
            next = new Cursor(list, Math.min(request.start() + request.size(), Cursor.MAX_POSITION), lastKeys).encode();
        }
        return Page.of(items, request, count.value(), count.exact(), next);
    }

    /** The first rows in this order (HQL order keys, the last of which must make it total), without a count. */
    public <R> List<R> first(int limit, List<String> orderKeys, Class<R> rowType) {
        TypedQuery<R> rows = Panache.getEntityManager()
                .createQuery(select + " " + from + where() + orderBy(orderKeys), rowType)
                .setMaxResults(limit);
        bind(rows, Map.of());
        return rows.getResultList();
    }

    /**
     * The count that {@link #countWith} gave, exact; else the matches found, reading at most
     * {@code digest.list.count-limit} + 1 of them: the database stops there, in whatever order it finds them first, so a
     * popular topic's 100,000 matches cost what 10,001 of them cost. Over the bound the total is the bound, not exact.
     * One row per match comes back (a constant, no column): HQL refuses a LIMIT without an ORDER BY in a subquery, and
     * an order would make the database find every match before it could stop. Either is counted once per filter and
     * content version when the rows are content (see {@link #ofContent}): the pages of one filter share it.
     */
    private ListTotals.Total count(EntityManager em) {
        int limit = Math.min(Math.max(Arc.container().instance(DigestConfig.class).get().list().countLimit(), 1),
                Integer.MAX_VALUE - 1);
        String statement = countQuery != null ? countQuery : "select 1 " + from + where();
        // The filter: what the count sends, and the values it binds.
        StringBuilder filter = new StringBuilder(statement).append('\n').append(limit);
        new TreeMap<>(parameters).forEach((name, value) -> filter.append('\n').append(name).append('=').append(value));
        Supplier<ListTotals.Total> count = () -> {
            if (countQuery != null) {
                TypedQuery<Long> exact = em.createQuery(countQuery, Long.class);
                bind(exact, Map.of());
                return new ListTotals.Total(exact.getSingleResult(), true);
            }
            TypedQuery<Integer> matches = em.createQuery(statement, Integer.class).setMaxResults(limit + 1);
            bind(matches, Map.of());
            long found = matches.getResultList().size();
            return found > limit ? new ListTotals.Total(limit, false) : new ListTotals.Total(found, true);
        };
        return content ? Arc.container().instance(ListTotals.class).get().of(filter.toString(), count) : count.get();
    }

    /** The row as the caller selected it: the selection without the key columns after it. */
    private static <R> R item(Object[] row, int selected, Class<R> rowType) {
        if (rowType == Object[].class) {
            return rowType.cast(Arrays.copyOf(row, selected));
        }
        if (selected != 1) {
            throw new IllegalStateException("a row of " + selected + " values is no " + rowType.getName());
        }
        return rowType.cast(row[0]);
    }

    /**
     * What identifies the rows of this list and their order: the entity, the order keys and every filter's value.
     * A cursor carries it, so that it is refused by another list, another sort or other filters, where its keys would
     * mean another place. Collections count as sets (topic=a&topic=b is topic=b&topic=a).
     */
    private String fingerprint(List<SortOrder> keys) {
        StringBuilder identity = new StringBuilder(entity);
        keys.forEach(k -> identity.append('\n').append(k.path()).append(k.descending() ? " desc" : " asc"));
        new TreeMap<>(parameters).forEach((name, value) -> identity.append('\n').append(name).append('=')
                .append(value instanceof Collection<?> values
                        ? values.stream().map(String::valueOf).sorted().collect(Collectors.joining("\u0000"))
                        : String.valueOf(value)));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 12));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The cursor's key values, typed as the entity's attributes; a 400 naming the cursor when they cannot be. */
    private List<Object> cursorValues(EntityManager em, Cursor cursor, String list, List<SortOrder> keys) {
        if (!cursor.list().equals(list)) {
            throw ProblemException.invalid("cursor", "does not belong to this query: it was made for another list, sort,"
                    + " filters or kind of reader (editors' lists include drafts); start again without cursor, or follow"
                    + " the next link as it is given");
        }
        try {
            if (cursor.keys().size() != keys.size()) {
                throw new IllegalArgumentException(cursor.keys().size() + " keys for " + keys.size());
            }
            List<Object> values = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                SortOrder key = keys.get(i);
                Object value = Keyset.value(cursor.keys().get(i), attributeType(em, key.path()));
                if (value == null && !key.nullable()) {
                    throw new IllegalArgumentException("no value for " + key.path());
                }
                values.add(value);
            }
            return values;
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("cursor", MALFORMED_CURSOR);
        }
    }

    /** The Java type of a path "alias.attribute" of this query's entity. */
    private Class<?> attributeType(EntityManager em, String path) {
        if (!path.startsWith(alias + ".") || path.indexOf('.', alias.length() + 1) >= 0) {
            throw new IllegalStateException("sort key " + path + " is no attribute of " + alias);
        }
        EntityType<?> type = em.getMetamodel().getEntities().stream().filter(e -> e.getName().equals(entity))
                .findFirst().orElseThrow(() -> new IllegalStateException("no entity " + entity));
        return type.getAttribute(path.substring(alias.length() + 1)).getJavaType();
    }

    private String where() {
        return where(null, false);
    }

    /** The filters' WHERE clause (as a walk checks them, when led), and the keyset condition when there is one. */
    private String where(String keyset, boolean led) {
        List<String> all = new ArrayList<>(
                clauses.stream().map(c -> led ? walkedClauses.getOrDefault(c, c) : c).toList());
        if (keyset != null) {
            all.add(keyset);
        }
        return all.isEmpty() ? "" : " where " + String.join(" and ", all);
    }

    private String orderBy(List<String> keys) {
        return orderBy(keys, orderLead != null);
    }

    private String orderBy(List<String> keys, boolean led) {
        return " order by " + (led ? orderLead + ", " : "") + String.join(", ", keys);
    }

    /**
     * Binds the parameters the query declares (a count query may need fewer than the filters hold), from the filters or
     * the keyset.
     */
    private void bind(TypedQuery<?> query, Map<String, Object> keyset) {
        query.getParameters().forEach(p -> query.setParameter(p.getName(),
                keyset.containsKey(p.getName()) ? keyset.get(p.getName()) : parameters.get(p.getName())));
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
