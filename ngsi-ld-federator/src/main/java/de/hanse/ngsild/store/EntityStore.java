package de.hanse.ngsild.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.hanse.core.http.Problem;
import de.hanse.core.store.NodeStore;
import de.hanse.ngsild.model.Ngsi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The local NGSI-LD entities of a node, per tenant, with the write semantics of clause 5.6 (create, append with or
 * without overwrite, update existing attributes only, delete attributes or instances). Entities are in the internal
 * form of {@link Ngsi}. Tenants come into being on their first write; reading an unknown tenant is 404
 * {@code NonexistentTenant} (the default tenant {@code ""} always exists).
 *
 * <p>Thread-safe; every method is one transaction.
 */
public final class EntityStore {
    public static final String DEFAULT_TENANT = "";
    private final JsonDocStore docs;

    public EntityStore(NodeStore store) {
        this.docs = new JsonDocStore(store, "entities");
    }

    /** Fails with 404 NonexistentTenant unless the tenant has been written to (or is the default). */
    public void requireTenant(String tenant) {
        if (!tenant.equals(DEFAULT_TENANT) && !docs.hasTenant(tenant))
            throw Problem.ngsiLd(404, "NonexistentTenant", "tenant '" + tenant + "' does not exist").toException();
    }

    public boolean hasTenant(String tenant) {
        return tenant.equals(DEFAULT_TENANT) || docs.hasTenant(tenant);
    }

    /** The entity or null. */
    public ObjectNode get(String tenant, String id) {
        return docs.get(tenant, id);
    }

    /** Grows with every change to any tenant's entities (see {@link JsonDocStore#version()}). */
    public long version() {
        return docs.version();
    }

    /** All entities of a tenant in id order (do not mutate). */
    public Collection<ObjectNode> all(String tenant) {
        return docs.all(tenant);
    }

    /** Creates entities; 409 AlreadyExists if one exists. */
    public void create(String tenant, ObjectNode entity) {
        synchronized (docs) {
            if (docs.get(tenant, entity.get(Ngsi.ID).asText()) != null)
                throw Problem.ngsiLd(409, "AlreadyExists", "entity " + entity.get(Ngsi.ID).asText() + " already exists").toException();
            docs.apply(tenant, List.of(entity), List.of());
        }
    }

    /** Writes entities as given (batch create/upsert/update after the caller decided), one transaction. */
    public void putAll(String tenant, Collection<ObjectNode> entities, Collection<String> deletes) {
        synchronized (docs) {
            docs.apply(tenant, entities, deletes);
        }
    }

    /** Deletes an entity; 404 if absent. */
    public void delete(String tenant, String id) {
        synchronized (docs) {
            requireTenant(tenant);
            if (docs.get(tenant, id) == null) throw Ngsi.notFound("entity " + id + " not found");
            docs.apply(tenant, List.of(), List.of(id));
        }
    }

    /**
     * Adds or replaces attributes of an existing entity. With {@code onlyExisting} (update) attributes the entity lacks
     * are not added; with {@code noOverwrite} (append) existing ones are kept. Returns the names not written.
     */
    public List<String> writeAttrs(String tenant, String id, ObjectNode attrs, boolean onlyExisting, boolean noOverwrite, Instant now) {
        synchronized (docs) {
            requireTenant(tenant);
            ObjectNode e = docs.get(tenant, id);
            if (e == null) throw Ngsi.notFound("entity " + id + " not found");
            ObjectNode copy = e.deepCopy();
            List<String> skipped = merge(copy, attrs, onlyExisting, noOverwrite);
            copy.put(Ngsi.MODIFIED_AT, now.toString());
            docs.apply(tenant, List.of(copy), List.of());
            return skipped;
        }
    }

    /** Merges attribute instances into {@code entity} (per datasetId); returns attribute names not written. */
    public static List<String> merge(ObjectNode entity, ObjectNode attrs, boolean onlyExisting, boolean noOverwrite) {
        List<String> skipped = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = attrs.fields(); it.hasNext(); ) {
            var a = it.next();
            boolean exists = entity.has(a.getKey());
            if ((onlyExisting && !exists) || (noOverwrite && exists)) {
                skipped.add(a.getKey());
                continue;
            }
            ArrayNode target = exists ? (ArrayNode) entity.get(a.getKey()) : entity.putArray(a.getKey());
            for (JsonNode inst : a.getValue()) {
                String ds = Ngsi.datasetId(inst);
                int at = -1;
                for (int i = 0; i < target.size(); i++) if (Ngsi.datasetId(target.get(i)).equals(ds)) at = i;
                if (at >= 0) {
                    ((ObjectNode) inst).set(Ngsi.CREATED_AT, target.get(at).get(Ngsi.CREATED_AT));
                    target.set(at, inst);
                } else if (!onlyExisting) {
                    target.add(inst);
                } else {
                    skipped.add(a.getKey());
                }
            }
        }
        return skipped;
    }

    /** Deletes an attribute, one of its instances ({@code datasetId}) or all of them; 404 if absent. */
    public void deleteAttr(String tenant, String id, String attr, String datasetId, boolean all, Instant now) {
        synchronized (docs) {
            requireTenant(tenant);
            ObjectNode e = docs.get(tenant, id);
            if (e == null) throw Ngsi.notFound("entity " + id + " not found");
            if (!e.has(attr)) throw Ngsi.notFound("attribute " + attr + " not found in " + id);
            ObjectNode copy = e.deepCopy();
            ArrayNode inst = (ArrayNode) copy.get(attr);
            String ds = datasetId == null ? "@none" : datasetId;
            boolean removed = false;
            for (int i = inst.size() - 1; i >= 0; i--) {
                if (all || Ngsi.datasetId(inst.get(i)).equals(ds)) {
                    inst.remove(i);
                    removed = true;
                }
            }
            if (!removed) throw Ngsi.notFound("attribute " + attr + " has no instance " + ds);
            if (inst.isEmpty()) copy.remove(attr);
            copy.put(Ngsi.MODIFIED_AT, now.toString());
            docs.apply(tenant, List.of(copy), List.of());
        }
    }
}
