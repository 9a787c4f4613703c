package de.hanse.ngsild.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.hanse.ngsild.jsonld.LdContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Validates an entity or attribute fragment sent by a client (normalized or concise form) and turns it into the
 * internal form (see {@link Ngsi}): names expanded with the request's context, every attribute an array of typed
 * instances, system times set. Stateless and thread-safe.
 */
public final class EntityExpander {
    private EntityExpander() {}

    /**
     * A whole entity; {@code id} and {@code type} are required. With {@code now} null (an entity from a remote
     * source) the system times given are kept instead of being set.
     */
    public static ObjectNode entity(JsonNode in, LdContext ctx, Instant now) {
        if (in == null || !in.isObject()) throw Ngsi.badData("an entity must be a JSON object");
        JsonNode id = in.get(Ngsi.ID);
        if (id == null || !id.isTextual() || !isUri(id.asText())) throw Ngsi.badData("entity id must be a URI");
        ObjectNode out = Ngsi.NODES.objectNode();
        out.put(Ngsi.ID, id.asText());
        out.set(Ngsi.TYPE, types(in.get(Ngsi.TYPE), ctx));
        if (in.has(Ngsi.SCOPE)) out.set(Ngsi.SCOPE, in.get(Ngsi.SCOPE));
        if (now != null) {
            out.put(Ngsi.CREATED_AT, now.toString());
            out.put(Ngsi.MODIFIED_AT, now.toString());
        } else {
            for (String k : new String[] {Ngsi.CREATED_AT, Ngsi.MODIFIED_AT, Ngsi.EXPIRES_AT})
                if (in.path(k).isTextual()) out.put(k, in.get(k).asText());
        }
        out.setAll(attributes(in, ctx, now));
        return out;
    }

    /** The attribute members of a fragment (entity members such as {@code id} are ignored), keyed by expanded IRI. */
    public static ObjectNode attributes(JsonNode in, LdContext ctx, Instant now) {
        if (in == null || !in.isObject()) throw Ngsi.badData("attributes must be a JSON object");
        ObjectNode out = Ngsi.NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = in.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!Ngsi.isAttribute(e.getKey())) continue;
            out.set(ctx.expand(checkName(e.getKey())), attribute(e.getKey(), e.getValue(), ctx, now));
        }
        return out;
    }

    /** One attribute's value (an instance or an array of instances with distinct datasetIds). */
    public static ArrayNode attribute(String name, JsonNode v, LdContext ctx, Instant now) {
        ArrayNode out = Ngsi.NODES.arrayNode();
        if (v.isArray() && v.size() > 0 && v.get(0).isObject() && isInstanceLike(v.get(0))) {
            Set<String> seen = new HashSet<>();
            for (JsonNode i : v) {
                ObjectNode inst = instance(name, i, ctx, now, 0);
                if (!seen.add(Ngsi.datasetId(inst))) throw Ngsi.badData("attribute " + name + " repeats datasetId " + Ngsi.datasetId(inst));
                out.add(inst);
            }
        } else {
            out.add(instance(name, v, ctx, now, 0));
        }
        return out;
    }

    private static boolean isInstanceLike(JsonNode o) {
        return o.has("value") || o.has("object") || o.has("languageMap") || o.has("valueList") || o.has("objectList")
                || o.has("vocab") || Ngsi.ATTRIBUTE_TYPES.contains(o.path(Ngsi.TYPE).asText());
    }

    static ObjectNode instance(String name, JsonNode v, LdContext ctx, Instant now, int depth) {
        if (depth > 4) throw Ngsi.badData("attribute " + name + " is nested too deeply");
        ObjectNode o = Ngsi.NODES.objectNode();
        if (!v.isObject()) {
            if (v.isNull()) throw Ngsi.badData("attribute " + name + " must not be null");
            o.put(Ngsi.TYPE, "Property");
            o.set("value", v);
        } else if (isInstanceLike(v) && (Ngsi.ATTRIBUTE_TYPES.contains(v.path(Ngsi.TYPE).asText()) || !v.has(Ngsi.TYPE))) {
            String type = v.path(Ngsi.TYPE).asText(null);
            o.put(Ngsi.TYPE, type != null ? type : inferType(v));
            for (Iterator<Map.Entry<String, JsonNode>> it = v.fields(); it.hasNext(); ) {
                var e = it.next();
                String k = e.getKey();
                if (k.equals(Ngsi.TYPE)) continue;
                if (Ngsi.INSTANCE_MEMBERS.contains(k)) o.set(k, e.getValue());
                else o.set(ctx.expand(checkName(k)), instance(k, e.getValue(), ctx, now, depth + 1));
            }
        } else {
            // concise form: a bare GeoJSON geometry, or any other JSON object, is the value itself
            o.put(Ngsi.TYPE, v.has("coordinates") && v.path(Ngsi.TYPE).isTextual() ? "GeoProperty" : "Property");
            o.set("value", v);
        }
        check(name, o, now != null);
        if (now != null) {
            o.put(Ngsi.CREATED_AT, now.toString());
            o.put(Ngsi.MODIFIED_AT, now.toString());
        }
        return o;
    }

    private static String inferType(JsonNode v) {
        if (v.has("object") || v.has("objectList")) return v.has("objectList") ? "ListRelationship" : "Relationship";
        if (v.has("languageMap")) return "LanguageProperty";
        if (v.has("valueList")) return "ListProperty";
        if (v.has("vocab")) return "VocabProperty";
        return "Property";
    }

    /** Validates an instance; remote ones ({@code full} false) skip the costly geometry check (geo-queries re-check). */
    private static void check(String name, ObjectNode o, boolean full) {
        String type = o.get(Ngsi.TYPE).asText();
        switch (type) {
            case "Property" -> require(o, "value", name);
            case "Relationship" -> {
                JsonNode obj = o.get("object");
                if (obj == null || !(obj.isTextual() && isUri(obj.asText()) || obj.isArray()))
                    throw Ngsi.badData("relationship " + name + " needs an object URI");
            }
            case "GeoProperty" -> {
                JsonNode g = require(o, "value", name);
                if (full) GeoJson.parse(g);
                else if (!g.isObject()) throw Ngsi.badData("attribute " + name + " is not a GeoJSON geometry");
            }
            case "LanguageProperty" -> {
                if (!require(o, "languageMap", name).isObject()) throw Ngsi.badData(name + ": languageMap must be an object");
            }
            default -> { }
        }
        if (o.get("value") != null && o.get("value").isNull()) throw Ngsi.badData("attribute " + name + " has a null value");
        JsonNode obs = o.get(Ngsi.OBSERVED_AT);
        if (obs != null && full) instant(obs, name + ".observedAt");
        JsonNode ds = o.get(Ngsi.DATASET_ID);
        if (ds != null && !(ds.isTextual() && isUri(ds.asText()))) throw Ngsi.badData(name + ": datasetId must be a URI");
    }

    private static JsonNode require(ObjectNode o, String member, String name) {
        JsonNode v = o.get(member);
        if (v == null || v.isNull()) throw Ngsi.badData("attribute " + name + " of type " + o.get(Ngsi.TYPE).asText() + " needs '" + member + "'");
        return v;
    }

    /** Parses a date-time member, 400 if malformed. */
    public static Instant instant(JsonNode v, String what) {
        try {
            return Instant.parse(v.asText());
        } catch (DateTimeParseException e) {
            throw Ngsi.badData(what + " is not an ISO 8601 UTC date-time: " + v.asText());
        }
    }

    private static ArrayNode types(JsonNode t, LdContext ctx) {
        ArrayNode out = Ngsi.NODES.arrayNode();
        if (t != null && t.isTextual() && !t.asText().isBlank()) out.add(ctx.expand(t.asText()));
        else if (t != null && t.isArray() && t.size() > 0) {
            for (JsonNode x : t) {
                if (!x.isTextual() || x.asText().isBlank()) throw Ngsi.badData("entity type must be a string");
                out.add(ctx.expand(x.asText()));
            }
        } else throw Ngsi.badData("entity type is required");
        return out;
    }

    private static String checkName(String name) {
        boolean bad = name.isEmpty() || name.length() > 512;
        for (int i = 0; i < name.length() && !bad; i++) {
            char c = name.charAt(i);
            bad = c <= ' ' || "<>\"'=;()".indexOf(c) >= 0;
        }
        if (bad) throw Ngsi.badData("invalid attribute name '" + name + "'");
        return name;
    }

    /** A URI as NGSI-LD needs for ids: a scheme, a colon, no spaces. */
    public static boolean isUri(String s) {
        int c = s.indexOf(':');
        if (c <= 0 || c >= s.length() - 1 || !isAlpha(s.charAt(0))) return false;
        for (int i = 1; i < c; i++) {
            char ch = s.charAt(i);
            if (!isAlpha(ch) && !(ch >= '0' && ch <= '9') && ch != '+' && ch != '.' && ch != '-') return false;
        }
        for (int i = c + 1; i < s.length(); i++) if (s.charAt(i) <= ' ') return false;
        return true;
    }

    private static boolean isAlpha(char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
    }
}
