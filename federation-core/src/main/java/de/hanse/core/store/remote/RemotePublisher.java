package de.hanse.core.store.remote;

import de.hanse.core.store.WriteGate;
import de.hanse.core.vocab.Hanse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.core.Var;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pushes a harvest's changes to the remote store all or nothing, and only while this node still is the writer.
 *
 * <p>The writer first takes the store's writer generation ({@link #acquire()}: increments {@code hanse:generation}
 * and names itself in {@code hanse:writer}); a writer that started later takes the next one. Each write then
 * (1) deletes staging graphs left by dead writers, (2) uploads every changed unit into staging graphs
 * {@code urn:hanse:staging:<write>:<n>} with {@code INSERT DATA} requests, and (3) commits with ONE SPARQL Update
 * request whose every operation applies only {@code WHERE} the stored generation and writer are still its own:
 * it clears the changed units, copies the staging graphs onto their targets, bumps the versions in
 * {@code urn:hanse:sync} and drops the staging graphs. The store runs one update request in one transaction, so
 * readers see the write entirely or not at all; a stale writer's commit matches nothing and changes nothing, which
 * {@link #beforeCommit} reports as {@link FencedException}. Any failure aborts the caller's local transaction too.
 *
 * <p>Called by one writing thread at a time (the local TDB2 write lock); {@link #acquire()} may race with it and
 * is synchronized.
 */
public final class RemotePublisher implements WriteGate {
    private static final Logger LOG = LoggerFactory.getLogger(RemotePublisher.class);
    /** Quads per staging upload request; a unit is never split across requests (its blank nodes must stay one). */
    private static final int CHUNK_QUADS = 20_000;

    /** The store has a newer writer: this write changed nothing there. */
    public static final class FencedException extends RuntimeException {
        public FencedException(String message) {
            super(message);
        }
    }

    private final SparqlHttp sparql;
    private final boolean writer;
    private final String identity;
    private volatile Long generation;
    private volatile Runnable afterStaging = () -> {};
    private volatile BiConsumer<Long, Long> committed = (from, to) -> {};
    private long[] pending;

    public RemotePublisher(SparqlHttp sparql, boolean writer, String nodeName) {
        this.sparql = sparql;
        this.writer = writer;
        this.identity = nodeName + "/" + UUID.randomUUID();
    }

    @Override
    public String refusal() {
        return writer ? null : "this replica reads a remote store and is not its writer (store.writer: false); "
                + "harvests run on the writer replica or in the harvest job";
    }

    public boolean writer() {
        return writer;
    }

    /** The generation this writer holds, or {@code null} before {@link #acquire()}. */
    public Long generation() {
        return generation;
    }

    /** Told (version before, version after) of each of this writer's commits, after the local commit. */
    void onCommitted(BiConsumer<Long, Long> listener) {
        this.committed = listener;
    }

    /** Fault injection for tests: runs after the staging upload, before the commit request (a throw = a writer dying there). */
    public void afterStaging(Runnable hook) {
        this.afterStaging = hook;
    }

    /** Takes the next writer generation: every earlier writer is fenced from now on. */
    public synchronized long acquire() {
        if (!writer) throw new IllegalStateException(refusal());
        String sync = Units.str(Units.SYNC);
        sparql.update(Units.PREFIXES + "DELETE { GRAPH " + sync + " { " + sync + " h:generation ?g . " + sync + " h:writer ?w } }\n"
                + "INSERT { GRAPH " + sync + " { " + sync + " h:generation ?ng . " + sync + " h:writer " + lit(identity) + " } }\n"
                + "WHERE { OPTIONAL { GRAPH " + sync + " { " + sync + " h:generation ?g } } OPTIONAL { GRAPH " + sync + " { " + sync
                + " h:writer ?w } } BIND(COALESCE(?g, 0) + 1 AS ?ng) }");
        List<Binding> rows = sparql.select(Units.PREFIXES + "SELECT ?g ?w WHERE { GRAPH " + sync + " { " + sync + " h:generation ?g ; h:writer ?w } }");
        if (rows.size() != 1 || !identity.equals(rows.get(0).get(Var.alloc("w")).getLiteralLexicalForm()))
            throw new FencedException("another writer took the writer generation at the same moment");
        long g = Long.parseLong(rows.get(0).get(Var.alloc("g")).getLiteralLexicalForm());
        generation = g;
        LOG.info("remote store: this node is its writer, generation {}", g);
        return g;
    }

    @Override
    public void beforeCommit(String writeId, DatasetGraph dsg, Set<Node> units) {
        if (!writer) throw new IllegalStateException(refusal());
        long gen = generation != null ? generation : acquire();
        long t0 = System.nanoTime();
        String prefix = Units.STAGING + writeId.replaceAll("[^A-Za-z0-9_.-]", "_") + ":";
        dropLeftovers(gen, prefix);
        Map<Node, Node> stagingOf = new LinkedHashMap<>();
        stagingOf.put(Hanse.META, NodeFactory.createURI(prefix + "meta"));
        Map<Node, Set<Node>> present = new LinkedHashMap<>();
        Set<Node> removed = new LinkedHashSet<>();
        Upload upload = new Upload();
        for (Node u : units) {
            List<Quad> quads = Units.quads(dsg, u);
            if (quads.isEmpty()) {
                removed.add(u);
                continue;
            }
            Set<Node> graphs = Units.graphs(dsg, u);
            present.put(u, graphs);
            for (Node g : graphs) stagingOf.computeIfAbsent(g, k -> NodeFactory.createURI(prefix + stagingOf.size()));
            upload.add(quads, stagingOf);
        }
        upload.flush();
        afterStaging.run();
        long t1 = System.nanoTime();
        long before = commit(gen, writeId, present, removed, stagingOf);
        synchronized (this) {
            pending = new long[] {before, before + 1};
        }
        LOG.info("remote store: write {} committed as version {} ({} units changed, {} removed; staging {} ms, commit {} ms)", writeId,
                before + 1, present.size(), removed.size(), (t1 - t0) / 1_000_000, (System.nanoTime() - t1) / 1_000_000);
    }

    @Override
    public void afterCommit(String writeId) {
        long[] p;
        synchronized (this) {
            p = pending;
            pending = null;
        }
        if (p != null) committed.accept(p[0], p[1]);
    }

    /** Staging graphs of writes that never committed (their writer died), deleted only while this writer is current. */
    private void dropLeftovers(long gen, String own) {
        List<Node> left = new ArrayList<>();
        for (Binding b : sparql.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { } FILTER(STRSTARTS(STR(?g), \"" + Units.STAGING + "\")) }")) {
            Node g = b.get(Var.alloc("g"));
            if (!g.getURI().startsWith(own)) left.add(g);
        }
        if (left.isEmpty()) return;
        sparql.update(Units.PREFIXES + "DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { " + Units.fence(gen, identity) + " " + Units.values("g", left)
                + " GRAPH ?g { ?s ?p ?o } }");
        LOG.info("remote store: deleted {} staging graphs left by writes that did not commit", left.size());
    }

    /** The one fenced update; returns the store version before it. */
    private long commit(long gen, String writeId, Map<Node, Set<Node>> present, Set<Node> removed, Map<Node, Node> stagingOf) {
        String fence = Units.fence(gen, identity);
        String sync = Units.str(Units.SYNC);
        Set<Node> all = new LinkedHashSet<>(present.keySet());
        all.addAll(removed);
        String units = Units.values("u", all);
        List<Node> targets = stagingOf.keySet().stream().filter(g -> !g.equals(Hanse.META)).toList();
        StringBuilder pairs = new StringBuilder("VALUES (?st ?t) {");
        stagingOf.forEach((t, st) -> pairs.append(" (").append(Units.str(st)).append(' ').append(Units.str(t)).append(')'));
        pairs.append(" }");
        StringBuilder versions = new StringBuilder();
        present.forEach((u, graphs) -> {
            versions.append(Units.str(u)).append(" h:version ?nv .\n");
            for (Node g : graphs) versions.append(Units.str(u)).append(" h:graph ").append(Units.str(g)).append(" .\n");
        });
        for (Node u : removed) versions.append(Units.str(u)).append(" h:version ?nv ; h:removed true .\n");
        StringBuilder u = new StringBuilder(Units.PREFIXES);
        u.append("DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { ").append(units).append(' ').append(fence)
                .append(" GRAPH ").append(sync).append(" { ?u h:graph ?g } GRAPH ?g { ?s ?p ?o } } ;\n");
        u.append("DELETE { GRAPH ?g { ?s ?p ?o } } WHERE { ").append(Units.values("g", targets)).append(' ').append(fence)
                .append(" GRAPH ?g { ?s ?p ?o } } ;\n");
        u.append("DELETE { GRAPH ").append(Units.str(Hanse.META)).append(" { ?u ?p ?o } } WHERE { ").append(units).append(' ').append(fence)
                .append(" GRAPH ").append(Units.str(Hanse.META)).append(" { ?u ?p ?o } } ;\n");
        u.append("DELETE { GRAPH ").append(sync).append(" { ?u ?p ?o } } WHERE { ").append(units).append(' ').append(fence)
                .append(" GRAPH ").append(sync).append(" { ?u ?p ?o } } ;\n");
        u.append("INSERT { GRAPH ?t { ?s ?p ?o } } WHERE { ").append(pairs).append(' ').append(fence).append(" GRAPH ?st { ?s ?p ?o } } ;\n");
        u.append("DELETE { GRAPH ").append(sync).append(" { ").append(sync).append(" h:version ?v . ").append(sync).append(" h:lastCommit ?c } }\n")
                .append("INSERT { GRAPH ").append(sync).append(" { ").append(sync).append(" h:version ?nv ; h:lastCommit ").append(lit(writeId))
                .append(" .\n").append(versions).append("} }\nWHERE { ").append(fence).append(" OPTIONAL { GRAPH ").append(sync).append(" { ")
                .append(sync).append(" h:version ?v } } OPTIONAL { GRAPH ").append(sync).append(" { ").append(sync)
                .append(" h:lastCommit ?c } } BIND(COALESCE(?v, 0) + 1 AS ?nv) } ;\n");
        for (Node st : stagingOf.values()) u.append("DROP SILENT GRAPH ").append(Units.str(st)).append(" ;\n");
        String request = u.substring(0, u.length() - 2);
        RuntimeException failed = null;
        try {
            sparql.update(request);
        } catch (SparqlHttp.StoreUnavailableException e) {
            failed = e; // the store may still have applied it: the check below decides
        }
        List<Binding> rows;
        try {
            rows = sparql.select(Units.PREFIXES + "SELECT ?c ?v ?g ?w WHERE { GRAPH " + sync + " { OPTIONAL { " + sync + " h:lastCommit ?c } OPTIONAL { "
                    + sync + " h:version ?v } OPTIONAL { " + sync + " h:generation ?g } OPTIONAL { " + sync + " h:writer ?w } } }");
        } catch (SparqlHttp.StoreUnavailableException e) {
            throw failed != null ? failed : e;
        }
        Binding row = rows.isEmpty() ? null : rows.get(0);
        if (row != null && row.contains("c") && writeId.equals(row.get("c").getLiteralLexicalForm()))
            return Long.parseLong(row.get("v").getLiteralLexicalForm()) - 1;
        if (failed != null) throw failed;
        String current = row != null && row.contains("g") ? row.get("g").getLiteralLexicalForm() : "?";
        throw new FencedException("fenced: the remote store's writer generation is now " + current + ", this node holds " + gen
                + " (another writer took over); the remote store is unchanged");
    }

    private static String lit(String s) {
        return Units.str(NodeFactory.createLiteralString(s));
    }

    /** INSERT DATA requests into staging graphs, a whole unit per request, blank nodes with request-wide labels. */
    private final class Upload {
        private final StringBuilder body = new StringBuilder();
        private final Map<Node, String> blanks = new HashMap<>();
        private int quads;

        void add(List<Quad> unit, Map<Node, Node> stagingOf) {
            for (Quad q : unit) {
                body.append("GRAPH ").append(Units.str(stagingOf.get(q.getGraph()))).append(" { ").append(term(q.getSubject())).append(' ')
                        .append(term(q.getPredicate())).append(' ').append(term(q.getObject())).append(" }\n");
            }
            quads += unit.size();
            if (quads >= CHUNK_QUADS) flush();
        }

        private String term(Node n) {
            return n.isBlank() ? blanks.computeIfAbsent(n, k -> "_:b" + blanks.size()) : Units.str(n);
        }

        void flush() {
            if (quads == 0) return;
            sparql.update("INSERT DATA {\n" + body + "}");
            body.setLength(0);
            blanks.clear();
            quads = 0;
        }
    }
}
