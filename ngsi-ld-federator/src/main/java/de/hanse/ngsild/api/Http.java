package de.hanse.ngsild.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.hanse.core.http.Problem;
import de.hanse.ngsild.federation.Via;
import de.hanse.ngsild.jsonld.ContextResolver;
import de.hanse.ngsild.jsonld.CoreContext;
import de.hanse.ngsild.jsonld.LdContext;
import de.hanse.ngsild.model.Ngsi;
import de.hanse.ngsild.service.RequestScope;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP plumbing shared by the NGSI-LD resources: the request scope (tenant, context, Via), body parsing with the
 * {@code @context} rules of clause 6.3.5, and JSON answers with {@code Link} and {@code NGSILD-Warning} headers.
 */
final class Http {
    static final String LD_JSON = "application/ld+json";
    static final String TENANT = "NGSILD-Tenant";

    private Http() {}

    /** The scope of a request whose context comes from the {@code Link} header (GET, DELETE, JSON bodies). */
    static RequestScope scope(HttpHeaders h, ContextResolver contexts) {
        String link = h.getHeaderString("Link");
        LdContext ctx = contexts.fromLink(link);
        String url = ContextResolver.linkUrl(link);
        return scope(h, ctx, url == null ? null : ContextResolver.link(url));
    }

    static RequestScope scope(HttpHeaders h, LdContext ctx, String link) {
        Map<String, String> headers = new HashMap<>();
        h.getRequestHeaders().forEach((k, v) -> {
            if (!v.isEmpty()) headers.put(k.toLowerCase(Locale.ROOT), v.get(0));
        });
        return scope(headers, h.getHeaderString(TENANT), h.getHeaderString("Via"), ctx, link);
    }

    /** The scope of a request served without Jersey ({@link EntityReadFilter}); the same rules as above. */
    static RequestScope scope(HttpServletRequest req, ContextResolver contexts) {
        Map<String, String> headers = new HashMap<>();
        for (Enumeration<String> names = req.getHeaderNames(); names.hasMoreElements(); ) {
            String name = names.nextElement();
            String v = req.getHeader(name);
            if (v != null) headers.put(name.toLowerCase(Locale.ROOT), v);
        }
        String link = header(req, "Link");
        String url = ContextResolver.linkUrl(link);
        return scope(headers, header(req, TENANT), header(req, "Via"), contexts.fromLink(link), url == null ? null : ContextResolver.link(url));
    }

    /** All values of a header joined with commas (as JAX-RS {@code getHeaderString}), or null. */
    static String header(HttpServletRequest req, String name) {
        Enumeration<String> values = req.getHeaders(name);
        if (values == null || !values.hasMoreElements()) return null;
        String first = values.nextElement();
        if (!values.hasMoreElements()) return first;
        StringBuilder sb = new StringBuilder(first);
        while (values.hasMoreElements()) sb.append(',').append(values.nextElement());
        return sb.toString();
    }

    private static RequestScope scope(Map<String, String> headers, String tenant, String via, LdContext ctx, String link) {
        if (tenant != null && (tenant.length() > 128 || !TENANT_SYNTAX.matcher(tenant).matches()))
            throw Ngsi.badData("invalid NGSILD-Tenant");
        return new RequestScope(tenant == null ? "" : tenant, ctx, link, Via.parse(via), Map.copyOf(headers));
    }

    private static final java.util.regex.Pattern TENANT_SYNTAX = java.util.regex.Pattern.compile("[A-Za-z0-9_.:/-]*");

    /** Parses a request body (400 InvalidRequest when it is not JSON). */
    static JsonNode json(String body) {
        if (body == null || body.isBlank()) throw Ngsi.invalid("a JSON body is required");
        try {
            return Ngsi.JSON.readTree(body);
        } catch (Exception e) {
            throw Ngsi.invalid("the body is not valid JSON");
        }
    }

    /**
     * The context of one body object: its {@code @context} for {@code application/ld+json} (required there), the
     * {@code Link} header for {@code application/json} (where a body {@code @context} is 400).
     */
    static LdContext bodyContext(JsonNode item, HttpHeaders h, ContextResolver contexts) {
        String type = h.getMediaType() == null ? "" : h.getMediaType().getType() + "/" + h.getMediaType().getSubtype();
        if (!List.of("application/json", LD_JSON, "application/merge-patch+json").contains(type))
            throw Problem.ngsiLd(415, "InvalidRequest", "Content-Type must be application/json or application/ld+json, not '" + type + "'").toException();
        boolean ld = LD_JSON.equals(type);
        String link = h.getHeaderString("Link");
        if (ld) {
            if (ContextResolver.linkUrl(link) != null) throw Ngsi.badData("application/ld+json bodies carry @context; a Link header is not allowed");
            if (item == null || !item.has("@context")) throw Ngsi.badData("an application/ld+json body needs @context");
            return contexts.fromValue(item.get("@context"));
        }
        if (item != null && item.isObject() && item.has("@context"))
            throw Ngsi.badData("an application/json body must not contain @context; use application/ld+json or a Link header");
        return contexts.fromLink(link);
    }

    /** Query parameters, first value each. */
    static Map<String, String> params(MultivaluedMap<String, String> q) {
        Map<String, String> out = new LinkedHashMap<>();
        q.forEach((k, v) -> {
            if (!v.isEmpty()) out.put(k, v.get(0));
        });
        return out;
    }

    /** A JSON answer with the context as {@code Link} (or inline for {@code application/ld+json}) and warnings. */
    static Response json(int status, JsonNode body, RequestScope scope, List<String> warnings, HttpHeaders h) {
        boolean ld = h.getAcceptableMediaTypes().stream().anyMatch(m -> LD_JSON.equals(m.getType() + "/" + m.getSubtype()));
        String link = withContext(ld, body, scope);
        Response.ResponseBuilder b = Response.status(status).type(ld ? LD_JSON : "application/json");
        if (link != null) b.header("Link", link);
        warnings.forEach(w -> b.header("NGSILD-Warning", w));
        return b.entity(body.toString()).build();
    }

    /**
     * Names the requester's context (the core context if none) in an answer: for {@code application/ld+json}
     * ({@code ld}) as {@code @context} of the body's objects, returning null; otherwise as the {@code Link} header
     * value it returns.
     */
    static String withContext(boolean ld, JsonNode body, RequestScope scope) {
        String url = contextUrl(scope);
        if (!ld) return ContextResolver.link(url);
        if (body.isArray()) body.forEach(e -> { if (e.isObject()) ((ObjectNode) e).put("@context", url); });
        else if (body.isObject()) ((ObjectNode) body).put("@context", url);
        return null;
    }

    /** The URL naming the requester's context in an answer: its first document, or the core context. */
    static String contextUrl(RequestScope scope) {
        List<String> urls = scope.context().urls();
        return urls.isEmpty() ? CoreContext.URL : urls.get(0);
    }

    static Response problem(Problem p) {
        return Response.status(p.status()).type("application/json").entity(Ngsi.JSON.valueToTree(p).toString()).build();
    }
}
