package de.hanse.ngsild.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.hanse.core.http.Problem;
import de.hanse.core.http.ProblemException;
import de.hanse.ngsild.jsonld.LdContext;
import de.hanse.ngsild.model.EntityExpander;
import de.hanse.ngsild.model.Ngsi;
import de.hanse.ngsild.store.EntityStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Local entity writes (clause 5.6): create, attribute append/update/partial update/delete, entity delete, and the
 * batch operations (create, upsert, update, delete), each batch in one store transaction. Writes are never
 * forwarded: registrations here serve distributed reads.
 *
 * <p>Thread-safe.
 */
public final class EntityService {
    /** How a batch entity obtains its context: its own {@code @context} member or the request's. */
    public interface ContextOf extends Function<JsonNode, LdContext> {}

    private final EntityStore store;
    private static final int MAX_BATCH = 1_000;

    public EntityService(EntityStore store) {
        this.store = store;
    }

    public String create(String tenant, JsonNode body, LdContext ctx) {
        ObjectNode e = EntityExpander.entity(body, ctx, Instant.now());
        store.create(tenant, e);
        return e.get(Ngsi.ID).asText();
    }

    /** Appends (or with {@code noOverwrite} adds only new) attributes; returns names not written. */
    public List<String> append(String tenant, String id, JsonNode body, LdContext ctx, boolean noOverwrite) {
        Instant now = Instant.now();
        return compactAll(store.writeAttrs(tenant, id, EntityExpander.attributes(body, ctx, now), false, noOverwrite, now), ctx);
    }

    /** Updates existing attributes only; returns names not found. */
    public List<String> update(String tenant, String id, JsonNode body, LdContext ctx) {
        Instant now = Instant.now();
        return compactAll(store.writeAttrs(tenant, id, EntityExpander.attributes(body, ctx, now), true, false, now), ctx);
    }

    /** Partial update of one attribute instance: the members given replace those stored. */
    public void patchAttribute(String tenant, String id, String attr, JsonNode body, LdContext ctx) {
        if (body == null || !body.isObject()) throw Ngsi.badData("body must be a JSON object");
        String iri = ctx.expand(attr);
        store.requireTenant(tenant);
        ObjectNode e = store.get(tenant, id);
        if (e == null) throw Ngsi.notFound("entity " + id + " not found");
        String ds = body.path(Ngsi.DATASET_ID).asText("@none");
        ObjectNode current = Ngsi.instances(e, iri).stream().filter(i -> Ngsi.datasetId(i).equals(ds)).findFirst()
                .orElseThrow(() -> Ngsi.notFound("attribute " + attr + " not found in " + id));
        ObjectNode merged = current.deepCopy();
        merged.remove(Ngsi.CREATED_AT);
        merged.remove(Ngsi.MODIFIED_AT);
        body.fields().forEachRemaining(f -> {
            if (!f.getKey().equals("@context")) merged.set(f.getKey(), f.getValue());
        });
        ObjectNode attrs = Ngsi.NODES.objectNode();
        attrs.set(attr, merged);
        Instant now = Instant.now();
        store.writeAttrs(tenant, id, EntityExpander.attributes(attrs, ctx, now), true, false, now);
    }

    public void deleteAttribute(String tenant, String id, String attr, LdContext ctx, String datasetId, boolean all) {
        store.deleteAttr(tenant, id, ctx.expand(attr), datasetId, all, Instant.now());
    }

    public void delete(String tenant, String id) {
        store.delete(tenant, id);
    }

    /** The outcome of a batch: ids that succeeded, per-entity problems, and how many entities are new. */
    public record BatchResult(List<String> success, List<ObjectNode> errors, int created) {
        public ObjectNode body() {
            ObjectNode o = Ngsi.NODES.objectNode();
            ArrayNode s = o.putArray("success");
            success.forEach(s::add);
            ArrayNode e = o.putArray("errors");
            errors.forEach(e::add);
            return o;
        }
    }

    public enum BatchOp { CREATE, UPSERT, UPDATE, DELETE }

    /**
     * Runs a batch operation. {@code replace}: upsert replaces whole entities (default) or, false, merges attributes;
     * {@code noOverwrite}: update keeps existing attributes.
     */
    public BatchResult batch(String tenant, BatchOp op, JsonNode body, ContextOf contextOf, boolean replace, boolean noOverwrite) {
        if (body == null || !body.isArray() || body.isEmpty()) throw Ngsi.badData("a batch needs a non-empty JSON array");
        if (body.size() > MAX_BATCH) throw Ngsi.badData("a batch holds at most " + MAX_BATCH + " entities");
        Instant now = Instant.now();
        List<String> ok = new ArrayList<>();
        List<ObjectNode> errors = new ArrayList<>();
        Map<String, ObjectNode> puts = new LinkedHashMap<>();
        List<String> deletes = new ArrayList<>();
        int created = 0;
        for (JsonNode item : body) {
            String id = op == BatchOp.DELETE ? item.asText(null) : item.path(Ngsi.ID).asText(null);
            try {
                if (op == BatchOp.DELETE) {
                    if (id == null || store.get(tenant, id) == null) throw Ngsi.notFound("entity " + id + " not found");
                    deletes.add(id);
                } else {
                    ObjectNode e = EntityExpander.entity(item, contextOf.apply(item), now);
                    ObjectNode existing = puts.containsKey(id) ? puts.get(id) : store.get(tenant, id);
                    if (op == BatchOp.CREATE && existing != null)
                        throw Problem.ngsiLd(409, "AlreadyExists", "entity " + id + " already exists").toException();
                    if (op == BatchOp.UPDATE && existing == null) throw Ngsi.notFound("entity " + id + " not found");
                    if (existing != null && (op == BatchOp.UPDATE || !replace)) {
                        ObjectNode copy = existing.deepCopy();
                        ObjectNode attrs = e.deepCopy();
                        for (String k : Ngsi.ENTITY_MEMBERS) attrs.remove(k);
                        EntityStore.merge(copy, attrs, false, op == BatchOp.UPDATE && noOverwrite);
                        copy.put(Ngsi.MODIFIED_AT, now.toString());
                        e = copy;
                    } else if (existing != null) {
                        e.set(Ngsi.CREATED_AT, existing.get(Ngsi.CREATED_AT));
                    }
                    if (existing == null) created++;
                    puts.put(id, e);
                }
                ok.add(id);
            } catch (ProblemException p) {
                ObjectNode err = Ngsi.NODES.objectNode();
                err.put("entityId", id == null ? "" : id);
                err.set("error", Ngsi.JSON.valueToTree(p.problem()));
                errors.add(err);
            }
        }
        if (!puts.isEmpty() || !deletes.isEmpty()) store.putAll(tenant, puts.values(), deletes);
        return new BatchResult(ok, errors, created);
    }

    private static List<String> compactAll(List<String> iris, LdContext ctx) {
        List<String> out = new ArrayList<>();
        iris.forEach(i -> out.add(ctx.compact(i)));
        return out;
    }
}
