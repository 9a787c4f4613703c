package de.hanse.ngsild.jsonld;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import de.hanse.core.http.CallContext;
import de.hanse.core.http.OutboundHttp;
import de.hanse.core.http.Problem;
import de.hanse.core.http.ProblemException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns the {@code @context} of a request (a {@code Link} header or a body member) into an {@link LdContext}. The core
 * context and a smart-city context ({@link #SMART_CITY_URL}) are bundled; other contexts come from a cache (filled by {@link #store} or by earlier fetches), or are
 * fetched under a short deadline when the URL is on a loopback host. Anything else answers 503
 * {@code LdContextNotAvailable}: a node never reaches out to arbitrary hosts named by a client (no SSRF).
 *
 * <p>Thread-safe.
 */
public final class ContextResolver implements MeterBinder {
    public static final String LINK_REL = "http://www.w3.org/ns/json-ld#context";
    private static final long MAX_BYTES = 256 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final OutboundHttp http;
    private final Duration fetchTimeout;
    private final Cache<String, JsonNode> documents = Caffeine.newBuilder().maximumSize(1_000)
            .expireAfterWrite(Duration.ofHours(6)).recordStats().build();
    private final Cache<String, LdContext> resolved = Caffeine.newBuilder().maximumSize(1_000).recordStats().build();

    /** The bundled Smart Data Models subset (parking, air quality) used by the demo: resolvable without network. */
    public static final String SMART_CITY_URL = "https://w3id.org/hanse/ngsi-ld/smart-city-context.jsonld";

    /** Registers the caches as {@code cache="ngsild-context-documents"} and {@code cache="ngsild-contexts"}. */
    @Override
    public void bindTo(MeterRegistry registry) {
        CaffeineCacheMetrics.monitor(registry, documents, "ngsild-context-documents");
        CaffeineCacheMetrics.monitor(registry, resolved, "ngsild-contexts");
    }

    public ContextResolver(OutboundHttp http, Duration fetchTimeout) {
        this.http = http;
        this.fetchTimeout = fetchTimeout;
        try (var in = ContextResolver.class.getResourceAsStream("hanse-smart-city-context.jsonld")) {
            bundled = JSON.readTree(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private final JsonNode bundled;

    /** The bundled smart-city context document. */
    public JsonNode smartCityDocument() {
        return bundled;
    }

    /** Keeps a context document (its {@code @context} value) under {@code url}, e.g. from {@code /jsonldContexts}. */
    public void store(String url, JsonNode contextValue) {
        documents.put(url, contextValue);
    }

    /** A stored or fetched context's {@code @context} value, or null. */
    public JsonNode cached(String url) {
        return documents.getIfPresent(url);
    }

    /** The context named by a {@code Link} header value, or the core context when the header is absent. */
    public LdContext fromLink(String linkHeader) {
        String url = linkUrl(linkHeader);
        if (url == null) return LdContext.core();
        return fromValue(JSON.getNodeFactory().textNode(url));
    }

    /** The context of a body's {@code @context} value: a URL, an object, or an array of both. */
    public LdContext fromValue(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) return LdContext.core();
        String key = value.toString();
        LdContext hit = resolved.getIfPresent(key);
        if (hit != null) return hit;
        List<String> urls = new ArrayList<>();
        List<JsonNode> objects = new ArrayList<>();
        collect(value, urls, objects, 0);
        LdContext ctx = LdContext.of(value.isObject() ? List.of() : urls, objects);
        resolved.put(key, ctx);
        return ctx;
    }

    private void collect(JsonNode v, List<String> urls, List<JsonNode> objects, int depth) {
        if (depth > 4) throw bad("@context nested too deeply");
        if (v.isArray()) {
            for (JsonNode e : v) collect(e, urls, objects, depth + 1);
        } else if (v.isTextual()) {
            String url = v.asText();
            urls.add(url);
            if (CoreContext.isCore(url)) return;
            collect(document(url), new ArrayList<>(), objects, depth + 1);
        } else if (v.isObject()) {
            objects.add(v);
        } else {
            throw bad("@context must be a URL, an object or an array");
        }
    }

    private JsonNode document(String url) {
        if (SMART_CITY_URL.equals(url)) return bundled.get("@context");
        JsonNode doc = documents.getIfPresent(url);
        if (doc != null) return doc;
        doc = fetch(url);
        documents.put(url, doc);
        return doc;
    }

    private JsonNode fetch(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw bad("@context URL is not a URI: " + url);
        }
        if (!loopback(uri)) throw unavailable(url, "not bundled or stored, and remote contexts are not fetched");
        try {
            var req = http.request(uri, CallContext.forUrl(fetchTimeout)).header("Accept", "application/ld+json, application/json").GET().build();
            HttpResponse<byte[]> r = http.send(req, OutboundHttp.boundedBytes(MAX_BYTES));
            if (r.statusCode() != 200) throw unavailable(url, "HTTP " + r.statusCode());
            JsonNode ctx = JSON.readTree(r.body()).get("@context");
            if (ctx == null) throw unavailable(url, "no @context member");
            return ctx;
        } catch (ProblemException e) {
            throw e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable(url, "interrupted");
        } catch (Exception e) {
            throw unavailable(url, e.getClass().getSimpleName());
        }
    }

    private static boolean loopback(URI uri) {
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) return false;
        String h = uri.getHost();
        if (h.equals("localhost")) return true;
        try {
            return (h.startsWith("127.") || h.startsWith("[")) && InetAddress.getByName(h).isLoopbackAddress();
        } catch (Exception e) {
            return false;
        }
    }

    /** The context URL in a {@code Link} header ({@code <url>; rel="http://www.w3.org/ns/json-ld#context"}), or null. */
    public static String linkUrl(String header) {
        if (header == null || header.isBlank()) return null;
        for (String part : header.split(",(?=\\s*<)")) {
            int lt = part.indexOf('<');
            int gt = part.indexOf('>');
            if (lt < 0 || gt < lt) throw bad("malformed Link header");
            String params = part.substring(gt + 1);
            if (params.contains(LINK_REL)) return part.substring(lt + 1, gt).trim();
        }
        return null;
    }

    /** A {@code Link} header value naming {@code url} as the JSON-LD context. */
    public static String link(String url) {
        return "<" + url + ">; rel=\"" + LINK_REL + "\"; type=\"application/ld+json\"";
    }

    private static ProblemException bad(String detail) {
        return Problem.ngsiLd(400, "BadRequestData", detail).toException();
    }

    private static ProblemException unavailable(String url, String why) {
        return Problem.ngsiLd(503, "LdContextNotAvailable", "cannot use @context " + url + ": " + why).toException();
    }
}
