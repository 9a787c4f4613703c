package de.hanse.ngsild.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.hanse.ngsild.jsonld.LdContext;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Renders an internal entity for a client: names compacted with the client's context, single instances unwrapped,
 * system attributes only on request, and the normalized, concise or keyValues form. Stateless and thread-safe.
 */
public final class EntityRenderer {
    private EntityRenderer() {}

    public static ObjectNode render(JsonNode entity, LdContext ctx, Format format) {
        ObjectNode out = Ngsi.NODES.objectNode();
        out.put(Ngsi.ID, entity.path(Ngsi.ID).asText());
        List<String> types = Ngsi.types(entity);
        if (types.size() == 1) out.put(Ngsi.TYPE, ctx.compact(types.get(0)));
        else if (!types.isEmpty()) {
            ArrayNode t = out.putArray(Ngsi.TYPE);
            types.forEach(x -> t.add(ctx.compact(x)));
        }
        if (entity.has(Ngsi.SCOPE)) out.set(Ngsi.SCOPE, entity.get(Ngsi.SCOPE));
        if (format.sysAttrs()) {
            copy(entity, out, Ngsi.CREATED_AT);
            copy(entity, out, Ngsi.MODIFIED_AT);
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = entity.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!Ngsi.isAttribute(e.getKey())) continue;
            List<ObjectNode> inst = Ngsi.instances(entity, e.getKey());
            if (inst.isEmpty()) continue;
            String name = ctx.compact(e.getKey());
            if (format.form() == Format.Form.KEY_VALUES) {
                out.set(name, keyValue(defaultInstance(inst)));
            } else if (inst.size() == 1) {
                out.set(name, instance(inst.get(0), ctx, format));
            } else {
                ArrayNode arr = out.putArray(name);
                inst.forEach(i -> arr.add(instance(i, ctx, format)));
            }
        }
        return out;
    }

    private static ObjectNode defaultInstance(List<ObjectNode> inst) {
        return inst.stream().filter(i -> !i.has(Ngsi.DATASET_ID)).findFirst().orElse(inst.get(0));
    }

    private static JsonNode keyValue(ObjectNode inst) {
        JsonNode v = Ngsi.mainValue(inst);
        return v == null ? Ngsi.NODES.nullNode() : v;
    }

    /** One attribute instance with sub-attribute names compacted. */
    public static JsonNode instance(ObjectNode inst, LdContext ctx, Format format) {
        ObjectNode o = Ngsi.NODES.objectNode();
        boolean concise = format.form() == Format.Form.CONCISE;
        int members = 0;
        for (Iterator<Map.Entry<String, JsonNode>> it = inst.fields(); it.hasNext(); ) {
            var e = it.next();
            String k = e.getKey();
            if ((k.equals(Ngsi.CREATED_AT) || k.equals(Ngsi.MODIFIED_AT)) && !format.sysAttrs()) continue;
            if (k.equals(Ngsi.TYPE) && concise) continue;
            if (Ngsi.INSTANCE_MEMBERS.contains(k)) o.set(k, e.getValue());
            else o.set(ctx.compact(k), e.getValue().isObject() ? instance((ObjectNode) e.getValue(), ctx, format) : e.getValue());
            members++;
        }
        // concise: a Property or GeoProperty without metadata or sub-attributes is just its value
        if (concise && members == 1 && o.has("value") && !o.get("value").isObject()) return o.get("value");
        if (concise && members == 1 && o.has("value") && "GeoProperty".equals(inst.path(Ngsi.TYPE).asText())) return o.get("value");
        return o;
    }

    private static void copy(JsonNode from, ObjectNode to, String key) {
        if (from.has(key)) to.set(key, from.get(key));
    }
}
