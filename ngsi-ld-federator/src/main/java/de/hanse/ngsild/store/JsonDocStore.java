package de.hanse.ngsild.store;

import com.fasterxml.jackson.databind.node.ObjectNode;
import de.hanse.core.store.NodeStore;
import de.hanse.ngsild.model.Ngsi;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Quad;

/**
 * JSON documents (entities or registrations) per tenant, kept in memory sorted by id and persisted in the node's
 * TDB2 store: one named graph per tenant and kind ({@code urn:hanse:ngsild:<kind>:<tenant>}), one quad per document
 * whose object is the JSON text. Every change is one TDB2 write transaction (all or nothing) applied to memory only
 * after it committed, so memory never shows what the disk lost.
 *
 * <p>Thread-safe: reads are lock-free on immutable-by-convention documents; writes are serialised. Callers must not
 * mutate a document after handing it in or after reading it (copy with {@code deepCopy()}).
 */
public final class JsonDocStore {
    private static final Node JSON_PREDICATE = NodeFactory.createURI("urn:hanse:ngsild:json");
    private final NodeStore store;
    private final String graphPrefix;
    private final Map<String, NavigableMap<String, ObjectNode>> tenants = new ConcurrentHashMap<>();
    private final java.util.concurrent.atomic.AtomicLong version = new java.util.concurrent.atomic.AtomicLong();

    /** Opens the store for documents of one kind and loads what is persisted. */
    public JsonDocStore(NodeStore store, String kind) {
        this.store = store;
        this.graphPrefix = "urn:hanse:ngsild:" + kind + ":";
        load();
    }

    private void load() {
        store.read(dsg -> {
            dsg.find(Node.ANY, Node.ANY, JSON_PREDICATE, Node.ANY).forEachRemaining(q -> {
                String g = q.getGraph().getURI();
                if (!g.startsWith(graphPrefix)) return;
                String tenant = URLDecoder.decode(g.substring(graphPrefix.length()), StandardCharsets.UTF_8);
                try {
                    ObjectNode doc = (ObjectNode) Ngsi.JSON.readTree(q.getObject().getLiteralLexicalForm());
                    tenant(tenant).put(doc.path(Ngsi.ID).asText(), doc);
                } catch (Exception e) {
                    throw new IllegalStateException("corrupt NGSI-LD document in " + g + ": " + e.getMessage(), e);
                }
            });
            return null;
        });
    }

    private NavigableMap<String, ObjectNode> tenant(String t) {
        return tenants.computeIfAbsent(t, k -> new ConcurrentSkipListMap<>());
    }

    /** Tenants that have been written to (the default tenant {@code ""} included once used). */
    public Set<String> tenants() {
        return Set.copyOf(tenants.keySet());
    }

    public boolean hasTenant(String tenant) {
        return tenants.containsKey(tenant);
    }

    public ObjectNode get(String tenant, String id) {
        NavigableMap<String, ObjectNode> m = tenants.get(tenant);
        return m == null ? null : m.get(id);
    }

    /** All documents of a tenant in id order (a live, weakly consistent view). */
    public Collection<ObjectNode> all(String tenant) {
        NavigableMap<String, ObjectNode> m = tenants.get(tenant);
        return m == null ? java.util.List.of() : m.values();
    }

    /** Writes and deletes documents in one transaction; creates the tenant if needed. */
    public synchronized void apply(String tenant, Collection<ObjectNode> puts, Collection<String> deletes) {
        Node g = NodeFactory.createURI(graphPrefix + URLEncoder.encode(tenant, StandardCharsets.UTF_8));
        store.write(dsg -> {
            for (String id : deletes) dsg.deleteAny(g, subject(id), JSON_PREDICATE, Node.ANY);
            for (ObjectNode d : puts) {
                Node s = subject(d.path(Ngsi.ID).asText());
                dsg.deleteAny(g, s, JSON_PREDICATE, Node.ANY);
                dsg.add(new Quad(g, s, JSON_PREDICATE, NodeFactory.createLiteralString(d.toString())));
            }
        });
        NavigableMap<String, ObjectNode> m = tenant(tenant);
        deletes.forEach(m::remove);
        puts.forEach(d -> m.put(d.path(Ngsi.ID).asText(), d));
        version.incrementAndGet();
    }

    /**
     * Grows with every change (after memory shows it): a result computed from documents read after seeing
     * version {@code v} is current as long as the version is still {@code v}.
     */
    public long version() {
        return version.get();
    }

    private static Node subject(String id) {
        return NodeFactory.createURI("urn:hanse:ngsild:doc:" + URLEncoder.encode(id, StandardCharsets.UTF_8));
    }
}
