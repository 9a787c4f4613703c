package de.hanse.core.store.remote;

import de.hanse.core.vocab.Hanse;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.riot.out.NodeFmtLib;

/**
 * The unit of replication and the bookkeeping graph of a remote store. A unit is a subject IRI {@code u} of
 * {@code urn:hanse:meta}: its triples there, the named graph {@code u} and every named graph its description names
 * (a record's quality report). In the remote store the graph {@link #SYNC} holds per unit {@code hanse:version}
 * (the store version that last wrote it), {@code hanse:graph} (its graphs) or {@code hanse:removed true} (a
 * tombstone), and for the store itself {@code hanse:version} (bumped by every commit), {@code hanse:generation} and
 * {@code hanse:writer} (the fence) and {@code hanse:lastCommit}. Stateless.
 */
final class Units {
    static final Node SYNC = NodeFactory.createURI(Hanse.GRAPH_NS + "sync");
    static final String STAGING = Hanse.GRAPH_NS + "staging:";
    static final Node VERSION = Hanse.p("version");
    static final Node GENERATION = Hanse.p("generation");
    static final Node WRITER = Hanse.p("writer");
    static final Node LAST_COMMIT = Hanse.p("lastCommit");
    static final Node REMOVED = Hanse.p("removed");
    static final String PREFIXES = "PREFIX h: <" + Hanse.NS + ">\n";

    private Units() {}

    /** The named graphs of unit {@code u} in {@code dsg}: {@code u} itself and graphs its description names, when not empty. */
    static Set<Node> graphs(DatasetGraph dsg, Node u) {
        Set<Node> out = new LinkedHashSet<>();
        if (nonEmpty(dsg, u)) out.add(u);
        dsg.find(Hanse.META, u, Node.ANY, Node.ANY).forEachRemaining(q -> {
            Node o = q.getObject();
            if (o.isURI() && !o.equals(Hanse.META) && nonEmpty(dsg, o)) out.add(o);
        });
        return out;
    }

    /** One index lookup (a quad with graph {@code g}), not a walk over the dataset's graph names. */
    private static boolean nonEmpty(DatasetGraph dsg, Node g) {
        return dsg.contains(g, Node.ANY, Node.ANY, Node.ANY);
    }

    /** Every quad of unit {@code u} in {@code dsg} (its description in META and its graphs). */
    static List<Quad> quads(DatasetGraph dsg, Node u) {
        List<Quad> out = new ArrayList<>();
        dsg.find(Hanse.META, u, Node.ANY, Node.ANY).forEachRemaining(out::add);
        for (Node g : graphs(dsg, u)) dsg.find(g, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(out::add);
        return out;
    }

    /** Removes unit {@code u} from {@code dsg}. */
    static void clear(DatasetGraph dsg, Node u) {
        for (Node g : graphs(dsg, u)) dsg.deleteAny(g, Node.ANY, Node.ANY, Node.ANY);
        dsg.deleteAny(Hanse.META, u, Node.ANY, Node.ANY);
    }

    /** A node in SPARQL syntax (IRIs and literals; blank nodes are written by the caller with stable labels). */
    static String str(Node n) {
        return NodeFmtLib.strNT(n);
    }

    /** {@code VALUES ?var { <a> <b> }} */
    static String values(String var, Iterable<Node> nodes) {
        StringBuilder sb = new StringBuilder("VALUES ?").append(var).append(" {");
        for (Node n : nodes) sb.append(' ').append(str(n));
        return sb.append(" }").toString();
    }

    static String fence(long generation, String writer) {
        return "GRAPH " + str(SYNC) + " { " + str(SYNC) + " h:generation " + generation + " ; h:writer " + str(NodeFactory.createLiteralString(writer)) + " }";
    }
}
