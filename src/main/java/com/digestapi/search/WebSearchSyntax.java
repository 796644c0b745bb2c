package com.digestapi.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

/**
 * Reads what readers type into a search box: words (all required), {@code "exact phrases"}, {@code -excluded} words
 * or phrases, and {@code OR} between two terms. Every input has a meaning, so no input is a syntax error: an unclosed
 * quote runs to the end, a lone {@code -} or {@code OR} is dropped. Each term matches in any of the fields (the best
 * field counts, with their boosts); the analysis is {@link SearchAnalyzer}'s, so a term that is only stop words drops
 * out.
 */
final class WebSearchSyntax {

    /** How much a term's matches in other fields add to its best field's score. */
    private static final float TIE_BREAKER = 0.2f;

    private final QueryBuilder builder;
    private final Map<String, Float> fieldBoosts;

    WebSearchSyntax(Analyzer analyzer, Map<String, Float> fieldBoosts) {
        this.builder = new QueryBuilder(analyzer);
        this.fieldBoosts = fieldBoosts;
    }

    private record Term(String text, boolean phrase, boolean excluded) {
    }

    Query parse(String input) {
        List<List<Term>> groups = new ArrayList<>();
        List<Term> excluded = new ArrayList<>();
        boolean orPending = false;
        for (Term term : terms(input)) {
            if (term == null) {
                orPending = !groups.isEmpty();
            } else if (term.excluded()) {
                excluded.add(term);
                orPending = false;
            } else {
                if (orPending) {
                    groups.get(groups.size() - 1).add(term);
                } else {
                    groups.add(new ArrayList<>(List.of(term)));
                }
                orPending = false;
            }
        }
        BooleanQuery.Builder query = new BooleanQuery.Builder();
        boolean anyPositive = false;
        for (List<Term> group : groups) {
            List<Query> alternatives = group.stream().map(this::inAnyField).filter(q -> q != null).toList();
            if (alternatives.isEmpty()) {
                continue;
            }
            anyPositive = true;
            if (alternatives.size() == 1) {
                query.add(alternatives.get(0), Occur.MUST);
            } else {
                BooleanQuery.Builder either = new BooleanQuery.Builder();
                alternatives.forEach(q -> either.add(q, Occur.SHOULD));
                query.add(either.build(), Occur.MUST);
            }
        }
        if (!anyPositive) {
            // Only stop words ("the") finds nothing rather than everything; only exclusions finds all the others.
            if (!groups.isEmpty() || excluded.isEmpty()) {
                return new MatchNoDocsQuery("only stop words");
            }
            query.add(new MatchAllDocsQuery(), Occur.MUST);
        }
        excluded.stream().map(this::inAnyField).filter(q -> q != null).forEach(q -> query.add(q, Occur.MUST_NOT));
        return query.build();
    }

    /** The term in any field, or null when its analysis leaves nothing to match. */
    private Query inAnyField(Term term) {
        List<Query> perField = new ArrayList<>();
        fieldBoosts.forEach((field, boost) -> {
            Query q = term.phrase() ? builder.createPhraseQuery(field, term.text())
                    : builder.createBooleanQuery(field, term.text(), Occur.MUST);
            if (q != null) {
                perField.add(boost == 1f ? q : new BoostQuery(q, boost));
            }
        });
        return perField.isEmpty() ? null : new DisjunctionMaxQuery(perField, TIE_BREAKER);
    }

    /** The terms in order; null stands for an OR between two terms. */
    private static List<Term> terms(String input) {
        List<Term> terms = new ArrayList<>();
        int i = 0;
        int n = input.length();
        while (i < n) {
            char c = input.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            boolean excluded = c == '-' && i + 1 < n && !Character.isWhitespace(input.charAt(i + 1));
            if (excluded) {
                i++;
                c = input.charAt(i);
            }
            if (c == '"') {
                int end = input.indexOf('"', i + 1);
                int stop = end < 0 ? n : end;
                terms.add(new Term(input.substring(i + 1, stop), true, excluded));
                i = end < 0 ? n : end + 1;
            } else {
                int start = i;
                while (i < n && !Character.isWhitespace(input.charAt(i)) && input.charAt(i) != '"') {
                    i++;
                }
                String word = input.substring(start, i);
                if (!excluded && word.equals("OR")) {
                    terms.add(null);
                } else {
                    terms.add(new Term(word, false, excluded));
                }
            }
        }
        return terms;
    }
}
