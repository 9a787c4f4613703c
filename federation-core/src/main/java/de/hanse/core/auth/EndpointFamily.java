package de.hanse.core.auth;

import java.util.Locale;

/**
 * The endpoint families of a node that permissions are configured for ({@code auth.permissions}), and the mapping
 * of a request (method, path) to its family. Paths not listed fall back to the safest fitting family: reads to
 * {@link #CATALOGUE_READ}, writes to {@link #HARVEST_ADMIN} (administration), so a new endpoint is never open by
 * accident. Immutable.
 */
public enum EndpointFamily {
    /** Health, metrics and the OpenAPI document: never need a token. */
    PUBLIC(null, false),
    CATALOGUE_READ("catalogue-read", false),
    HARVEST_ADMIN("harvest-admin", false),
    REGISTRATION_ADMIN("registration-admin", true),
    NGSILD_READ("ngsild-read", true),
    NGSILD_WRITE("ngsild-write", true),
    SPARQL_FEDERATED("sparql-federated", false);

    private final String key;
    private final boolean tenantScoped;

    EndpointFamily(String key, boolean tenantScoped) {
        this.key = key;
        this.tenantScoped = tenantScoped;
    }

    /** The key in {@code auth.permissions}; null for {@link #PUBLIC}. */
    public String key() {
        return key;
    }

    /** Whether the {@code NGSILD-Tenant} of a request is checked against the caller's tenants. */
    public boolean tenantScoped() {
        return tenantScoped;
    }

    /**
     * The family of a request.
     *
     * @param method HTTP method
     * @param path   decoded path below the context root, starting with {@code /}
     */
    public static EndpointFamily of(String method, String path, String contentType) {
        String m = method.toUpperCase(Locale.ROOT);
        boolean read = m.equals("GET") || m.equals("HEAD");
        if (m.equals("OPTIONS")) return PUBLIC;   // CORS preflight carries no credentials
        if (path.equals("/metrics") || path.equals("/openapi.json") || path.equals("/health") || path.startsWith("/health/"))
            return PUBLIC;
        if (under(path, "/sparql/federated")) return SPARQL_FEDERATED;
        if (under(path, "/sparql")) return read || m.equals("POST") && isQueryBody(contentType) ? CATALOGUE_READ : HARVEST_ADMIN;
        if (under(path, "/api/harvest")) return read ? CATALOGUE_READ : HARVEST_ADMIN;
        if (under(path, "/ngsi-ld/v1/csourceRegistrations")) return read ? NGSILD_READ : REGISTRATION_ADMIN;
        if (under(path, "/ngsi-ld/v1/entityOperations/query")) return NGSILD_READ;
        if (under(path, "/ngsi-ld")) return read ? NGSILD_READ : NGSILD_WRITE;
        return read ? CATALOGUE_READ : (m.equals("POST") && under(path, "/api/search") ? CATALOGUE_READ : HARVEST_ADMIN);
    }

    /** A SPARQL protocol query (not an update, not a Graph Store Protocol write). */
    private static boolean isQueryBody(String contentType) {
        String ct = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        return ct.startsWith("application/sparql-query") || ct.startsWith("application/x-www-form-urlencoded");
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
