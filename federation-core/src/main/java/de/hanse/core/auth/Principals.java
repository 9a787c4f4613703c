package de.hanse.core.auth;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * Reads the caller that {@link AuthFilter} attached to a request. A request the filter did not see yields
 * {@link Principal#ANONYMOUS} (fail closed). Stateless and thread-safe.
 */
public final class Principals {
    private Principals() {}

    public static Principal current(HttpServletRequest request) {
        return request.getAttribute(Principal.REQUEST_ATTRIBUTE) instanceof Principal p ? p : Principal.ANONYMOUS;
    }

    /** Under Jersey's servlet container, request properties are the servlet request's attributes. */
    public static Principal current(ContainerRequestContext request) {
        return request.getProperty(Principal.REQUEST_ATTRIBUTE) instanceof Principal p ? p : Principal.ANONYMOUS;
    }

    /** The {@code Authorization} header to relay for this caller ({@link de.hanse.core.http.CallContext}), or null. */
    public static String authorization(Principal p) {
        return p.token() == null ? null : "Bearer " + p.token();
    }
}
