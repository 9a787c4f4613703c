package de.hanse.core.auth;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Maps verified Keycloak claims to a {@link Principal}. Stateless. */
final class PrincipalClaims {
    private PrincipalClaims() {}

    static Principal toPrincipal(Map<String, ?> claims, String tenantClaim, String token) {
        Set<String> roles = new LinkedHashSet<>(rolesOf(claims.get("realm_access")));
        if (claims.get("resource_access") instanceof Map<?, ?> clients)
            for (Object client : clients.values()) roles.addAll(rolesOf(client));
        String subject = text(claims.get("sub"));
        if (subject == null) subject = text(claims.get("azp"));
        return new Principal(subject == null ? "unknown" : subject, text(claims.get("iss")), roles,
                strings(claims.get(tenantClaim)), token);
    }

    private static List<String> rolesOf(Object access) {
        return access instanceof Map<?, ?> m ? strings(m.get("roles")) : List.of();
    }

    /** A string or an array of strings; anything else counts as nothing. */
    static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof String s && !s.isBlank()) out.add(s);
        else if (value instanceof Collection<?> c)
            for (Object o : c) if (o instanceof String s && !s.isBlank()) out.add(s);
        return out;
    }

    private static String text(Object o) {
        return o instanceof String s ? s : null;
    }
}
