package de.hanse.core.store.remote;

import de.hanse.core.store.NodeStore;
import de.hanse.core.vocab.Hanse;
import de.hanse.core.vocab.Vocab;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.apache.jena.graph.Node;
import org.apache.jena.query.TxnType;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * Keeps the node's local TDB2 a read replica of the remote store, so every read path (catalogue, search, local
 * {@code /sparql}) keeps reading TDB2. One {@link #syncOnce()} asks the store's version; when it moved past the
 * last one applied, it lists the units whose {@code hanse:version} is newer, fetches them in batches of
 * {@value #BATCH} units with one SELECT each, and replaces them locally in ONE local write transaction (removed units
 * are deleted). The local write lock is held while fetching, so a harvest on this node never interleaves with a
 * sync. Listeners hear the dataset IRIs ({@code foaf:primaryTopic}) of the replaced units, after the commit.
 * Thread-safe; {@link #syncOnce()} runs one at a time.
 */
public final class RemoteSync {
    static final int BATCH = 200;
    private static final Var U = Var.alloc("u"), V = Var.alloc("v"), R = Var.alloc("r"), G = Var.alloc("g"), S = Var.alloc("s"),
            P = Var.alloc("p"), O = Var.alloc("o");

    private final NodeStore store;
    private final SparqlHttp sparql;
    private final AtomicLong applied = new AtomicLong(-1);
    private final List<Consumer<Set<String>>> listeners = new CopyOnWriteArrayList<>();

    public RemoteSync(NodeStore store, SparqlHttp sparql, RemotePublisher publisher) {
        this.store = store;
        this.sparql = sparql;
        // this node's own commits are in its local store already: skip refetching them when nothing came between
        publisher.onCommitted((from, to) -> applied.compareAndSet(from, to));
    }

    public void addListener(Consumer<Set<String>> datasetsChanged) {
        listeners.add(datasetsChanged);
    }

    /** The remote store version applied locally; -1 before the first sync. */
    public long applied() {
        return applied.get();
    }

    /** Brings the local store up to the remote one; returns how many units were replaced. Throws when the store fails. */
    public synchronized int syncOnce() {
        String sync = Units.str(Units.SYNC);
        List<Binding> top = sparql.select(Units.PREFIXES + "SELECT ?v WHERE { GRAPH " + sync + " { " + sync + " h:version ?v } }");
        long remote = top.isEmpty() ? 0 : Long.parseLong(top.get(0).get(V).getLiteralLexicalForm());
        if (remote == applied.get()) return 0;
        Set<String> topics = new LinkedHashSet<>();
        int replaced = 0;
        store.dataset().begin(TxnType.WRITE);
        boolean committed = false;
        try {
            long from = applied.get();
            Map<Node, Boolean> changed = new LinkedHashMap<>();
            long newest = remote;
            for (Binding b : sparql.select(Units.PREFIXES + "SELECT ?u ?v ?r WHERE { GRAPH " + sync + " { ?u h:version ?v OPTIONAL { ?u h:removed ?r } "
                    + "FILTER(?u != " + sync + " && ?v > " + from + ") } }")) {
                changed.put(b.get(U), b.contains(R));
                newest = Math.max(newest, Long.parseLong(b.get(V).getLiteralLexicalForm()));
            }
            DatasetGraph dsg = store.datasetGraph();
            List<Node> units = new ArrayList<>(changed.keySet());
            for (int i = 0; i < units.size(); i += BATCH) {
                List<Node> batch = units.subList(i, Math.min(units.size(), i + BATCH));
                Map<Node, List<Quad>> content = fetch(batch);
                for (Node u : batch) {
                    topics.addAll(topics(dsg, u));
                    Units.clear(dsg, u);
                    for (Quad q : content.getOrDefault(u, List.of())) dsg.add(q);
                    topics.addAll(topics(dsg, u));
                    replaced++;
                }
            }
            store.dataset().commit();
            committed = true;
            final long reached = newest;
            applied.accumulateAndGet(reached, Math::max);
        } finally {
            if (!committed && store.dataset().isInTransaction()) store.dataset().abort();
            store.dataset().end();
        }
        if (!topics.isEmpty()) for (Consumer<Set<String>> l : listeners) l.accept(Set.copyOf(topics));
        return replaced;
    }

    /** The current quads of these units, by unit: their description in META and their graphs as listed in the sync graph. */
    private Map<Node, List<Quad>> fetch(List<Node> batch) {
        String sync = Units.str(Units.SYNC), meta = Units.str(Hanse.META);
        Map<Node, List<Quad>> out = new LinkedHashMap<>();
        // VALUES inside each branch, first: the engine then looks up each unit instead of scanning every unit's graphs
        String units = Units.values("u", batch);
        for (Binding b : sparql.select(Units.PREFIXES + "SELECT ?u ?g ?s ?p ?o WHERE { { " + units + " GRAPH " + sync
                + " { ?u h:graph ?g } GRAPH ?g { ?s ?p ?o } } UNION { " + units + " GRAPH " + meta + " { ?u ?p ?o } BIND(?u AS ?s) BIND("
                + meta + " AS ?g) } }")) {
            out.computeIfAbsent(b.get(U), k -> new ArrayList<>()).add(Quad.create(b.get(G), b.get(S), b.get(P), b.get(O)));
        }
        return out;
    }

    private static List<String> topics(DatasetGraph dsg, Node u) {
        List<String> out = new ArrayList<>();
        dsg.find(Hanse.META, u, Vocab.FOAF_primaryTopic, Node.ANY).forEachRemaining(q -> {
            if (q.getObject().isURI()) out.add(q.getObject().getURI());
        });
        return out;
    }
}
