package de.hanse.ngsild.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import de.hanse.core.http.Problem;
import de.hanse.core.http.ProblemException;
import de.hanse.ngsild.jsonld.ContextResolver;
import de.hanse.ngsild.model.EntityRenderer;
import de.hanse.ngsild.model.Ngsi;
import de.hanse.ngsild.query.EntityQuery;
import de.hanse.ngsild.service.QueryOutcome;
import de.hanse.ngsild.service.QueryService;
import de.hanse.ngsild.service.RequestScope;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves the two reads every federation sends most, {@code GET /ngsi-ld/v1/entities} and
 * {@code GET /ngsi-ld/v1/entities/{id}}, as a servlet filter in front of Jersey, with the very services, parsing,
 * rendering and errors of {@link EntitiesResource}. It sits behind the metrics and auth filters, so
 * authentication, permissions, tracing and metrics apply unchanged. Why: in a profile of a peer answering
 * federated queries, Jersey's own request and response processing took about twice the CPU of the NGSI-LD work
 * itself; a state node sends one such request per peer and query. Everything else (other methods, other paths)
 * passes on to Jersey.
 *
 * <p>Thread-safe and stateless.
 */
final class EntityReadFilter implements Filter {
    static final String BASE = "/ngsi-ld/v1/entities";
    private static final Logger LOG = LoggerFactory.getLogger(EntityReadFilter.class);

    private final NgsiLdServices s;
    private final com.github.benmanes.caffeine.cache.Cache<ParseKey, EntityQuery> parsed =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().maximumSize(1024).build();

    /** The context is compared by identity: the resolver hands out one object per context document. */
    private record ParseKey(String query, de.hanse.ngsild.jsonld.LdContext context) {}

    private final RenderedEntities rendered = new RenderedEntities();

    EntityReadFilter(NgsiLdServices s) {
        this.s = s;
    }

    /** Registers the cache of rendered entities ({@code cache="ngsild-rendered-entities"}). */
    void bindTo(io.micrometer.core.instrument.MeterRegistry registry) {
        rendered.bindTo(registry);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        String path = req.getRequestURI();
        String id = null;
        boolean ours = "GET".equals(req.getMethod()) && req.getContextPath().isEmpty() && path.startsWith(BASE);
        if (ours && path.length() > BASE.length()) {
            String rest = path.substring(BASE.length());
            ours = rest.length() > 1 && rest.charAt(0) == '/' && rest.indexOf('/', 1) < 0;
            if (ours) id = decodePath(rest.substring(1));
            ours = id != null;
        }
        if (!ours) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletResponse res = (HttpServletResponse) response;
        try {
            if (id == null) query(req, res);
            else retrieve(req, res, id);
        } catch (ProblemException e) {
            problem(res, e.problem(), List.of());
        } catch (RuntimeException e) {
            String ref = java.util.UUID.randomUUID().toString();
            LOG.error("unexpected error {}", ref, e);
            problem(res, Problem.ngsiLd(500, "InternalError", "internal error " + ref), List.of());
        }
    }

    private void query(HttpServletRequest req, HttpServletResponse res) throws IOException {
        RequestScope scope = Http.scope(req, s.contexts());
        String raw = req.getQueryString();
        // a federation repeats the same queries: parsed once per query string and context (a failing parse is not kept)
        EntityQuery q = parsed.get(new ParseKey(raw == null ? "" : raw, scope.context()),
                k -> EntityQuery.parse(params(raw), scope.context(), s.defaultLimit(), s.maxLimit(), true));
        QueryOutcome out = s.queries().query(q, scope, QueryService.operation(false));
        if (q.count()) res.setHeader("NGSILD-Results-Count", Integer.toString(out.count()));
        boolean ld = acceptsLd(Http.header(req, "Accept"));
        if (out.rendered() != null && s.policies().isEmpty()) {
            // a result reused from the answer cache: its pages are rendered once per query string and media type
            // (attribute policies would make the page depend on the caller: then it is rendered every time)
            RenderKey key = new RenderKey(raw == null ? "" : raw, ld);
            Rendered page = (Rendered) out.rendered().get(key);
            if (page == null) {
                JsonNode body = EntitiesResource.body(s, q, scope, out, req);
                String link = Http.withContext(ld, body, scope);
                page = new Rendered(Ngsi.JSON.writeValueAsBytes(body), link);
                if (out.rendered().size() < MAX_RENDERED_PAGES) out.rendered().putIfAbsent(key, page);
            }
            send(res, ld, page.link(), out.warnings(), page.body());
            return;
        }
        if (out.stored() && s.policies().isEmpty()) {
            // the store's own entities: each rendered once per context, representation and media type
            String url = Http.contextUrl(scope);
            send(res, ld, ld ? null : ContextResolver.link(url), out.warnings(), rendered.page(out.entities(), scope.context(), q.format(), ld, url));
            return;
        }
        json(req, res, EntitiesResource.body(s, q, scope, out, req), scope, out.warnings());
    }

    /** Rendered pages kept per reused result (each a page of at most the maximum limit of entities). */
    private static final int MAX_RENDERED_PAGES = 16;

    private record RenderKey(String query, boolean ld) {}

    private record Rendered(byte[] body, String link) {}

    private void retrieve(HttpServletRequest req, HttpServletResponse res, String id) throws IOException {
        RequestScope scope = Http.scope(req, s.contexts());
        EntityQuery q = EntityQuery.parse(EntitiesResource.retrieveParams(params(req.getQueryString()), id), scope.context(), 1,
                s.maxLimit(), false);
        QueryOutcome out = s.queries().query(q, scope, QueryService.operation(true));
        if (out.entities().isEmpty()) {
            problem(res, QueryService.notFound(id), out.warnings());
            return;
        }
        ObjectNode entity = EntityRenderer.render(out.entities().get(0), scope.context(), q.format());
        s.applyPolicies(req, scope.context(), List.of(entity));
        json(req, res, entity, scope, out.warnings());
    }

    /** As {@link Http#json}: the context as {@code Link}, or inline for {@code application/ld+json}. */
    private static void json(HttpServletRequest req, HttpServletResponse res, JsonNode body, RequestScope scope, List<String> warnings)
            throws IOException {
        boolean ld = acceptsLd(Http.header(req, "Accept"));
        String link = Http.withContext(ld, body, scope);
        send(res, ld, link, warnings, Ngsi.JSON.writeValueAsBytes(body));
    }

    private static void send(HttpServletResponse res, boolean ld, String link, List<String> warnings, byte[] body) throws IOException {
        res.setContentType(ld ? Http.LD_JSON : "application/json");
        if (link != null) res.setHeader("Link", link);
        warnings.forEach(w -> res.addHeader("NGSILD-Warning", w));
        res.setStatus(200);
        write(res, body);
    }

    private static void problem(HttpServletResponse res, Problem p, List<String> warnings) throws IOException {
        if (res.isCommitted()) return;
        res.reset();
        res.setStatus(p.status());
        res.setContentType(p.type().startsWith(Problem.NGSI_LD_TYPES) ? "application/json" : Problem.MEDIA_TYPE);
        warnings.forEach(w -> res.addHeader("NGSILD-Warning", w));
        write(res, Ngsi.JSON.writeValueAsBytes(p));
    }

    private static void write(HttpServletResponse res, byte[] bytes) throws IOException {
        res.setContentLength(bytes.length);
        res.getOutputStream().write(bytes);
    }

    /** Whether any media range of an {@code Accept} header is {@code application/ld+json}. */
    static boolean acceptsLd(String accept) {
        if (accept == null) return false;
        for (String range : accept.split(",")) {
            int semi = range.indexOf(';');
            String type = (semi < 0 ? range : range.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
            if (type.equals(Http.LD_JSON)) return true;
        }
        return false;
    }

    /** Query parameters, first value each, percent-decoded ({@code +} is a space); 400 for a broken encoding. */
    static Map<String, String> params(String query) {
        Map<String, String> out = new LinkedHashMap<>();
        if (query == null || query.isEmpty()) return out;
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            try {
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                out.putIfAbsent(k, v);
            } catch (IllegalArgumentException e) {
                throw Ngsi.badData("malformed percent-encoding in the query string");
            }
        }
        return out;
    }

    /** A path segment percent-decoded (a {@code +} stays), or null when its encoding is broken (left to Jersey). */
    static String decodePath(String segment) {
        if (segment.indexOf('%') < 0) return segment;
        try {
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
