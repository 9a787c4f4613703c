package de.hanse.core.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.hanse.core.config.AuthConfig;
import de.hanse.core.http.Problem;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Collections;
import java.util.List;

/**
 * The one place where inbound requests are authenticated and authorised: maps the request to its
 * {@link EndpointFamily}, verifies the bearer token when one is sent or needed, checks the family's role from
 * {@link AuthConfig#permissions()} ({@code public}: no token needed; {@code authenticated}: any valid token;
 * otherwise a role name) and, for NGSI-LD families, the {@code NGSILD-Tenant} against the caller's tenants, then
 * stores the {@link Principal} in the request attribute {@link Principal#REQUEST_ATTRIBUTE}.
 *
 * <p>Refusals are problem documents ({@code application/json} under {@code /ngsi-ld/}, as NGSI-LD ProblemDetails,
 * {@code application/problem+json} elsewhere) with the challenges of RFC 6750 section 3: 401 with
 * {@code WWW-Authenticate: Bearer realm="hanse"} and no error code when the request carries no bearer token (none, or
 * another scheme such as Basic); 401 with {@code error="invalid_token"} when a token was presented and is bad; 400
 * with {@code error="invalid_request"} for a malformed request (several {@code Authorization} headers, an empty
 * bearer token); 403 for a missing role or tenant. With {@code auth.enabled: false} every request runs
 * as {@link Principal#UNAUTHENTICATED_ADMIN}. Thread-safe.
 */
public final class AuthFilter implements Filter {
    public static final String TENANT_HEADER = "NGSILD-Tenant";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CHALLENGE = "Bearer realm=\"hanse\"";

    private final AuthConfig config;
    private final TokenVerifier verifier;
    private final MeterRegistry metrics;

    /** @param verifier used when {@code config.enabled()}; may be null otherwise */
    public AuthFilter(AuthConfig config, TokenVerifier verifier, MeterRegistry metrics) {
        if (config.enabled() && verifier == null) throw new IllegalArgumentException("authentication enabled without a verifier");
        this.config = config;
        this.verifier = verifier;
        this.metrics = metrics;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (!config.enabled()) {
            request.setAttribute(Principal.REQUEST_ATTRIBUTE, Principal.UNAUTHENTICATED_ADMIN);
            chain.doFilter(req, res);
            return;
        }
        String path = path(request);
        boolean ngsi = path.startsWith("/ngsi-ld/");
        if (path.contains(";") || path.contains("/../") || path.endsWith("/..") || path.contains("//")) {
            refuse(response, ngsi, Problem.badParameter("path", "ambiguous request path"), null, "bad-path");
            return;
        }
        EndpointFamily family = EndpointFamily.of(request.getMethod(), path, request.getContentType());
        String required = family == EndpointFamily.PUBLIC ? "public" : config.permissions().get(family.key());

        Principal principal = Principal.ANONYMOUS;
        List<String> headers = Collections.list(request.getHeaders("Authorization"));
        if (headers.size() > 1) {
            invalidRequest(response, ngsi, "more than one Authorization header");
            return;
        }
        String header = headers.isEmpty() ? null : headers.get(0);
        boolean isBearer = header != null && isBearer(header);
        String token = isBearer ? bearer(header) : null;
        if (isBearer && token == null) {
            invalidRequest(response, ngsi, "empty bearer token");
            return;
        }
        if (token != null) {
            try {
                principal = verifier.verify(token);
            } catch (TokenVerifier.InvalidTokenException e) {
                invalidToken(response, ngsi, e.getMessage());
                return;
            }
        }
        if (!"public".equals(required)) {
            if (principal == Principal.ANONYMOUS) {
                unauthorized(response, ngsi, header == null ? "missing bearer token" : "Authorization is not a Bearer token");
                return;
            }
            if (!"authenticated".equals(required) && !principal.hasRole(required)) {
                forbidden(response, ngsi, "requires role '" + required + "' (" + family.key() + ")");
                return;
            }
        }
        if (family.tenantScoped()) {
            List<String> tenants = Collections.list(request.getHeaders(TENANT_HEADER));
            if (tenants.size() > 1 || tenants.size() == 1 && tenants.get(0).contains(",")) {
                refuse(response, ngsi, Problem.badParameter(TENANT_HEADER, "exactly one tenant per request"), null, "bad-tenant");
                return;
            }
            String tenant = tenants.isEmpty() ? null : tenants.get(0).trim();
            if (!mayUseTenant(principal, tenant)) {
                forbidden(response, ngsi, tenant == null ? "token is bound to tenants and may not use the default tenant"
                        : "token may not use tenant '" + tenant + "'");
                return;
            }
        }
        request.setAttribute(Principal.REQUEST_ATTRIBUTE, principal);
        count("allowed");
        chain.doFilter(req, res);
    }

    /** A token bound to tenants may use exactly those; a token without a tenant claim only the default tenant. */
    static boolean mayUseTenant(Principal p, String tenant) {
        if (p.tenants().contains("*")) return true;
        return tenant == null || tenant.isEmpty() ? p.tenants().isEmpty() : p.tenants().contains(tenant);
    }

    private static String path(HttpServletRequest r) {
        String p = (r.getServletPath() == null ? "" : r.getServletPath()) + (r.getPathInfo() == null ? "" : r.getPathInfo());
        return p.isEmpty() ? "/" : p;
    }

    /** The scheme is {@code Bearer} (case-insensitive), with or without a token after it. */
    private static boolean isBearer(String header) {
        String h = header.trim();
        return h.length() >= 6 && h.substring(0, 6).equalsIgnoreCase("bearer") && (h.length() == 6 || h.charAt(6) == ' ');
    }

    /** The token of a Bearer header, or null when it is empty. */
    private static String bearer(String header) {
        String t = header.trim().substring(6).trim();
        return t.isEmpty() ? null : t;
    }

    /** No bearer token was presented: the bare challenge, without an error code (RFC 6750 section 3.1). */
    private void unauthorized(HttpServletResponse response, boolean ngsi, String description) throws IOException {
        refuse(response, ngsi, Problem.of(401, "unauthorized", "Unauthorized", description), CHALLENGE, "unauthorized");
    }

    /** A token was presented and is not acceptable. */
    private void invalidToken(HttpServletResponse response, boolean ngsi, String description) throws IOException {
        refuse(response, ngsi, Problem.of(401, "unauthorized", "Unauthorized", description),
                challenge("invalid_token", description), "unauthorized");
    }

    /** The request's credentials are malformed: 400 (RFC 6750 section 3.1, {@code invalid_request}). */
    private void invalidRequest(HttpServletResponse response, boolean ngsi, String description) throws IOException {
        refuse(response, ngsi, Problem.badParameter("Authorization", description), challenge("invalid_request", description),
                "bad-request");
    }

    private static String challenge(String error, String description) {
        String safe = description.replaceAll("[^\\x20-\\x7e]", "?").replace('"', '\'').replace('\\', '/');
        return CHALLENGE + ", error=\"" + error + "\", error_description=\"" + safe + "\"";
    }

    private void forbidden(HttpServletResponse response, boolean ngsi, String detail) throws IOException {
        refuse(response, ngsi, Problem.of(403, "forbidden", "Forbidden", detail), null, "forbidden");
    }

    private void refuse(HttpServletResponse response, boolean ngsi, Problem p, String challenge, String outcome) throws IOException {
        count(outcome);
        response.setStatus(p.status());
        if (challenge != null) response.setHeader("WWW-Authenticate", challenge);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(ngsi ? "application/json" : Problem.MEDIA_TYPE);
        byte[] body = JSON.writeValueAsBytes(p);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    private void count(String outcome) {
        if (metrics != null) metrics.counter("hanse_auth_requests", "outcome", outcome).increment();
    }
}
