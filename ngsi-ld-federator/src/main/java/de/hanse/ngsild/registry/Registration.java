package de.hanse.ngsild.registry;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Geometry;

/**
 * A validated context source registration (clause 5.2.9) in matching-friendly form; names are expanded IRIs.
 * Immutable. The persisted JSON (expanded names) is {@link #document()}.
 *
 * @param id         registration id
 * @param endpoint   base URL of the source ({@code /ngsi-ld/v1/...} is appended)
 * @param information what the source offers
 * @param mode       inclusive, exclusive, redirect or auxiliary
 * @param operations operation names the source accepts (groups already expanded)
 * @param sourceInfo headers to send ({@code urn:ngsi-ld:request} relays the caller's header of that name)
 * @param tenant     tenant to use at the source, or null
 * @param alias      the source's identity ({@code contextSourceAlias}), or null
 * @param timeout    per-request timeout ({@code management.timeout}), or null
 * @param location   area the source covers, or null
 * @param expiresAt  end of validity, or null
 * @param cacheFor   how long an answer of the source may be reused ({@code management.cacheDuration}), or null
 * @param document   the stored form
 */
public record Registration(String id, URI endpoint, List<Info> information, Mode mode, Set<String> operations,
                           Map<String, String> sourceInfo, String tenant, String alias, Duration timeout,
                           Geometry location, Instant expiresAt, Duration cacheFor,
                           ObjectNode document) {

    public enum Mode { INCLUSIVE, EXCLUSIVE, REDIRECT, AUXILIARY }

    /** An {@code information} item: entity selectors (empty: any entity) and attribute names (empty: any). */
    public record Info(List<Selector> entities, Set<String> propertyNames, Set<String> relationshipNames) {
        /** All attribute names, or empty for "every attribute". */
        public Set<String> attributeNames() {
            if (propertyNames.isEmpty()) return relationshipNames;
            if (relationshipNames.isEmpty()) return propertyNames;
            Set<String> all = new java.util.HashSet<>(propertyNames);
            all.addAll(relationshipNames);
            return all;
        }
    }

    /** An entity selector: a type and optionally an id or an idPattern. */
    public record Selector(String id, Pattern idPattern, String type) {}

    public boolean supports(String operation) {
        return operations.contains(operation);
    }

    public boolean expired(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    /** A short label for warnings and logs: the alias if known, else the endpoint. */
    public String agent() {
        return alias != null ? alias : endpoint.getAuthority();
    }
}
