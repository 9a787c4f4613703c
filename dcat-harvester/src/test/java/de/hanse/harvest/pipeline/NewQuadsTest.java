package de.hanse.harvest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import de.hanse.core.store.NodeStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bulk path for new records' quads on a real on-disk TDB2: the same quads end up in every one of the store's quad
 * indexes as with one {@code add} at a time (each index answers the patterns it serves), in the index's own order,
 * and an aborted transaction leaves nothing behind.
 */
class NewQuadsTest {
    @TempDir
    Path dir;

    /** Quads of a few records in a few graphs, with shared and fresh nodes, inline numbers, dates and blank nodes. */
    private static List<Quad> quads(int records) {
        List<Quad> out = new ArrayList<>();
        Node p1 = NodeFactory.createURI("http://purl.org/dc/terms/title");
        Node p2 = NodeFactory.createURI("http://www.w3.org/ns/dcat#byteSize");
        Node p3 = NodeFactory.createURI("http://purl.org/dc/terms/issued");
        Node p4 = NodeFactory.createURI("http://purl.org/dc/terms/spatial");
        Node meta = NodeFactory.createURI("urn:hanse:meta");
        for (int i = records - 1; i >= 0; i--) { // reverse: the input order must not matter
            Node g = NodeFactory.createURI("urn:hanse:record:t:" + i);
            Node s = NodeFactory.createURI("https://example.org/ds/" + i);
            Node b = NodeFactory.createBlankNode();
            out.add(Quad.create(g, s, p1, NodeFactory.createLiteralLang("Titel " + i, "de")));
            out.add(Quad.create(g, s, p2, NodeFactory.createLiteralDT(Integer.toString(1000 - i), XSDDatatype.XSDinteger)));
            out.add(Quad.create(g, s, p3, NodeFactory.createLiteralDT("2026-01-0" + (1 + i % 9), XSDDatatype.XSDdate)));
            out.add(Quad.create(g, s, p4, b));
            out.add(Quad.create(g, b, p1, NodeFactory.createLiteralString("shared")));
            out.add(Quad.create(meta, g, p1, NodeFactory.createLiteralString("record " + i)));
        }
        return out;
    }

    @Test
    void bulkWriteEqualsOneAtATimeInEveryIndexAndInIndexOrder() {
        List<Quad> quads = quads(40);
        try (NodeStore bulk = NodeStore.open(dir.resolve("bulk")); NodeStore single = NodeStore.open(dir.resolve("single"))) {
            bulk.write(dsg -> {
                NewQuads batch = new NewQuads();
                batch.addAll(quads);
                assertThat(batch.size()).isEqualTo(quads.size());
                batch.flush(dsg);
                assertThat(batch.size()).isZero();
            });
            single.write(dsg -> quads.forEach(dsg::add));
            Quad any = quads.get(0);
            for (Quad pattern : List.of(Quad.create(Node.ANY, Node.ANY, Node.ANY, Node.ANY),
                    Quad.create(any.getGraph(), Node.ANY, Node.ANY, Node.ANY), // GSPO
                    Quad.create(any.getGraph(), Node.ANY, any.getPredicate(), Node.ANY), // GPOS
                    Quad.create(any.getGraph(), Node.ANY, Node.ANY, any.getObject()), // GOSP
                    Quad.create(Node.ANY, any.getSubject(), Node.ANY, Node.ANY), // SPOG
                    Quad.create(Node.ANY, Node.ANY, any.getPredicate(), Node.ANY), // POSG
                    Quad.create(Node.ANY, Node.ANY, Node.ANY, NodeFactory.createLiteralString("shared")))) { // OSPG
                assertThat(read(bulk, pattern)).as("pattern %s", pattern)
                        .isEqualTo(read(single, pattern)).isNotEmpty();
            }
            assertThat(read(bulk, Quad.create(Node.ANY, Node.ANY, Node.ANY, Node.ANY))).hasSize(quads.size());
            // the comparator sorts as each index iterates its keys
            bulk.read(dsg -> {
                for (TupleIndex index : TDBInternal.getDatasetGraphTDB(dsg).getQuadTable().getNodeTupleTable().getTupleTable().getIndexes()) {
                    List<Tuple<NodeId>> stored = new ArrayList<>();
                    index.all().forEachRemaining(stored::add);
                    List<Tuple<NodeId>> sorted = new ArrayList<>(stored);
                    sorted.sort(NewQuads.inKeyOrder(index.getMapping()));
                    assertThat(sorted).as(index.getName()).isEqualTo(stored);
                }
                return null;
            });
        }
    }

    @Test
    void anAbortedTransactionLeavesTheStoreAsBefore() {
        try (NodeStore store = NodeStore.open(dir.resolve("abort"))) {
            store.write(dsg -> dsg.add(quads(1).get(0)));
            store.dataset().begin(TxnType.WRITE);
            try {
                NewQuads batch = new NewQuads();
                batch.addAll(quads(30));
                batch.flush(store.datasetGraph());
                assertThat(find(store.datasetGraph(), Quad.create(Node.ANY, Node.ANY, Node.ANY, Node.ANY))).hasSize(30 * 6);
                store.dataset().abort();
            } finally {
                store.dataset().end();
            }
            assertThat(read(store, Quad.create(Node.ANY, Node.ANY, Node.ANY, Node.ANY))).hasSize(1);
            store.write(dsg -> {
                NewQuads batch = new NewQuads();
                batch.addAll(quads(2));
                batch.flush(dsg);
            });
            assertThat(read(store, Quad.create(Node.ANY, Node.ANY, Node.ANY, Node.ANY))).hasSize(2 * 6); // the first quad was stored already: written again, still once
        }
    }

    @Test
    void aWrappedDatasetGetsOneAddPerQuad() {
        NodeStore store = NodeStore.inMemory();
        List<Quad> added = new ArrayList<>();
        store.write(dsg -> {
            NewQuads batch = new NewQuads();
            batch.addAll(quads(3));
            batch.flush(new DatasetGraphWrapper(dsg) {
                @Override
                public void add(Quad q) {
                    added.add(q);
                    super.add(q);
                }
            });
        });
        assertThat(added).hasSize(3 * 6);
        assertThat(read(store, Quad.create(Node.ANY, Node.ANY, Node.ANY, Node.ANY))).hasSize(3 * 6);
    }

    private static Set<Quad> read(NodeStore store, Quad pattern) {
        Set<Quad> out = store.read(dsg -> find(dsg, pattern));
        return out;
    }

    private static Set<Quad> find(DatasetGraph dsg, Quad pattern) {
        Set<Quad> out = new HashSet<>();
        dsg.find(pattern).forEachRemaining(out::add);
        return out;
    }
}
