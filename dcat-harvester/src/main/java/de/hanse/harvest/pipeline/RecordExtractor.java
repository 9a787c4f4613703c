package de.hanse.harvest.pipeline;

import de.hanse.core.vocab.Hanse;
import de.hanse.core.vocab.Vocab;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.util.iterator.ExtendedIterator;

/**
 * Cuts a page into {@link DatasetRecord}s. A record is the dataset's description plus, transitively (up to
 * {@value #MAX_DEPTH} hops), every blank node and every IRI node the page describes that the dataset points to,
 * except other datasets, catalogues and records. A record larger than {@code maxTriples} is refused with a reason
 * instead of being stored: a dataset with thousands of distributions or keywords must not exhaust memory.
 * Stateless apart from its cap; thread-safe.
 */
public final class RecordExtractor {
    static final int MAX_DEPTH = 4;
    private final int maxTriples;

    public RecordExtractor(int maxTriples) {
        this.maxTriples = maxTriples;
    }

    /** Outcome for one dataset on the page: a record, or a rejection with the dataset's label and why. */
    public record Extracted(DatasetRecord record, String rejectedId, String reason) {
        public boolean rejected() {
            return record == null;
        }
    }

    public List<Extracted> extract(Graph page) {
        List<Extracted> out = new ArrayList<>();
        Set<Node> datasets = new java.util.LinkedHashSet<>();
        for (Node type : new Node[] {Vocab.DCAT_DATASET, Vocab.DCAT_DATASET_SERIES})
            page.find(Node.ANY, Vocab.RDF_TYPE, type).forEachRemaining(t -> datasets.add(t.getSubject()));
        for (Node d : datasets) out.add(extractOne(page, d, datasets));
        return out;
    }

    private Extracted extractOne(Graph page, Node dataset, Set<Node> datasets) {
        String label = dataset.isURI() ? dataset.getURI() : "blank dataset " + title(page, dataset);
        Node identity = dataset;
        String key;
        if (dataset.isURI()) key = dataset.getURI();
        else {
            String id = firstLiteral(page, dataset, Vocab.DCT_identifier);
            if (id == null) return new Extracted(null, label, "dataset has neither an IRI nor a dct:identifier");
            key = "id:" + id;
            identity = NodeFactory.createURI("urn:hanse:dataset:" + Hanse.sha256Hex(id).substring(0, 32));
        }
        Graph g = GraphFactory.createDefaultGraph();
        Set<Node> visited = new HashSet<>();
        Deque<Node[]> queue = new ArrayDeque<>();
        queue.add(new Node[] {dataset, NodeFactory.createLiteralString("0")});
        visited.add(dataset);
        int count = 0;
        while (!queue.isEmpty()) {
            Node[] item = queue.poll();
            Node subject = item[0];
            int depth = Integer.parseInt(item[1].getLiteralLexicalForm());
            ExtendedIterator<Triple> it = page.find(subject, Node.ANY, Node.ANY);
            try {
                while (it.hasNext()) {
                    Triple t = it.next();
                    if (++count > maxTriples)
                        return new Extracted(null, label, "record exceeds " + maxTriples + " triples (too many distributions or keywords); refused");
                    g.add(rename(t, dataset, identity));
                    Node o = t.getObject();
                    if (depth < MAX_DEPTH && !visited.contains(o) && follow(page, o, datasets)) {
                        visited.add(o);
                        queue.add(new Node[] {o, NodeFactory.createLiteralString(Integer.toString(depth + 1))});
                    }
                }
            } finally {
                it.close();
            }
        }
        return new Extracted(new DatasetRecord(identity, key, g), null, null);
    }

    private static Triple rename(Triple t, Node from, Node to) {
        if (from.equals(to)) return t;
        Node s = t.getSubject().equals(from) ? to : t.getSubject();
        Node o = t.getObject().equals(from) ? to : t.getObject();
        return Triple.create(s, t.getPredicate(), o);
    }

    private static boolean follow(Graph page, Node o, Set<Node> datasets) {
        if (o.isLiteral() || datasets.contains(o)) return false;
        if (!page.contains(o, Node.ANY, Node.ANY)) return false;
        return !page.contains(o, Vocab.RDF_TYPE, Vocab.DCAT_CATALOG) && !page.contains(o, Vocab.RDF_TYPE, Vocab.DCAT_CATALOG_RECORD)
                && !page.contains(o, Vocab.RDF_TYPE, Vocab.HYDRA_PagedCollection)
                && !page.contains(o, Vocab.RDF_TYPE, Vocab.HYDRA_PartialCollectionView);
    }

    private static String firstLiteral(Graph g, Node s, Node p) {
        ExtendedIterator<Triple> it = g.find(s, p, Node.ANY);
        try {
            while (it.hasNext()) {
                Node o = it.next().getObject();
                if (o.isLiteral() && !o.getLiteralLexicalForm().isBlank()) return o.getLiteralLexicalForm().trim();
                if (o.isURI()) return o.getURI();
            }
            return null;
        } finally {
            it.close();
        }
    }

    private static String title(Graph g, Node s) {
        String t = firstLiteral(g, s, Vocab.DCT_title);
        return t == null ? "(untitled)" : "'" + t + "'";
    }
}
