package de.hanse.core.store.remote;

import static org.assertj.core.api.Assertions.assertThat;

import de.hanse.core.config.StoreConfig;
import de.hanse.core.store.NodeStore;
import de.hanse.core.vocab.Hanse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Publisher and sync against a real Fuseki on loopback, below the harvester: a unit's graph set that shrinks (a
 * record whose quality report went away), blank nodes that must arrive as one node, and a removed unit.
 */
class RemoteReplicationIT {
    private static final Node U = NodeFactory.createURI("urn:hanse:record:s:1");
    private static final Node Q = NodeFactory.createURI("urn:hanse:record:s:1:quality");
    private static final Node P = NodeFactory.createURI("http://example.org/p");
    private final DatasetGraph shared = DatabaseMgr.createDatasetGraph();
    private FusekiServer fuseki;
    private NodeStore writer, reader;
    private RemoteSync sync;

    @BeforeEach
    void start() {
        fuseki = FusekiServer.create().port(0).loopback(true).add("/hanse", shared).build().start();
        String url = "http://127.0.0.1:" + fuseki.getHttpPort() + "/hanse";
        writer = NodeStore.replicaOf(new RemoteStore(StoreConfig.remote(url, true), "w"));
        reader = NodeStore.replicaOf(new RemoteStore(StoreConfig.remote(url, false), "r"));
        RemoteStore r = reader.remote().orElseThrow();
        sync = new RemoteSync(reader, r.sparql(), r.publisher());
    }

    @AfterEach
    void stop() {
        writer.close();
        reader.close();
        fuseki.stop();
    }

    @Test
    void graphsThatLeaveAUnitAndBlankNodesReplicate() {
        write("1", dsg -> {
            Node b = NodeFactory.createBlankNode();
            dsg.add(U, U, P, b);
            dsg.add(U, b, P, NodeFactory.createLiteralString("inner"));
            dsg.add(Hanse.META, U, Hanse.graph, U);
            dsg.add(Hanse.META, U, Hanse.p("quality"), Q);
            dsg.add(Q, Q, P, NodeFactory.createLiteralString("a violation"));
        });
        assertThat(sync.syncOnce()).isEqualTo(1);
        assertThat(quads(reader)).hasSize(5);
        assertThat(Txn.calculateRead(reader.dataset(), () -> {
            Node b = reader.datasetGraph().find(U, U, P, Node.ANY).next().getObject();
            return b.isBlank() && reader.datasetGraph().contains(U, b, P, NodeFactory.createLiteralString("inner"));
        })).as("the blank node arrives as one node").isTrue();

        write("2", dsg -> {
            dsg.deleteAny(Q, Node.ANY, Node.ANY, Node.ANY);
            dsg.deleteAny(Hanse.META, U, Hanse.p("quality"), Node.ANY);
        });
        sync.syncOnce();
        assertThat(quads(reader)).hasSize(3).noneMatch(q -> q.startsWith(Q.getURI() + " "));
        assertThat(quads(writer)).containsExactlyInAnyOrderElementsOf(quads(reader));
        assertThat(Txn.calculateRead(shared, () -> shared.getGraph(Q).isEmpty())).as("the store dropped the graph the unit no longer names").isTrue();

        write("3", dsg -> {
            dsg.deleteAny(U, Node.ANY, Node.ANY, Node.ANY);
            dsg.deleteAny(Hanse.META, U, Node.ANY, Node.ANY);
        });
        sync.syncOnce();
        assertThat(quads(reader)).isEmpty();
        assertThat(sync.syncOnce()).as("nothing new").isZero();
    }

    /** One local write transaction on the writer, published like a harvest run that touched unit U. */
    private void write(String id, java.util.function.Consumer<DatasetGraph> change) {
        writer.dataset().begin(TxnType.WRITE);
        try {
            change.accept(writer.datasetGraph());
            writer.gate().beforeCommit(id, writer.datasetGraph(), Set.of(U));
            writer.dataset().commit();
            writer.gate().afterCommit(id);
        } finally {
            writer.dataset().end();
        }
    }

    /** Quads with blank nodes as "_", graph first. */
    private static List<String> quads(NodeStore store) {
        return store.read(dsg -> {
            List<String> out = new ArrayList<>();
            dsg.find().forEachRemaining(q -> out.add(q.getGraph() + " " + (q.getSubject().isBlank() ? "_" : q.getSubject()) + " " + q.getPredicate()
                    + " " + (q.getObject().isBlank() ? "_" : q.getObject())));
            return out;
        });
    }
}
