package de.hanse.catalogue;

import de.hanse.core.vocab.Hanse;
import de.hanse.core.vocab.Vocab;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;

/**
 * The merged view of the catalogue: every dataset once, even when several sources hold it. For each dataset IRI
 * the record whose dataset has the newest {@code dct:modified} wins, then the source with the higher priority,
 * then the source name (so the choice is stable). Provenance keeps every origin. Must be used inside a read
 * transaction; stateless.
 */
public final class CatalogueView {
    private CatalogueView() {}

    /** One dataset of the merged view and the record chosen to represent it. */
    public record Entry(String dataset, Node record, List<Node> allRecords, String recordModified) {}

    /** All datasets, sorted by IRI; {@code modifiedSince} (ISO lexical form, may be null) filters by record time. */
    public static List<Entry> entries(DatasetGraph dsg, String modifiedSince) {
        Map<String, List<Node>> byDataset = new TreeMap<>();
        dsg.find(Hanse.META, Node.ANY, Vocab.FOAF_primaryTopic, Node.ANY).forEachRemaining(q -> {
            if (q.getObject().isURI()) byDataset.computeIfAbsent(q.getObject().getURI(), k -> new ArrayList<>()).add(q.getSubject());
        });
        Map<Node, Integer> priorities = new HashMap<>();
        List<Entry> out = new ArrayList<>(byDataset.size());
        for (Map.Entry<String, List<Node>> e : byDataset.entrySet()) {
            Node best = choose(dsg, e.getKey(), e.getValue(), priorities);
            String recModified = literal(dsg, Hanse.META, best, Vocab.DCT_modified);
            if (modifiedSince != null && (recModified == null || recModified.compareTo(modifiedSince) < 0)) continue;
            out.add(new Entry(e.getKey(), best, List.copyOf(e.getValue()), recModified));
        }
        return out;
    }

    private static Node choose(DatasetGraph dsg, String dataset, List<Node> records, Map<Node, Integer> priorities) {
        if (records.size() == 1) return records.get(0);
        Node ds = org.apache.jena.graph.NodeFactory.createURI(dataset);
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
