package de.hanse.bench.harvest;

import de.hanse.core.store.NodeStore;
import de.hanse.core.vocab.Hanse;
import de.hanse.core.vocab.Vocab;
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
 * store itself rather than from the harvester's own report.
 */
final class StoreFingerprint {
    private final Map<String, long[]> units = new HashMap<>();
    /** Record IRI -> dataset IRI, from the provenance's foaf:primaryTopic. */
    private final Map<String, String> datasetOf = new HashMap<>();
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
        String key = meta ? "M " + q.getSubject() : "G " + q.getGraph().getURI();
        long[] u = units.computeIfAbsent(key, k -> new long[2]);
        u[0]++;
        u[1] += mix(digest(q.getSubject()) * 31 + digest(q.getPredicate()) * 17 + digest(q.getObject()));
        if (meta && q.getPredicate().equals(Vocab.FOAF_primaryTopic) && q.getObject().isURI())
            datasetOf.put(q.getSubject().getURI(), q.getObject().getURI());
    }

    private static long digest(Node n) {
        String s = n.isBlank() ? "_:" + n.getBlankNodeLabel() : n.toString();
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

    /** What changed from {@code before} to this fingerprint. */
    record Diff(Set<String> datasetsTouched, long quadsRemoved, long quadsAdded, int unitsChanged, Set<String> otherUnits) {
        long quadsWritten() {
            return quadsRemoved + quadsAdded;
        }
    }

    /**
     * Units that differ (new, gone or different) are counted as wholly removed and re-added, which is what the
     * harvester does to a record it writes; each is attributed to its record's dataset, units that belong to no
     * record (e.g. the source's description) are listed apart.
     */
    Diff since(StoreFingerprint before) {
        Set<String> keys = new HashSet<>(units.keySet());
        keys.addAll(before.units.keySet());
        Set<String> touched = new HashSet<>(), other = new HashSet<>();
        long removed = 0, added = 0;
        int changed = 0;
        for (String k : keys) {
            long[] a = before.units.get(k), b = units.get(k);
            if (a != null && b != null && a[0] == b[0] && a[1] == b[1]) continue;
            changed++;
            if (a != null) removed += a[0];
            if (b != null) added += b[0];
            String record = k.substring(2);
            if (record.startsWith("<") && record.endsWith(">")) record = record.substring(1, record.length() - 1);
            if (record.endsWith(":quality")) record = record.substring(0, record.length() - ":quality".length());
            String ds = datasetOf.getOrDefault(record, before.datasetOf.get(record));
            if (ds != null) touched.add(ds);
            else other.add(k);
        }
        return new Diff(touched, removed, added, changed, other);
    }
}
