package de.hanse.core.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Inbound authentication and permissions.
 *
 * @param enabled     verify bearer tokens (required to be stated explicitly: {@code false} only for demos and tests)
 * @param issuers     trusted issuer URLs (Keycloak realm URLs); JWKS found by OIDC discovery (required when enabled)
 * @param audience    required {@code aud} value (optional)
 * @param algorithms  accepted signature algorithms (default {@code [RS256]})
 * @param clockSkew   tolerated clock skew for {@code exp}/{@code nbf} (default 30 s)
 * @param tenantClaim name of the claim listing the NGSI-LD tenants a token may use (default {@code tenant})
 * @param permissions endpoint family to required role; {@code public} means no token needed. Families:
 *                    {@code catalogue-read} (default public), {@code harvest-admin} (default {@code catalogue-admin}),
 *                    {@code registration-admin}, {@code ngsild-read}, {@code ngsild-write}, {@code sparql-federated}
 * @param attributePolicies attribute-level policies applied to NGSI-LD answers
 */
public record AuthConfig(Boolean enabled, List<String> issuers, String audience, List<String> algorithms,
                         Duration clockSkew, String tenantClaim, Map<String, String> permissions,
                         List<AttributePolicyConfig> attributePolicies) {
    public AuthConfig {
        if (enabled == null)
            throw ConfigException.invalid("auth.enabled", "must be set explicitly (true in production; false only for demos and tests)");
        issuers = List.copyOf(Check.orDefault(issuers, List.of()));
        for (int i = 0; i < issuers.size(); i++) Check.url("auth.issuers[" + i + "]", issuers.get(i), false);
        if (enabled && issuers.isEmpty())
            throw ConfigException.invalid("auth.issuers", "authentication is enabled but no issuer is configured; refusing to start");
        algorithms = List.copyOf(Check.orDefault(algorithms, List.of("RS256")));
        clockSkew = Check.orDefault(clockSkew, Duration.ofSeconds(30));
        tenantClaim = Check.orDefault(tenantClaim, "tenant");
        java.util.Map<String, String> p = new java.util.LinkedHashMap<>();
        p.put("catalogue-read", "public");
        p.put("harvest-admin", "catalogue-admin");
        p.put("registration-admin", "registration-admin");
        p.put("ngsild-read", "ngsild-reader");
        p.put("ngsild-write", "ngsild-writer");
        p.put("sparql-federated", "catalogue-reader");
        if (permissions != null) {
            for (String key : permissions.keySet())
                if (!p.containsKey(key)) throw ConfigException.invalid("auth.permissions." + key, "unknown endpoint family; known: " + p.keySet());
            p.putAll(permissions);
        }
        permissions = Map.copyOf(p);
        attributePolicies = List.copyOf(Check.orDefault(attributePolicies, List.of()));
    }

    public static AuthConfig disabled() {
        return new AuthConfig(false, null, null, null, null, null, null, null);
    }

    /**
     * One attribute-level policy: callers holding none of {@code unlessRoles} do not see {@code attribute} of
     * entities of {@code entityType} (both compared as given, or expanded by the NGSI-LD layer).
     */
    public record AttributePolicyConfig(String entityType, String attribute, List<String> unlessRoles) {
        public AttributePolicyConfig {
            if (entityType == null || attribute == null)
                throw ConfigException.invalid("auth.attributePolicies[]", "entityType and attribute are required");
            unlessRoles = List.copyOf(Check.orDefault(unlessRoles, List.of()));
        }
    }
}
