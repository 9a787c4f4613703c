package de.hanse.catalogue;

import de.hanse.core.vocab.Hanse;
import de.hanse.core.vocab.Vocab;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.LongAdder;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * The merged view of the catalogue: every dataset once, even when several sources hold it. For each dataset IRI
 * the record whose dataset has the newest {@code dct:modified} wins, then the source with the higher priority,
 * then the source name (so the choice is stable). Provenance keeps every origin.
 *
 * <p>Building the view reads the whole META graph, so the last one built is kept and reused while the store has
 * not committed a write since: the key is the TDB2 data version seen by the caller's read transaction, which every
 * write commit (harvest, SPARQL update, maintenance) bumps, so a cached view is never stale. Methods must be called
 * inside a read transaction. Thread-safe: one snapshot is cached at a time (bounded memory); concurrent callers at a
 * new version build it once.
 */
public final class CatalogueView {
    /**
     * One dataset of the merged view, the record chosen to represent it, all its records (one per source holding
     * it) and when the chosen record was last written ({@code recordModified}, may be null).
     */
    public record Entry(String dataset, Node record, List<Node> allRecords, Instant recordModified) {}

    /**
     * All entries sorted by dataset IRI, with the earliest record {@code dct:issued} and the latest record
     * {@code dct:modified} (each null for an empty catalogue).
     */
    public record Snapshot(List<Entry> entries, Instant firstIssued, Instant lastModified) {
        /** The entries whose record was written at or after {@code since} (all when null), still sorted. */
        public List<Entry> since(Instant since) {
            if (since == null) return entries;
            return entries.stream().filter(e -> e.recordModified() != null && !e.recordModified().isBefore(since)).toList();
        }
    }

    private record Key(Object database, long version) {}

    private record Cached(Key key, Snapshot snapshot) {}

    private final Object lock = new Object();
    private volatile Cached cached;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    /**
     * Registers how often the cached view was reused as {@code cache_gets_total{cache="catalogue-view",result="hit"}}
     * and how often it was built ({@code result="miss"}), named like the Caffeine caches' series.
     */
    public void bindTo(MeterRegistry registry) {
        FunctionCounter.builder("cache.gets", hits, LongAdder::sum).tags("cache", "catalogue-view", "result", "hit")
                .description("the number of times cache lookup methods have returned a cached value.").register(registry);
        FunctionCounter.builder("cache.gets", misses, LongAdder::sum).tags("cache", "catalogue-view", "result", "miss")
                .description("the number of times cache lookup methods have returned an uncached (newly loaded) value, or null")
                .register(registry);
    }

    /**
     * All datasets, sorted by IRI, built afresh (no cache); {@code modifiedSince} (ISO date-time, may be null)
     * keeps records written at or after it.
     */
    public static List<Entry> entries(DatasetGraph dsg, String modifiedSince) {
        Snapshot s = build(dsg);
        return modifiedSince == null ? s.entries() : s.since(java.time.OffsetDateTime.parse(modifiedSince).toInstant());
    }

    /** The view as the caller's read transaction sees it. */
    public Snapshot snapshot(DatasetGraph dsg) {
        Key key = versionKey(dsg);
        if (key == null) return build(dsg);
        Cached c = cached;
        if (c != null && c.key().equals(key)) {
            hits.increment();
            return c.snapshot();
        }
        synchronized (lock) {
            c = cached;
            if (c != null && c.key().equals(key)) {
                hits.increment();
                return c.snapshot();
            }
            misses.increment();
            Snapshot s = build(dsg);
            // a reader on an older transaction must not replace a newer view
            if (c == null || c.key().database() != key.database() || c.key().version() < key.version()) cached = new Cached(key, s);
            return s;
        }
    }

    /** The TDB2 database and the data version of this thread's transaction, or null when not TDB2. */
    private static Key versionKey(DatasetGraph dsg) {
        long version = de.hanse.core.store.NodeStore.dataVersion(dsg);
        return version < 0 ? null : new Key(TDBInternal.getDatasetGraphTDB(dsg), version);
    }

    private static Snapshot build(DatasetGraph dsg) {
        Map<String, List<Node>> byDataset = new TreeMap<>();
        dsg.find(Hanse.META, Node.ANY, Vocab.FOAF_primaryTopic, Node.ANY).forEachRemaining(q -> {
            if (q.getObject().isURI()) byDataset.computeIfAbsent(q.getObject().getURI(), k -> new ArrayList<>(1)).add(q.getSubject());
        });
        Map<Node, Instant> modified = times(dsg, Vocab.DCT_modified);
        Map<Node, Instant> issued = times(dsg, Vocab.DCT_issued);
        Map<Node, Integer> priorities = new HashMap<>();
        List<Entry> out = new ArrayList<>(byDataset.size());
        Instant first = null;
        Instant last = null;
        for (Map.Entry<String, List<Node>> e : byDataset.entrySet()) {
            Node best = choose(dsg, e.getKey(), e.getValue(), priorities);
            Instant m = modified.get(best);
            Instant i = issued.get(best);
            if (m != null && (last == null || m.isAfter(last))) last = m;
            if (i != null && (first == null || i.isBefore(first))) first = i;
            out.add(new Entry(e.getKey(), best, List.copyOf(e.getValue()), m));
        }
        return new Snapshot(List.copyOf(out), first, last);
    }

    /** One index scan: record to the instant of its {@code p} in META (harvest times are xsd:dateTime in UTC). */
    private static Map<Node, Instant> times(DatasetGraph dsg, Node p) {
        Map<Node, Instant> out = new HashMap<>();
        dsg.find(Hanse.META, Node.ANY, p, Node.ANY).forEachRemaining(q -> {
            Instant t = instant(q.getObject());
            if (t != null) out.put(q.getSubject(), t);
        });
        return out;
    }

    static Instant instant(Node lit) {
        if (lit == null || !lit.isLiteral()) return null;
        try {
            return java.time.OffsetDateTime.parse(lit.getLiteralLexicalForm()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The record chosen for {@code dataset} among its records (see the class comment). */
    static Node choose(DatasetGraph dsg, String dataset, List<Node> records, Map<Node, Integer> priorities) {
        if (records.size() == 1) return records.get(0);
        Node ds = NodeFactory.createURI(dataset);
        Node best = null;
        String bestModified = null;
        int bestPriority = Integer.MIN_VALUE;
        String bestSource = null;
        for (Node r : records) {
            String modified = literal(dsg, r, ds, Vocab.DCT_modified);
            Node src = object(dsg, Hanse.META, r, Hanse.source);
            int priority = priorities.computeIfAbsent(src, s -> {
                String p = literal(dsg, Hanse.META, s, Hanse.priority);
                return p == null ? 0 : Integer.parseInt(p);
            });
            String srcName = src == null ? "" : src.getURI();
            int cmp = best == null ? 1 : compare(modified, bestModified);
            if (cmp == 0) cmp = Integer.compare(priority, bestPriority);
            if (cmp == 0) cmp = bestSource.compareTo(srcName);
            if (cmp > 0) {
                best = r;
                bestModified = modified;
                bestPriority = priority;
                bestSource = srcName;
            }
        }
        return best;
    }

    private static int compare(String a, String b) {
        if (a == null) return b == null ? 0 : -1;
        if (b == null) return 1;
        return a.compareTo(b);
    }

    static Node object(DatasetGraph dsg, Node g, Node s, Node p) {
        var it = dsg.find(g, s, p, Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject() : null;
        } finally {
            org.apache.jena.atlas.iterator.Iter.close(it);
        }
    }

    static String literal(DatasetGraph dsg, Node g, Node s, Node p) {
        Node o = object(dsg, g, s, p);
        return o != null && o.isLiteral() ? o.getLiteralLexicalForm() : null;
    }
}
