package de.hanse.catalogue.search.extract;

import de.hanse.core.vocab.Hanse;
import de.hanse.core.vocab.Vocab;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;

/**
 * Reads the provenance graph {@link Hanse#META}: which records (one per source) hold a dataset, and which is the
 * primary one the merged view shows (newest {@code dct:modified} of the dataset, then higher source priority, then
 * source name for determinism). All methods must run inside a read transaction on the given dataset graph.
 */
public final class CatalogueRecords {
    private static final String SOURCE_PREFIX = Hanse.GRAPH_NS + "source:";

    private CatalogueRecords() {}

    /**
     * One record of a dataset.
     *
     * @param record        the record node (the record graph's IRI)
     * @param graph         the named graph with the record's triples
     * @param source        harvest source name
     * @param priority      source priority
     * @param derivedFrom   the page the record was read from, or {@code null}
     * @param issued        first harvested (lexical), or {@code null}
     * @param modified      last written (lexical), or {@code null}
     * @param datasetModified the dataset's own {@code dct:modified} in epoch ms, or {@code null}
     */
    public record RecordRef(Node record, Node graph, String source, int priority, String derivedFrom, String issued,
                            String modified, Long datasetModified) {}

    /** Every dataset IRI that has at least one record, each once. */
    public static Set<Node> datasets(DatasetGraph dsg) {
        Set<Node> out = new LinkedHashSet<>();
        dsg.find(Hanse.META, Node.ANY, Vocab.FOAF_primaryTopic, Node.ANY).forEachRemaining(q -> out.add(q.getObject()));
        return out;
    }

    /** The dataset's records, primary first; empty if no source holds it. */
    public static List<RecordRef> records(DatasetGraph dsg, Node dataset) {
        List<RecordRef> out = new ArrayList<>();
        dsg.find(Hanse.META, Node.ANY, Vocab.FOAF_primaryTopic, dataset).forEachRemaining(q -> out.add(ref(dsg, q.getSubject(), dataset)));
        out.sort(Comparator.comparing((RecordRef r) -> r.datasetModified() == null ? Long.MIN_VALUE : r.datasetModified()).reversed()
                .thenComparing(Comparator.comparingInt(RecordRef::priority).reversed())
                .thenComparing(RecordRef::source));
        return out;
    }

    private static RecordRef ref(DatasetGraph dsg, Node record, Node dataset) {
        Node graph = one(dsg, Hanse.META, record, Hanse.graph);
        if (graph == null) graph = record;
        Node sourceNode = one(dsg, Hanse.META, record, Hanse.source);
        String source = sourceName(dsg, sourceNode);
        Node prio = sourceNode == null ? null : one(dsg, Hanse.META, sourceNode, Hanse.priority);
        int priority = 0;
        if (prio != null && prio.isLiteral()) {
            try {
                priority = Integer.parseInt(prio.getLiteralLexicalForm().strip());
            } catch (NumberFormatException ignored) {
                // a malformed priority counts as the default
            }
        }
        Node dm = one(dsg, graph, dataset, Vocab.DCT_modified);
        return new RecordRef(record, graph, source, priority, text(one(dsg, Hanse.META, record, Vocab.PROV_wasDerivedFrom)),
                text(one(dsg, Hanse.META, record, Vocab.DCT_issued)), text(one(dsg, Hanse.META, record, Vocab.DCT_modified)),
                dm != null && dm.isLiteral() ? Dates.parseOrNull(dm.getLiteralLexicalForm(), false) : null);
    }

    private static String sourceName(DatasetGraph dsg, Node sourceNode) {
        if (sourceNode == null) return "unknown";
        Node title = one(dsg, Hanse.META, sourceNode, Vocab.DCT_title);
        if (title != null && title.isLiteral()) return title.getLiteralLexicalForm();
        String s = sourceNode.isURI() ? sourceNode.getURI() : sourceNode.toString();
        return s.startsWith(SOURCE_PREFIX) ? s.substring(SOURCE_PREFIX.length()) : s;
    }

    /** The first object of {@code (g, s, p, ?)}, or {@code null}. */
    public static Node one(DatasetGraph dsg, Node g, Node s, Node p) {
        Iterator<Quad> it = dsg.find(g, s, p, Node.ANY);
        try {
            return it.hasNext() ? it.next().getObject() : null;
        } finally {
            org.apache.jena.atlas.iterator.Iter.close(it);
        }
    }

    static String text(Node n) {
        if (n == null) return null;
        return n.isLiteral() ? n.getLiteralLexicalForm() : n.isURI() ? n.getURI() : n.toString();
    }

    public static Node iri(String s) {
        return NodeFactory.createURI(s);
    }
}
