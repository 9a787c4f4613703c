package de.hanse.harvest.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.jena.atlas.lib.tuple.Tuple;
import org.apache.jena.atlas.lib.tuple.TupleFactory;
import org.apache.jena.atlas.lib.tuple.TupleMap;
import org.apache.jena.graph.Node;
import org.apache.jena.query.ReadWrite;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.store.DatasetGraphSwitchable;
import org.apache.jena.tdb2.store.DatasetGraphTDB;
import org.apache.jena.tdb2.store.NodeId;
import org.apache.jena.tdb2.store.nodetable.NodeTable;
import org.apache.jena.tdb2.store.nodetupletable.NodeTupleTable;
import org.apache.jena.tdb2.store.tupletable.TupleIndex;
import org.apache.jena.tdb2.sys.TDBInternal;

/**
 * Quads of records that are not stored yet (a first harvest writes only such), collected for one page and added
 * in one go inside the caller's write transaction: every distinct node of the page is looked up or allocated in
 * TDB2's node table once, and the page's quads are inserted into each of the store's quad indexes (four or six) in that index's own
 * sort order, so consecutive inserts land in the same B+tree leaves instead of one random leaf per quad and
 * index. It is the same write TDB2's {@code QuadTable.add} makes, in another order and in the same transaction:
 * an aborted or killed run leaves the store as before. Any other dataset (not TDB2, wrapped, or outside a write
 * transaction) gets the quads one {@link DatasetGraph#add} at a time. Only for named graphs; not thread-safe.
 */
final class NewQuads {
    private final List<Quad> quads = new ArrayList<>();

    void addAll(List<Quad> more) {
        quads.addAll(more);
    }

    int size() {
        return quads.size();
    }

    /** Writes what was collected and starts again empty. */
    void flush(DatasetGraph dsg) {
        if (quads.isEmpty()) return;
        try {
            DatasetGraphTDB tdb = bulkTarget(dsg);
            if (tdb == null) quads.forEach(dsg::add);
            else write(tdb.getQuadTable().getNodeTupleTable());
        } finally {
            quads.clear();
        }
    }

    /** {@code -Dhanse.harvest.bulk=false} writes new records one quad at a time (to compare; see docs/benchmarks.md). */
    static final boolean BULK = Boolean.parseBoolean(System.getProperty("hanse.harvest.bulk", "true"));

    private DatasetGraphTDB bulkTarget(DatasetGraph dsg) {
        if (!BULK) return null;
        if (!(dsg instanceof DatasetGraphSwitchable || dsg instanceof DatasetGraphTDB)) return null;
        if (!dsg.isInTransaction() || dsg.transactionMode() != ReadWrite.WRITE) return null;
        for (Quad q : quads) if (q.isDefaultGraph() || q.isUnionGraph()) return null;
        return TDBInternal.getDatasetGraphTDB(dsg);
    }

    private void write(NodeTupleTable table) {
        NodeTable nodes = table.getNodeTable();
        Map<Node, NodeId> ids = new HashMap<>(quads.size());
        List<Tuple<NodeId>> tuples = new ArrayList<>(quads.size());
        for (Quad q : quads)
            tuples.add(TupleFactory.create4(id(nodes, ids, q.getGraph()), id(nodes, ids, q.getSubject()),
                    id(nodes, ids, q.getPredicate()), id(nodes, ids, q.getObject())));
        for (TupleIndex index : table.getTupleTable().getIndexes()) {
            tuples.sort(inKeyOrder(index.getMapping()));
            for (Tuple<NodeId> t : tuples) index.add(t);
        }
    }

    private static NodeId id(NodeTable nodes, Map<Node, NodeId> ids, Node n) {
        NodeId id = ids.get(n);
        if (id == null) {
            id = nodes.getAllocateNodeId(n);
            ids.put(n, id);
        }
        return id;
    }

    /**
     * Tuples in the table's column order (G S P O) compared the way the index orders its keys: column by column in
     * the index's order (e.g. P O S G), found by mapping a tuple of column numbers.
     */
    static Comparator<Tuple<NodeId>> inKeyOrder(TupleMap map) {
        Tuple<Integer> cols = map.map(TupleFactory.create4(0, 1, 2, 3));
        int[] order = new int[cols.len()];
        for (int i = 0; i < order.length; i++) order[i] = cols.get(i);
        return (a, b) -> {
            for (int col : order) {
                int c = NodeId.compare(a.get(col), b.get(col));
                if (c != 0) return c;
            }
            return 0;
        };
    }
}
