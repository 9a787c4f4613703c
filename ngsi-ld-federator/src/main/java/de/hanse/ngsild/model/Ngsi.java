package de.hanse.ngsild.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.hanse.core.http.Problem;
import de.hanse.core.http.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Names and small helpers of the internal entity form: an {@link ObjectNode} with {@code id}, {@code type} (array of
 * expanded IRIs), optional {@code scope}, system times, and one member per attribute keyed by its expanded IRI whose
 * value is always an array of instances (one per {@code datasetId}). Instances keep NGSI-LD member names
 * ({@code type}, {@code value}, {@code object}, {@code observedAt} ...) and sub-attributes keyed by expanded IRI.
 */
public final class Ngsi {
    public static final ObjectMapper JSON = new ObjectMapper();
    public static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public static final String ID = "id";
    public static final String TYPE = "type";
    public static final String SCOPE = "scope";
    public static final String CREATED_AT = "createdAt";
    public static final String MODIFIED_AT = "modifiedAt";
    public static final String OBSERVED_AT = "observedAt";
    public static final String DATASET_ID = "datasetId";
    public static final String EXPIRES_AT = "expiresAt";
    /** Entity members that are not attributes. */
    public static final Set<String> ENTITY_MEMBERS = Set.of(ID, TYPE, SCOPE, CREATED_AT, MODIFIED_AT, "deletedAt",
            "@context", EXPIRES_AT);
    /** Instance members that are not sub-attributes. */
    public static final Set<String> INSTANCE_MEMBERS = Set.of(TYPE, "value", "object", OBSERVED_AT, CREATED_AT,
            MODIFIED_AT, DATASET_ID, "unitCode", "languageMap", "vocab", "valueList", "objectList", "objectType",
            "lang", "instanceId", "deletedAt", "previousValue", EXPIRES_AT);
    public static final Set<String> ATTRIBUTE_TYPES = Set.of("Property", "Relationship", "GeoProperty",
            "LanguageProperty", "VocabProperty", "ListProperty", "ListRelationship");

    private Ngsi() {}

    /** True for attribute members of an internal entity. */
    public static boolean isAttribute(String key) {
        return !ENTITY_MEMBERS.contains(key);
    }

    /** The entity's types (expanded IRIs). */
    public static List<String> types(JsonNode entity) {
        List<String> out = new ArrayList<>();
        JsonNode t = entity.get(TYPE);
        if (t == null) return out;
        if (t.isArray()) t.forEach(x -> out.add(x.asText()));
        else out.add(t.asText());
        return out;
    }

    /** The instances of an attribute (internal form keeps an array). */
    public static List<ObjectNode> instances(JsonNode entity, String attrIri) {
        JsonNode a = entity.get(attrIri);
        List<ObjectNode> out = new ArrayList<>();
        if (a == null) return out;
        if (a.isArray()) a.forEach(x -> { if (x.isObject()) out.add((ObjectNode) x); });
        else if (a.isObject()) out.add((ObjectNode) a);
        return out;
    }

    /** The {@code datasetId} of an instance, or {@code "@none"} for the default instance. */
    public static String datasetId(JsonNode instance) {
        JsonNode d = instance.get(DATASET_ID);
        return d == null || d.isNull() ? "@none" : d.asText();
    }

    /** The main value of an instance: {@code value}, {@code object}, {@code languageMap}, lists or vocab. */
    public static JsonNode mainValue(JsonNode instance) {
        for (String k : new String[] {"value", "object", "languageMap", "valueList", "objectList", "vocab"}) {
            JsonNode v = instance.get(k);
            if (v != null) return v;
        }
        return null;
    }

    public static ArrayNode array(Iterable<String> items) {
        ArrayNode a = NODES.arrayNode();
        items.forEach(a::add);
        return a;
    }

    public static ProblemException badData(String detail) {
        return Problem.ngsiLd(400, "BadRequestData", detail).toException();
    }

    public static ProblemException invalid(String detail) {
        return Problem.ngsiLd(400, "InvalidRequest", detail).toException();
    }

    public static ProblemException notFound(String detail) {
        return Problem.ngsiLd(404, "ResourceNotFound", detail).toException();
    }
}
