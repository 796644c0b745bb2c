package com.digestapi.search;

import com.digestapi.listing.FacetCount;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.text.BreakIterator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsCollector;
import org.apache.lucene.facet.FacetsCollectorManager;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetCounts;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MultiCollectorManager;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TotalHits;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.search.uhighlight.WholeBreakIterator;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene index of articles in one folder: how an article becomes a document, and how a {@link SearchQuery}
 * becomes a Lucene query, an order, highlights and facet counts. Writes come from one thread (the engine's); searches
 * from any, on the last refreshed view.
 */
final class LuceneIndex implements Closeable {

    private static final String KEY = "key";
    private static final String ID = "id";
    private static final String HEADLINE = "headline";
    private static final String SUMMARY = "summary";
    private static final String HEADLINE_ORDER = "headline_order";
    private static final String TOPIC_SLUG = "topic_slug";
    private static final String OUTLET_SLUG = "outlet_slug";
    private static final String ISSUE = "issue";
    private static final String PUBLISHED = "published";
    /**
     * The text fields a search looks in, with their BM25 boosts: the headline says what the article is about, the
     * topics and outlet name what an editor filed it under.
     */
    private static final Map<String, Float> BOOSTS = orderedBoosts();

    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Analyzer analyzer = new SearchAnalyzer();
    private final WebSearchSyntax syntax = new WebSearchSyntax(analyzer, BOOSTS);
    private final FacetsConfig facetsConfig = new FacetsConfig();
    private volatile FacetState facetState;

    /** The facet ordinals of one reader, which Lucene builds by a pass over the index: built once per refresh. */
    private record FacetState(IndexReader reader, SortedSetDocValuesReaderState state) {
    }

    private LuceneIndex(Directory directory, boolean create) throws IOException {
        this.directory = directory;
        facetsConfig.setMultiValued("topic", true);
        IndexWriterConfig config = new IndexWriterConfig(analyzer)
                .setOpenMode(create ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        IndexWriter opened = new IndexWriter(directory, config);
        try {
            this.writer = opened;
            this.searchers = new SearcherManager(writer, null);
        } catch (IOException | RuntimeException e) {
            opened.close();
            throw e;
        }
    }

    /**
     * Opens the index in this folder (a new empty one when there is none, or when create is set). Fails with Lucene's
     * LockObtainFailedException when another process holds it, and with an IOException when it is unreadable.
     */
    static LuceneIndex open(Path folder, boolean create) throws IOException {
        Directory directory = FSDirectory.open(folder);
        try {
            return new LuceneIndex(directory, create);
        } catch (IOException | RuntimeException e) {
            directory.close();
            throw e;
        }
    }

    private static Map<String, Float> orderedBoosts() {
        Map<String, Float> boosts = new LinkedHashMap<>();
        boosts.put(HEADLINE, 3f);
        boosts.put("topics", 2f);
        boosts.put("outlet", 1.5f);
        boosts.put("author", 1.5f);
        boosts.put(SUMMARY, 1f);
        boosts.put("quotes", 1f);
        return boosts;
    }

    // ---------------------------------------------------------------- writing (the engine's thread only)

    void upsert(SearchDocument article) throws IOException {
        writer.updateDocument(new Term(KEY, Long.toString(article.id())), document(article));
    }

    void delete(long id) throws IOException {
        writer.deleteDocuments(new Term(KEY, Long.toString(id)));
    }

    void deleteAll() throws IOException {
        writer.deleteAll();
    }

    /** Makes what was written durable, with the data that says which database state it holds. */
    void commit(Map<String, String> data) throws IOException {
        writer.setLiveCommitData(data.entrySet());
        writer.commit();
    }

    /** What the last commit said it holds (empty for a new index). */
    Map<String, String> committedData() {
        Map<String, String> data = new TreeMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        return data;
    }

    /** Makes what was written visible to searches. */
    void refresh() throws IOException {
        searchers.maybeRefreshBlocking();
    }

    long documents() {
        return writer.getDocStats().numDocs;
    }

    private Document document(SearchDocument a) {
        Document doc = new Document();
        doc.add(new StringField(KEY, Long.toString(a.id()), Field.Store.NO));
        doc.add(new StoredField(ID, a.id()));
        doc.add(new NumericDocValuesField(ID, a.id()));
        doc.add(new TextField(HEADLINE, a.headline(), Field.Store.YES));
        doc.add(new SortedDocValuesField(HEADLINE_ORDER, new BytesRef(a.headline())));
        doc.add(new TextField(SUMMARY, a.summary(), Field.Store.YES));
        a.quotes().forEach(quote -> doc.add(new TextField("quotes", quote, Field.Store.NO)));
        if (a.author() != null) {
            doc.add(new TextField("author", a.author(), Field.Store.NO));
        }
        doc.add(new TextField("outlet", a.outletName(), Field.Store.NO));
        doc.add(new StringField(OUTLET_SLUG, a.outletSlug(), Field.Store.NO));
        doc.add(new SortedSetDocValuesFacetField("outlet", a.outletSlug()));
        a.topicNames().forEach(name -> doc.add(new TextField("topics", name, Field.Store.NO)));
        a.topicSlugs().forEach(slug -> {
            doc.add(new StringField(TOPIC_SLUG, slug, Field.Store.NO));
            doc.add(new SortedSetDocValuesFacetField("topic", slug));
        });
        doc.add(new LongPoint(ISSUE, a.issueId()));
        doc.add(new StringField(PUBLISHED, a.published() ? "1" : "0", Field.Store.NO));
        doc.add(new LongPoint("publishedOn", a.publishedOn().toEpochDay()));
        doc.add(new NumericDocValuesField("publishedOn", a.publishedOn().toEpochDay()));
        doc.add(new SortedSetDocValuesFacetField("year", Integer.toString(a.publishedOn().getYear())));
        doc.add(new LongPoint("updatedAt", micros(a.updatedAt())));
        doc.add(new NumericDocValuesField("updatedAt", micros(a.updatedAt())));
        doc.add(new NumericDocValuesField("createdAt", micros(a.createdAt())));
        doc.add(new NumericDocValuesField("position", a.position()));
        doc.add(new SortedDocValuesField("slug", new BytesRef(a.slug())));
        try {
            return facetsConfig.build(doc);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Microseconds since the epoch, for every instant the service accepts (years 1 to 9999). Not
     * ChronoUnit.MICROS.between: it counts through nanoseconds and overflows a long after 2262 and before 1678.
     */
    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000L);
    }

    // ---------------------------------------------------------------- searching (any thread)

    SearchHits search(SearchQuery q) throws IOException {
        Query text = q.text() == null ? new MatchAllDocsQuery() : syntax.parse(q.text());
        Query query = filtered(text, q);
        IndexSearcher searcher = searchers.acquire();
        try {
            // Counting stops past the limit, as in the database lists: a common word's 400,000 matches are then not
            // all scored (Lucene skips the blocks that cannot reach the top hits), unless facets need every match.
            int countLimit = Math.max(q.countLimit(), q.offset() + q.size());
            TopFieldCollectorManager top = new TopFieldCollectorManager(order(q), q.offset() + q.size(), null,
                    countLimit == Integer.MAX_VALUE ? countLimit : countLimit + 1);
            TopDocs docs;
            FacetsCollector facets = null;
            if (q.facets().isEmpty()) {
                docs = searcher.search(query, top);
            } else {
                Object[] both = searcher.search(query, new MultiCollectorManager(top, new FacetsCollectorManager()));
                docs = (TopDocs) both[0];
                facets = (FacetsCollector) both[1];
            }
            ScoreDoc[] window = Arrays.copyOfRange(docs.scoreDocs, Math.min(q.offset(), docs.scoreDocs.length),
                    docs.scoreDocs.length);
            boolean exact = docs.totalHits.relation == TotalHits.Relation.EQUAL_TO && docs.totalHits.value <= countLimit;
            return new SearchHits(hits(searcher, text, q.text() != null, new TopDocs(docs.totalHits, window)),
                    exact ? docs.totalHits.value : countLimit, exact,
                    facets == null ? Map.of() : facetCounts(searcher, facets, q.facets()));
        } finally {
            searchers.release(searcher);
        }
    }

    private static Query filtered(Query text, SearchQuery q) {
        BooleanQuery.Builder query = new BooleanQuery.Builder().add(text, Occur.MUST);
        if (q.publishedOnly()) {
            query.add(new TermQuery(new Term(PUBLISHED, "1")), Occur.FILTER);
        }
        if (!q.topics().isEmpty()) {
            query.add(new TermInSetQuery(TOPIC_SLUG, q.topics().stream().map(BytesRef::new).toList()), Occur.FILTER);
        }
        if (!q.outlets().isEmpty()) {
            query.add(new TermInSetQuery(OUTLET_SLUG, q.outlets().stream().map(BytesRef::new).toList()), Occur.FILTER);
        }
        if (q.issueId() != null) {
            query.add(LongPoint.newExactQuery(ISSUE, q.issueId()), Occur.FILTER);
        }
        if (q.from() != null || q.to() != null) {
            query.add(LongPoint.newRangeQuery("publishedOn",
                    q.from() == null ? Long.MIN_VALUE : q.from().toEpochDay(),
                    q.to() == null ? Long.MAX_VALUE : q.to().toEpochDay()), Occur.FILTER);
        }
        if (q.updatedSince() != null) {
            query.add(LongPoint.newRangeQuery("updatedAt", micros(q.updatedSince()), Long.MAX_VALUE), Occur.FILTER);
        }
        return query.build();
    }

    /** The requested order, or best match first; the id breaks ties, as in the database lists. */
    private static Sort order(SearchQuery q) {
        List<SortField> fields = new ArrayList<>();
        if (q.sort().isEmpty()) {
            fields.add(SortField.FIELD_SCORE);
        }
        for (SearchQuery.SortKey key : q.sort()) {
            fields.add(switch (key.field()) {
                case "slug" -> new SortField("slug", SortField.Type.STRING, key.descending());
                case "headline" -> new SortField(HEADLINE_ORDER, SortField.Type.STRING, key.descending());
                case "relevance" -> SortField.FIELD_SCORE;
                default -> new SortField(key.field(), SortField.Type.LONG, key.descending());
            });
        }
        if (q.sort().stream().noneMatch(k -> k.field().equals(ID))) {
            fields.add(new SortField(ID, SortField.Type.LONG));
        }
        return new Sort(fields.toArray(SortField[]::new));
    }

    private List<SearchHits.Hit> hits(IndexSearcher searcher, Query text, boolean highlight, TopDocs window)
            throws IOException {
        StoredFields stored = searcher.storedFields();
        Map<String, String[]> marked = highlight
                ? highlighter(searcher).highlightFields(new String[] {HEADLINE, SUMMARY}, text, window, new int[] {1, 2})
                : Map.of();
        List<SearchHits.Hit> hits = new ArrayList<>(window.scoreDocs.length);
        for (int i = 0; i < window.scoreDocs.length; i++) {
            long id = stored.document(window.scoreDocs[i].doc, Set.of(ID)).getField(ID).numericValue().longValue();
            hits.add(highlight ? new SearchHits.Hit(id, marked.get(HEADLINE)[i].strip(), marked.get(SUMMARY)[i].strip())
                    : new SearchHits.Hit(id, null, null));
        }
        return hits;
    }

    /**
     * Headlines whole, summaries as their best two sentences; matches in {@code <mark>}, everything else HTML-escaped
     * (the fragments are meant to be inserted as HTML). A field without a match shows its beginning.
     */
    private UnifiedHighlighter highlighter(IndexSearcher searcher) {
        UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(searcher, analyzer)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxLength(20_000);
        return new UnifiedHighlighter(builder) {
            @Override
            protected BreakIterator getBreakIterator(String field) {
                return field.equals(HEADLINE) ? new WholeBreakIterator()
                        : BreakIterator.getSentenceInstance(Locale.ROOT);
            }
        };
    }

    private Map<String, List<FacetCount>> facetCounts(IndexSearcher searcher, FacetsCollector collected,
                                                      Set<String> dimensions) throws IOException {
        Map<String, List<FacetCount>> counts = new LinkedHashMap<>();
        SortedSetDocValuesReaderState state = facetState(searcher.getIndexReader());
        Facets facets = state == null ? null : new SortedSetDocValuesFacetCounts(state, collected);
        for (String dimension : SearchQuery.FACETS.stream().sorted().filter(dimensions::contains).toList()) {
            counts.put(dimension, values(facets, dimension));
        }
        return counts;
    }

    private static List<FacetCount> values(Facets facets, String dimension) throws IOException {
        if (facets == null) {
            return List.of();
        }
        FacetResult result;
        try {
            result = facets.getTopChildren(FacetCount.MAX_VALUES, dimension);
        } catch (IllegalArgumentException noSuchDimensionYet) {
            return List.of();
        }
        if (result == null) {
            return List.of();
        }
        List<FacetCount> values = new ArrayList<>();
        for (LabelAndValue value : result.labelValues) {
            values.add(new FacetCount(value.label, value.value.longValue()));
        }
        return values;
    }

    /** The facet state of this reader, or null while no document has a facet yet. */
    private SortedSetDocValuesReaderState facetState(IndexReader reader) throws IOException {
        FacetState current = facetState;
        if (current == null || current.reader() != reader) {
            try {
                current = new FacetState(reader, new DefaultSortedSetDocValuesReaderState(reader, facetsConfig));
            } catch (IllegalArgumentException noFacetsIndexed) {
                return null;
            }
            facetState = current;
        }
        return current.state();
    }

    @Override
    public void close() throws IOException {
        try {
            searchers.close();
            writer.close();
        } finally {
            directory.close();
        }
    }
}
