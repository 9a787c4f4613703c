package de.hanse.catalogue.search.index;

import de.hanse.catalogue.search.extract.DatasetDoc;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.facet.sortedset.DefaultSortedSetDocValuesReaderState;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesReaderState;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * The Lucene index of the catalogue: a derived copy of the store, keyed by dataset IRI, on disk or in memory.
 * Writes ({@link #upsert}, {@link #delete}, {@link #clear}) become visible after {@link #commit}; searches run on
 * the last committed-and-refreshed view. Thread-safe: any number of concurrent searches; writes may come from any
 * thread (Lucene's {@link IndexWriter} serialises them). The commit carries user data ({@link #commitData}) that the
 * owner uses to tell whether the index matches the store.
 */
public final class SearchIndex implements AutoCloseable {
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final DocumentMapper mapper = new DocumentMapper();
    private final SearchExecutor executor;

    private SearchIndex(Directory directory) throws IOException {
        this.directory = directory;
        IndexWriterConfig cfg = new IndexWriterConfig(IndexSchema.analyzer())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(64);
        this.writer = new IndexWriter(directory, cfg);
        this.searchers = new SearcherManager(writer, new FacetSearcherFactory());
        this.executor = new SearchExecutor(IndexSchema.facetsConfig());
    }

    /** Opens (creating) an index in {@code dir}. */
    public static SearchIndex open(Path dir) {
        try {
            return new SearchIndex(FSDirectory.open(dir));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open search index in " + dir, e);
        }
    }

    public static SearchIndex inMemory() {
        try {
            return new SearchIndex(new ByteBuffersDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds or replaces the documents of these datasets. */
    public void upsert(Collection<DatasetDoc> docs) {
        try {
            for (DatasetDoc d : docs) writer.updateDocument(new Term(IndexSchema.IRI, d.iri()), mapper.toDocument(d));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete(Collection<String> datasetIris) {
        try {
            for (String iri : datasetIris) writer.deleteDocuments(new Term(IndexSchema.IRI, iri));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void clear() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes all writes durable and visible to searches, recording {@code userData} with the commit. */
    public void commit(Map<String, String> userData) {
        try {
            writer.setLiveCommitData(new HashMap<>(userData).entrySet());
            writer.commit();
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The user data of the last commit (empty for a new index). */
    public Map<String, String> commitData() {
        Map<String, String> out = new HashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) live.forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    public SearchResult search(SearchQuery q) {
        return withSearcher(s -> executor.search((FacetSearcher) s, q));
    }

    /** The dataset IRI indexed under a short id. */
    public Optional<String> iriForId(String shortId) {
        return withSearcher(s -> {
            TopDocs td = s.search(new TermQuery(new Term(IndexSchema.ID, shortId)), 1);
            if (td.scoreDocs.length == 0) return Optional.empty();
            return Optional.of(s.storedFields().document(td.scoreDocs[0].doc).get(IndexSchema.IRI));
        });
    }

    /** Number of indexed datasets in the current view. */
    public int size() {
        return withSearcher(s -> s.getIndexReader().numDocs());
    }

    private interface SearcherFunction<T> {
        T apply(IndexSearcher s) throws IOException;
    }

    private <T> T withSearcher(SearcherFunction<T> f) {
        try {
            IndexSearcher s = searchers.acquire();
            try {
                return f.apply(s);
            } finally {
                searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            searchers.close();
            writer.close();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A searcher that carries the facet ordinal state of its reader (costly to build, so once per refresh). */
    static final class FacetSearcher extends IndexSearcher {
        final SortedSetDocValuesReaderState facetState;

        FacetSearcher(IndexReader reader) throws IOException {
            super(reader);
            SortedSetDocValuesReaderState st;
            try {
                st = new DefaultSortedSetDocValuesReaderState(reader, IndexSchema.facetsConfig());
            } catch (IllegalArgumentException noFacetsYet) {
                st = null;
            }
            this.facetState = st;
        }
    }

    private static final class FacetSearcherFactory extends SearcherFactory {
        @Override
        public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
            return new FacetSearcher(reader);
        }
    }
}
