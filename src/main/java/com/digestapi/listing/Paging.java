package com.digestapi.listing;


import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.persistence.TypedQuery;
import java.util.List;
import java.util.Map;

/** Runs a list's two statements: the count of all matches and one page of rows in the requested order. */
public final class Paging {

    private Paging() {
    }

    /**
     * @param select the select clause, e.g. "select a.id"
     * @param from   the from clause with the root alias, e.g. "from Article a"
     * @param alias  the root alias
     */
    public static <R> Page<R> page(String select, String from, String alias, Filters filters, PageRequest request,
                                   Class<R> rowType) {
        return page(select, from, alias, filters, request, rowType, null);
    }

    /**
     * @param countQuery the count to run instead of "select count(alias) from ... where ...": an equivalent that the
     *                   database answers faster, taking some or all of the filters' parameters; null for the plain count
     */
    public static <R> Page<R> page(String select, String from, String alias, Filters filters, PageRequest request,
                                   Class<R> rowType, String countQuery) {
        TypedQuery<Long> count = Panache.getEntityManager().createQuery(countQuery != null ? countQuery
                : "select count(" + alias + ") " + from + filters.where(), Long.class);
        bind(count, filters.parameters());
        long total = count.getSingleResult();
        if (request.offset() >= total) {
            return Page.of(List.of(), request, total);
        }
        TypedQuery<R> rows = Panache.getEntityManager()
                .createQuery(select + " " + from + filters.where() + " order by " + String.join(", ", request.orderKeys(alias)), rowType)
                .setFirstResult(request.offset())
                .setMaxResults(request.size());
        bind(rows, filters.parameters());
        return Page.of(rows.getResultList(), request, total);
    }

    /** Binds the parameters the query declares (a count query may need fewer than the filters hold). */
    private static void bind(TypedQuery<?> query, Map<String, Object> parameters) {
        query.getParameters().forEach(p -> query.setParameter(p.getName(), parameters.get(p.getName())));
    }
}
