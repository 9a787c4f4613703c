package de.hanse.bench.harvest;

import de.hanse.core.store.NodeStore;
import de.hanse.core.vocab.Hanse;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;

/**
 * What the store holds, per unit a harvest writes: every named graph (a record's triples, its quality report) and,
 * in the provenance graph, every subject's description. Each unit is summarised by its quad count and an
 * order-independent 64-bit digest of its quads as stored (blank node labels included, so a record rewritten with
 * the same content but new blank nodes counts as written; provenance carries the write time, so any rewrite shows).
 * Comparing two fingerprints tells which records a run wrote and how many quads it removed and added, from the
 * store itself rather than from the harvester's own report. Units are keyed by a 64-bit hash of their name (three
 * fingerprints of 100,000 records with string keys did not fit -Xmx512m beside the harvest).
 */
final class StoreFingerprint {
    private final Map<Long, long[]> units = new HashMap<>();
    private long quads;

    private StoreFingerprint() {}

    static StoreFingerprint of(NodeStore store, java.util.function.Consumer<Quad> alsoEach) {
        StoreFingerprint fp = new StoreFingerprint();
        store.read(dsg -> {
            dsg.find().forEachRemaining(q -> {
                fp.add(q);
                if (alsoEach != null) alsoEach.accept(q);
            });
            return null;
        });
        return fp;
    }

    private void add(Quad q) {
        quads++;
        boolean meta = q.getGraph().equals(Hanse.META);
        long[] u = units.computeIfAbsent(meta ? metaKey(q.getSubject()) : graphKey(q.getGraph()), k -> new long[2]);
        u[0]++;
        u[1] += mix(digest(q.getSubject()) * 31 + digest(q.getPredicate()) * 17 + digest(q.getObject()));
    }

    /** The unit of a named graph. */
    static long graphKey(Node graph) {
        return mix(digest("G " + graph));
    }

    /** The unit of a subject's provenance in the META graph. */
    static long metaKey(Node subject) {
        return mix(digest("M " + subject));
    }

    private static long digest(Node n) {
        return digest(n.isBlank() ? "_:" + n.getBlankNodeLabel() : n.toString());
    }

    private static long digest(String s) {
        long h = 0xcbf29ce484222325L; // FNV-1a 64
        for (int i = 0; i < s.length(); i++) h = (h ^ s.charAt(i)) * 0x100000001b3L;
        return h;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long quads() {
        return quads;
    }

    /** What changed from {@code before} to this fingerprint: the units that differ and their quads. */
    record Diff(Set<Long> unitsChanged, long quadsRemoved, long quadsAdded) {
        long quadsWritten() {
            return quadsRemoved + quadsAdded;
        }
    }

    /**
     * Units that differ (new, gone or different) are counted as wholly removed and re-added, an upper bound of what
     * was written to them.
     */
    Diff since(StoreFingerprint before) {
        Set<Long> keys = new HashSet<>(units.keySet());
        keys.addAll(before.units.keySet());
        Set<Long> changed = new HashSet<>();
        long removed = 0, added = 0;
        for (Long k : keys) {
            long[] a = before.units.get(k), b = units.get(k);
            if (a != null && b != null && a[0] == b[0] && a[1] == b[1]) continue;
            changed.add(k);
            if (a != null) removed += a[0];
            if (b != null) added += b[0];
        }
        return new Diff(changed, removed, added);
    }

    /** The units of a record: its graph, its quality report's graph and its provenance. */
    static Set<Long> recordUnits(Node record) {
        return Set.of(graphKey(record), graphKey(org.apache.jena.graph.NodeFactory.createURI(record.getURI() + ":quality")), metaKey(record));
    }

    /** Every quad of the given records' units, as stored (to count exactly what a run changed in them). */
    static Set<Quad> quadsOf(NodeStore store, java.util.Collection<Node> records) {
        Set<Quad> out = new HashSet<>();
        store.read(dsg -> {
            for (Node r : records) {
                dsg.find(r, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(out::add);
                dsg.find(org.apache.jena.graph.NodeFactory.createURI(r.getURI() + ":quality"), Node.ANY, Node.ANY, Node.ANY).forEachRemaining(out::add);
                dsg.find(Hanse.META, r, Node.ANY, Node.ANY).forEachRemaining(out::add);
            }
            return null;
        });
        return out;
    }
}
