package de.hanse.catalogue.search;

import de.hanse.core.store.NodeStore;
import de.hanse.core.vocab.Hanse;
import de.hanse.core.vocab.Vocab;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * Writes test catalogues into a store in the harvester's documented layout (record graph per dataset, provenance in
 * {@code urn:hanse:meta}), so search can be tested without running a harvest.
 */
final class CatalogueFixture {
    private CatalogueFixture() {}

    /** Loads {@code /search/<file>} as the records of {@code source}; returns the dataset IRIs. */
    static List<String> load(NodeStore store, String source, int priority, String file) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.source(CatalogueFixture.class.getResource("/search/" + file).toString()).parse(g);
        List<String> out = new ArrayList<>();
        store.write(dsg -> {
            describeSource(dsg, source, priority);
            g.find(Node.ANY, Vocab.RDF_TYPE, Vocab.DCAT_DATASET).forEachRemaining(t -> {
                write(dsg, source, t.getSubject(), closure(g, t.getSubject()), "file:" + file);
                out.add(t.getSubject().getURI());
            });
        });
        return out;
    }

    static void describeSource(DatasetGraph dsg, String source, int priority) {
        Node s = Hanse.sourceNode(source);
        dsg.deleteAny(Hanse.META, s, Node.ANY, Node.ANY);
        dsg.add(Hanse.META, s, Vocab.RDF_TYPE, Hanse.HarvestSource);
        dsg.add(Hanse.META, s, Vocab.DCT_title, NodeFactory.createLiteralString(source));
        dsg.add(Hanse.META, s, Hanse.priority, NodeFactory.createLiteralDT(Integer.toString(priority), XSDDatatype.XSDinteger));
    }

    /** Writes one record (replacing it). */
    static void write(DatasetGraph dsg, String source, Node dataset, Graph record, String page) {
        Node r = Hanse.recordGraph(source, dataset.getURI());
        delete(dsg, source, dataset.getURI());
        record.find().forEachRemaining(t -> dsg.add(r, t.getSubject(), t.getPredicate(), t.getObject()));
        Node now = NodeFactory.createLiteralDT(Instant.now().toString(), XSDDatatype.XSDdateTime);
        dsg.add(Hanse.META, r, Vocab.RDF_TYPE, Vocab.DCAT_CATALOG_RECORD);
        dsg.add(Hanse.META, r, Vocab.FOAF_primaryTopic, dataset);
        dsg.add(Hanse.META, r, Hanse.source, Hanse.sourceNode(source));
        dsg.add(Hanse.META, r, Vocab.PROV_wasDerivedFrom, NodeFactory.createURI(page));
        dsg.add(Hanse.META, r, Vocab.DCT_issued, now);
        dsg.add(Hanse.META, r, Vocab.DCT_modified, now);
        dsg.add(Hanse.META, r, Hanse.hash, NodeFactory.createLiteralString(Integer.toHexString(record.size()) + now));
    }

    static void delete(DatasetGraph dsg, String source, String datasetIri) {
        Node r = Hanse.recordGraph(source, datasetIri);
        dsg.deleteAny(r, Node.ANY, Node.ANY, Node.ANY);
        dsg.deleteAny(Hanse.META, r, Node.ANY, Node.ANY);
    }

    /** The dataset and everything reachable from it except other datasets. */
    static Graph closure(Graph g, Node dataset) {
        Graph out = GraphFactory.createDefaultGraph();
        Deque<Node> todo = new ArrayDeque<>(List.of(dataset));
        Set<Node> seen = new HashSet<>(todo);
        while (!todo.isEmpty()) {
            Node s = todo.pop();
            for (Triple t : g.find(s, Node.ANY, Node.ANY).toList()) {
                out.add(t);
                Node o = t.getObject();
                if (!o.isLiteral() && !g.contains(o, Vocab.RDF_TYPE, Vocab.DCAT_DATASET) && seen.add(o)) todo.push(o);
            }
        }
        return out;
    }
}
