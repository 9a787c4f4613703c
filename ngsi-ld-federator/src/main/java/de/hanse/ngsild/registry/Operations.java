package de.hanse.ngsild.registry;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** NGSI-LD operation names and the groups of clause 4.3.6.3 ({@code federationOps}, {@code retrieveOps} ...). */
public final class Operations {
    public static final String QUERY_ENTITY = "queryEntity";
    public static final String RETRIEVE_ENTITY = "retrieveEntity";
    public static final String QUERY_BATCH = "queryBatch";
    public static final String ENTITY_TYPES = "retrieveEntityTypes";
    public static final String ATTR_TYPES = "retrieveAttrTypes";

    private static final List<String> RETRIEVE = List.of(RETRIEVE_ENTITY, QUERY_ENTITY);
    private static final List<String> FEDERATION = List.of(RETRIEVE_ENTITY, QUERY_ENTITY, QUERY_BATCH, ENTITY_TYPES,
            "retrieveEntityTypeDetails", "retrieveEntityTypeInfo", ATTR_TYPES, "retrieveAttrTypeDetails",
            "retrieveAttrTypeInfo", "createSubscription", "updateSubscription", "retrieveSubscription",
            "querySubscription", "deleteSubscription");
    private static final List<String> UPDATE = List.of("updateEntity", "updateAttrs", "replaceEntity", "replaceAttrs");
    private static final List<String> REDIRECTION = List.of("createEntity", "updateEntity", "appendAttrs", "updateAttrs",
            "deleteAttrs", "deleteEntity", "mergeEntity", "replaceEntity", "replaceAttrs", RETRIEVE_ENTITY, QUERY_ENTITY,
            ENTITY_TYPES, "retrieveEntityTypeDetails", "retrieveEntityTypeInfo", ATTR_TYPES, "retrieveAttrTypeDetails",
            "retrieveAttrTypeInfo");
    private static final Map<String, List<String>> GROUPS = Map.of("federationOps", FEDERATION, "retrieveOps", RETRIEVE,
            "updateOps", UPDATE, "redirectionOps", REDIRECTION);
    private static final Set<String> SINGLE = new LinkedHashSet<>();

    static {
        GROUPS.values().forEach(SINGLE::addAll);
        SINGLE.addAll(List.of("createBatch", "upsertBatch", "updateBatch", "deleteBatch", "upsertTemporal",
                "appendAttrsTemporal", "deleteAttrsTemporal", "updateAttrInstanceTemporal", "deleteAttrInstanceTemporal",
                "deleteTemporal", "mergeBatch", "purgeEntity", "retrieveTemporal", "queryTemporal"));
    }

    private Operations() {}

    /** Expands groups; null when a name is unknown. */
    public static Set<String> expand(List<String> names) {
        Set<String> out = new LinkedHashSet<>();
        for (String n : names) {
            if (GROUPS.containsKey(n)) out.addAll(GROUPS.get(n));
            else if (SINGLE.contains(n)) out.add(n);
            else return null;
        }
        return out;
    }

    /** The default when a registration lists none. */
    public static Set<String> defaults() {
        return new LinkedHashSet<>(FEDERATION);
    }
}
