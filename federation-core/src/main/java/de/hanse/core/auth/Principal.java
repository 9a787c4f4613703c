package de.hanse.core.auth;

import java.util.List;
import java.util.Set;

/**
 * Who is calling: the verified subject of a bearer token, or {@link #ANONYMOUS}.
 *
 * @param subject  {@code sub} claim
 * @param issuer   {@code iss} claim
 * @param roles    realm and client roles
 * @param tenants  NGSI-LD tenants the token may use (from the configured tenant claim)
 * @param token    the raw bearer token, kept only to relay it to peers; never logged ({@link #toString()})
 */
public record Principal(String subject, String issuer, Set<String> roles, List<String> tenants, String token) {

    public static final Principal ANONYMOUS = new Principal("anonymous", null, Set.of(), List.of(), null);
    /** Used when authentication is switched off (demo, tests): may do everything. */
    public static final Principal UNAUTHENTICATED_ADMIN = new Principal("auth-disabled", null, Set.of("*"), List.of("*"), null);

    public static final String REQUEST_ATTRIBUTE = "hanse.principal";

    public Principal {
        roles = Set.copyOf(roles);
        tenants = List.copyOf(tenants);
    }

    public boolean hasRole(String role) {
        return roles.contains("*") || roles.contains(role);
    }

    public boolean mayUseTenant(String tenant) {
        return tenants.contains("*") || tenants.contains(tenant);
    }

    @Override
    public String toString() {
        return "Principal[" + subject + " from " + issuer + ", roles=" + roles + ", tenants=" + tenants + "]";
    }
}
