package de.hanse.ngsild.registry;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.hanse.ngsild.jsonld.LdContext;
import de.hanse.ngsild.model.EntityExpander;
import de.hanse.ngsild.model.GeoJson;
import de.hanse.ngsild.model.Ngsi;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;

/**
 * Validates registrations sent by clients and converts between the client form (terms of the client's context), the
 * stored form (expanded IRIs for entity types and attribute names) and {@link Registration}. Invalid input is 400
 * {@code BadRequestData}. Stateless.
 */
public final class RegistrationCodec {
    private RegistrationCodec() {}

    /** Validates a client registration and returns its stored form. */
    public static ObjectNode expand(JsonNode in, LdContext ctx) {
        if (in == null || !in.isObject()) throw Ngsi.badData("a registration must be a JSON object");
        ObjectNode doc = ((ObjectNode) in).deepCopy();
        doc.remove("@context");
        for (String ro : List.of("status", "timesSent", "timesFailed", "lastSuccess", "lastFailure", "createdAt", "modifiedAt"))
            doc.remove(ro);
        if (!"ContextSourceRegistration".equals(doc.path("type").asText()))
            throw Ngsi.badData("type must be ContextSourceRegistration");
        if (doc.has("id") && !(doc.get("id").isTextual() && EntityExpander.isUri(doc.get("id").asText())))
            throw Ngsi.badData("registration id must be a URI");
        mapNames(doc, ctx::expand);
        toRegistration(doc); // validates
        return doc;
    }

    /** The client form of a stored registration, with status fields. */
    public static ObjectNode render(ObjectNode doc, LdContext ctx, ObjectNode status) {
        ObjectNode out = doc.deepCopy();
        mapNames(out, ctx::compact);
        if (status != null) out.setAll(status);
        return out;
    }

    private static void mapNames(ObjectNode doc, UnaryOperator<String> f) {
        JsonNode info = doc.get("information");
        if (info == null || !info.isArray()) return;
        for (JsonNode item : info) {
            if (!item.isObject()) continue;
            for (JsonNode e : item.path("entities")) {
                if (e.isObject() && e.path("type").isTextual()) ((ObjectNode) e).put("type", f.apply(e.get("type").asText()));
                else if (e.isObject() && e.path("type").isArray()) {
                    ArrayNode t = ((ObjectNode) e).putArray("type");
                    e.get("type").forEach(x -> t.add(f.apply(x.asText())));
                }
            }
            for (String key : List.of("propertyNames", "relationshipNames")) {
                JsonNode names = item.get(key);
                if (names == null || !names.isArray()) continue;
                ArrayNode mapped = Ngsi.NODES.arrayNode();
                names.forEach(n -> mapped.add(f.apply(n.asText())));
                ((ObjectNode) item).set(key, mapped);
            }
        }
    }

    /** Builds the matching form from a stored document, validating it. */
    public static Registration toRegistration(ObjectNode doc) {
        URI endpoint;
        try {
            endpoint = URI.create(doc.path("endpoint").asText());
        } catch (IllegalArgumentException e) {
            throw Ngsi.badData("endpoint is not a URL");
        }
        if (!("http".equals(endpoint.getScheme()) || "https".equals(endpoint.getScheme())) || endpoint.getHost() == null)
            throw Ngsi.badData("endpoint must be an absolute http(s) URL");
        JsonNode info = doc.get("information");
        if (info == null || !info.isArray() || info.isEmpty()) throw Ngsi.badData("information must be a non-empty array");
        List<Registration.Info> infos = new ArrayList<>();
        for (JsonNode item : info) infos.add(info(item));
        Registration.Mode mode = mode(doc.path("mode").asText("inclusive"));
        Set<String> ops = Operations.defaults();
        if (doc.has("operations")) {
            List<String> names = new ArrayList<>();
            if (!doc.get("operations").isArray() || doc.get("operations").isEmpty()) throw Ngsi.badData("operations must be a non-empty array");
            doc.get("operations").forEach(o -> names.add(o.asText()));
            ops = Operations.expand(names);
            if (ops == null) throw Ngsi.badData("unknown operation in " + names);
        }
        if (mode == Registration.Mode.EXCLUSIVE) {
            for (Registration.Info i : infos)
                if (i.attributeNames().isEmpty() || i.entities().isEmpty() || i.entities().stream().anyMatch(s -> s.id() == null))
                    throw Ngsi.badData("an exclusive registration needs entity ids and attribute names");
        }
        Map<String, String> csi = new LinkedHashMap<>();
        for (JsonNode kv : doc.path("contextSourceInfo")) {
            if (!kv.path("key").isTextual() || !kv.path("value").isTextual()) throw Ngsi.badData("contextSourceInfo items need key and value");
            csi.put(kv.get("key").asText(), kv.get("value").asText());
        }
        Duration timeout = null;
        JsonNode t = doc.path("management").path("timeout");
        if (!t.isMissingNode()) {
            if (!t.canConvertToLong() || t.asLong() <= 0) throw Ngsi.badData("management.timeout must be a positive number of ms");
            timeout = Duration.ofMillis(t.asLong());
        }
        Duration cacheFor = null;
        JsonNode cd = doc.path("management").path("cacheDuration");
        if (!cd.isMissingNode()) {
            if (!cd.canConvertToLong() || cd.asLong() <= 0) throw Ngsi.badData("management.cacheDuration must be a positive number of ms");
            cacheFor = Duration.ofMillis(cd.asLong());
        }
        Instant expires = doc.has("expiresAt") ? EntityExpander.instant(doc.get("expiresAt"), "expiresAt") : null;
        var location = doc.has("location") ? GeoJson.parse(doc.get("location")) : null;
        String tenant = doc.path("tenant").isTextual() ? doc.get("tenant").asText() : null;
        String alias = doc.path("contextSourceAlias").isTextual() ? doc.get("contextSourceAlias").asText() : null;
        return new Registration(doc.path("id").asText(null), endpoint, List.copyOf(infos), mode, Set.copyOf(ops), Map.copyOf(csi),
                tenant, alias, timeout, location, expires, cacheFor, doc);
    }

    private static Registration.Info info(JsonNode item) {
        if (!item.isObject()) throw Ngsi.badData("information items must be objects");
        List<Registration.Selector> sels = new ArrayList<>();
        JsonNode ents = item.get("entities");
        if (ents != null) {
            if (!ents.isArray() || ents.isEmpty()) throw Ngsi.badData("information.entities must be a non-empty array");
            for (JsonNode e : ents) {
                if (!e.path("type").isTextual()) throw Ngsi.badData("information.entities items need a type");
                Pattern p = null;
                if (e.path("idPattern").isTextual()) {
                    try {
                        p = Pattern.compile(e.get("idPattern").asText());
                    } catch (RuntimeException x) {
                        throw Ngsi.badData("invalid idPattern in registration");
                    }
                }
                sels.add(new Registration.Selector(e.path("id").asText(null), p, e.get("type").asText()));
            }
        }
        return new Registration.Info(List.copyOf(sels), names(item, "propertyNames"), names(item, "relationshipNames"));
    }

    private static Set<String> names(JsonNode item, String key) {
        JsonNode n = item.get(key);
        if (n == null) return Set.of();
        if (!n.isArray() || n.isEmpty()) throw Ngsi.badData("information." + key + " must be a non-empty array");
        Set<String> out = new LinkedHashSet<>();
        n.forEach(x -> out.add(x.asText()));
        return out;
    }

    private static Registration.Mode mode(String m) {
        try {
            return Registration.Mode.valueOf(m.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Ngsi.badData("mode must be inclusive, exclusive, redirect or auxiliary");
        }
    }
}
