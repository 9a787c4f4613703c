package de.hanse.harvest.validate;

import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * The controlled-vocabulary typings the shapes' {@code sh:class} and {@code skos:inScheme} checks need
 * ({@code shapes/vocab-typings.ttl}): for one record, the typings of exactly the concepts the record uses are
 * copied into its data graph, with the class axioms (e.g. {@code foaf:Organization rdfs:subClassOf foaf:Agent}).
 * Copying only the used concepts keeps the data graph small and keeps unused concepts from becoming SHACL
 * targets. IANA media-type IRIs are typed {@code dct:MediaType} by rule (the registry is open-ended).
 * Immutable after construction; thread-safe.
 */
final class VocabTypings {
    static final String RESOURCE = "/shapes/vocab-typings.ttl";
    private static final Node RDF_TYPE = NodeFactory.createURI("http://www.w3.org/1999/02/22-rdf-syntax-ns#type");
    private static final Node SUBCLASS = NodeFactory.createURI("http://www.w3.org/2000/01/rdf-schema#subClassOf");
    private static final Node MEDIA_TYPE = NodeFactory.createURI("http://purl.org/dc/terms/MediaType");

    private final Graph typings;
    private final List<Triple> axioms;

    private VocabTypings(Graph typings) {
        this.typings = typings;
        this.axioms = typings.find(Node.ANY, SUBCLASS, Node.ANY).toList();
    }

    static VocabTypings bundled() {
        Graph g = GraphFactory.createGraphMem();
        try (InputStream in = VocabTypings.class.getResourceAsStream(RESOURCE)) {
            if (in == null) throw new IllegalStateException("missing resource " + RESOURCE);
            RDFParser.source(in).lang(Lang.TURTLE).parse(g);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new VocabTypings(g);
    }

    /** No typings at all (for measuring what they change). */
    static VocabTypings none() {
        return new VocabTypings(GraphFactory.createGraphMem());
    }

    int size() {
        return typings.size();
    }

    /** A new graph: the record, the class axioms and the typings of the IRIs the record uses as objects. */
    Graph dataGraph(Graph record) {
        Graph data = GraphFactory.createGraphMem();
        Set<Node> used = new HashSet<>();
        record.find().forEachRemaining(t -> {
            data.add(t);
            if (t.getObject().isURI()) used.add(t.getObject());
        });
        axioms.forEach(data::add);
        for (Node o : used) {
            typings.find(o, Node.ANY, Node.ANY).forEachRemaining(data::add);
            String iri = o.getURI();
            if (iri.startsWith("https://www.iana.org/assignments/media-types/") || iri.startsWith("http://www.iana.org/assignments/media-types/"))
                data.add(Triple.create(o, RDF_TYPE, MEDIA_TYPE));
        }
        return data;
    }
}
