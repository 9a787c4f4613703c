package de.hanse.core.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.hanse.core.config.AuthConfig;
import de.hanse.core.config.AuthConfig.AttributePolicyConfig;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Attribute-level policies ({@code auth.attributePolicies}): a caller holding none of a policy's
 * {@code unlessRoles} does not see {@code attribute} of entities of {@code entityType}. Meant for merged federated
 * NGSI-LD answers, so that no peer's data passes the policy: apply it to every entity after the merge.
 *
 * <p>Types and attribute names are compared after {@code expand} (identity by default; the NGSI-LD layer passes its
 * term expansion so compacted and expanded names match). A caller with the role {@code *} (authentication off) is
 * exempt. Immutable and thread-safe.
 */
public final class AttributePolicies {
    private final List<AttributePolicyConfig> policies;
    private final UnaryOperator<String> expand;

    public AttributePolicies(List<AttributePolicyConfig> policies, UnaryOperator<String> expand) {
        this.expand = expand;
        List<AttributePolicyConfig> expanded = new ArrayList<>();
        for (AttributePolicyConfig p : policies)
            expanded.add(new AttributePolicyConfig(expand.apply(p.entityType()), expand.apply(p.attribute()), p.unlessRoles()));
        this.policies = List.copyOf(expanded);
    }

    public static AttributePolicies of(AuthConfig config) {
        return new AttributePolicies(config.attributePolicies(), UnaryOperator.identity());
    }

    public boolean isEmpty() {
        return policies.isEmpty();
    }

    /** The (expanded) attribute names hidden from {@code caller} on an entity with these types. */
    public Set<String> hidden(Principal caller, Collection<String> entityTypes) {
        Set<String> out = new HashSet<>();
        if (caller.roles().contains("*")) return out;
        Set<String> types = new HashSet<>();
        for (String t : entityTypes) types.add(expand.apply(t));
        for (AttributePolicyConfig p : policies)
            if (types.contains(p.entityType()) && p.unlessRoles().stream().noneMatch(caller::hasRole)) out.add(p.attribute());
        return out;
    }

    /**
     * Removes the attributes hidden from {@code caller} from one NGSI-LD entity (normalized, concise or keyValues;
     * {@code type} or {@code @type}, a string or an array).
     *
     * @return the number of attributes removed
     */
    public int apply(Principal caller, ObjectNode entity) {
        if (policies.isEmpty()) return 0;
        List<String> types = new ArrayList<>();
        for (String key : List.of("type", "@type")) {
            JsonNode t = entity.get(key);
            if (t != null && t.isTextual()) types.add(t.asText());
            else if (t != null && t.isArray()) t.forEach(x -> types.add(x.asText()));
        }
        Set<String> hidden = hidden(caller, types);
        int removed = 0;
        for (Iterator<String> it = entity.fieldNames(); it.hasNext(); ) {
            if (hidden.contains(expand.apply(it.next()))) {
                it.remove();
                removed++;
            }
        }
        return removed;
    }
}
