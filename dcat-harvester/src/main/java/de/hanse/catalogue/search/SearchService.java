package de.hanse.catalogue.search;

import de.hanse.catalogue.search.extract.DatasetDetails;
import de.hanse.catalogue.search.extract.DatasetIds;
import de.hanse.catalogue.search.index.SearchIndex;
import de.hanse.catalogue.search.index.SearchQuery;
import de.hanse.catalogue.search.index.SearchResult;
import de.hanse.core.store.NodeStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.jena.graph.NodeFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catalogue search: answers searches from the {@link SearchIndex} and dataset details from the store, and keeps the
 * index in step with the store on one background thread. Changes reported by harvests are coalesced: while the
 * thread works, newly changed datasets collect in a bounded pending set, and when that set would overflow the
 * next pass rebuilds the whole index instead. Thread-safe.
 */
public final class SearchService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SearchService.class);
    static final int MAX_PENDING = 100_000;

    private final NodeStore store;
    private final SearchIndex index;
    private final IndexSync sync;
    private final ThreadPoolExecutor worker;
    private final Set<String> pending = new LinkedHashSet<>();
    private boolean rebuildPending;
    private boolean scheduled;
    private volatile boolean ready;

    public SearchService(NodeStore store, SearchIndex index) {
        this.store = store;
        this.index = index;
        this.sync = new IndexSync(store, index);
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(4), r -> {
            Thread t = new Thread(r, "hanse-search-index");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Checks the index against the store in the background and rebuilds it if stale. An existing index answers
     * (possibly stale) while it is rebuilt, so {@link #ready()} is true at once; an empty one only after the build.
     */
    public void start() {
        ready = index.size() > 0;
        worker.execute(() -> {
            try {
                if (!sync.fresh()) sync.rebuild();
                else LOG.info("search index is up to date ({} datasets)", index.size());
            } catch (RuntimeException e) {
                LOG.error("search index check failed; searching the index as it is", e);
            }
            ready = true;
        });
    }

    public boolean ready() {
        return ready;
    }

    /** Re-indexes these datasets soon (a harvest changed or removed them). */
    public void changed(Collection<String> datasetIris) {
        synchronized (this) {
            if (rebuildPending || pending.size() + datasetIris.size() > MAX_PENDING) {
                rebuildPending = true;
                pending.clear();
            } else {
                pending.addAll(datasetIris);
            }
            if (scheduled) return;
            scheduled = true;
        }
        worker.execute(this::drain);
    }

    private void drain() {
        List<String> batch;
        boolean rebuild;
        synchronized (this) {
            batch = new ArrayList<>(pending);
            rebuild = rebuildPending;
            pending.clear();
            rebuildPending = false;
            scheduled = false;
        }
        try {
            if (rebuild) sync.rebuild();
            else if (!batch.isEmpty()) sync.update(batch);
        } catch (RuntimeException e) {
            LOG.error("search index update of {} datasets failed; a rebuild follows", batch.size(), e);
            synchronized (this) {
                rebuildPending = true;
            }
        }
    }

    /** Whether every reported change has been applied (for tests and shutdown). */
    public synchronized boolean idle() {
        return ready && !scheduled && !rebuildPending && worker.getActiveCount() == 0 && worker.getQueue().isEmpty();
    }

    /** Waits up to {@code max} for {@link #idle()}; returns whether it became idle. */
    public boolean awaitIdle(Duration max) throws InterruptedException {
        long end = System.nanoTime() + max.toNanos();
        while (!idle()) {
            if (System.nanoTime() > end) return false;
            Thread.sleep(10);
        }
        return true;
    }

    public SearchResult search(SearchQuery q) {
        return index.search(q);
    }

    /** The detail view of a dataset named by short id or IRI, or empty if the node does not hold it. */
    public Optional<Map<String, Object>> detail(String idOrIri) {
        Optional<String> iri = DatasetIds.isShortId(idOrIri) ? index.iriForId(idOrIri) : Optional.of(idOrIri);
        if (iri.isEmpty()) return Optional.empty();
        return store.read(dsg -> Optional.ofNullable(DatasetDetails.read(dsg, NodeFactory.createURI(iri.get()))));
    }

    /** The index itself, for tools that load documents directly (the benchmark); not for request handling. */
    public SearchIndex index() {
        return index;
    }

    /** Rebuilds the index now, on the caller's thread (CLI, benchmark). */
    public int rebuildNow() {
        int n = sync.rebuild();
        ready = true;
        return n;
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            index.close();
        } catch (RuntimeException e) {
            // An interrupted rebuild can leave the writer failed; the last commit on disk is intact and is re-checked at start.
            LOG.warn("search index did not close cleanly: {}", e.toString());
        }
    }
}
