package de.hanse.ngsild.jsonld;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A resolved JSON-LD context reduced to what NGSI-LD needs: a map from terms to absolute IRIs, prefixes for compact
 * IRIs, and a {@code @vocab}. Expansion looks up the user's terms first, then the NGSI-LD core context (which is
 * always in force); compaction prefers the user's term, then the core term, then the text after the default vocab.
 *
 * <p>Immutable and thread-safe. Create with {@link #of(List)} or {@link #core()}.
 */
public final class LdContext {
    private static final LdContext CORE = new LdContext(List.of(), null, CoreContext.terms(), CoreContext.vocab());

    private final Map<String, String> terms;
    private final Map<String, String> inverse;
    private final String vocab;
    private final List<String> urls;
    private final String key;

    private LdContext(List<String> urls, String key, Map<String, String> terms, String vocab) {
        this.urls = List.copyOf(urls);
        this.key = key;
        this.terms = Map.copyOf(terms);
        this.vocab = vocab;
        Map<String, String> inv = new HashMap<>();
        terms.forEach((t, iri) -> inv.merge(iri, t, (a, b) -> a.length() <= b.length() ? a : b));
        this.inverse = Map.copyOf(inv);
    }

    /** The NGSI-LD core context alone. */
    public static LdContext core() {
        return CORE;
    }

    /**
     * The core context overlaid with the given context documents' {@code @context} values (objects only, URLs already
     * resolved by the caller), in order.
     *
     * @param urls    the context URLs as given by the client (echoed in {@code Link}; empty for inline contexts)
     * @param objects the resolved context objects
     */
    public static LdContext of(List<String> urls, List<JsonNode> objects) {
        if (objects.isEmpty()) return CORE;
        Map<String, String> raw = new HashMap<>();
        String vocab = null;
        for (JsonNode obj : objects) {
            var it = obj.fields();
            while (it.hasNext()) {
                var e = it.next();
                String t = e.getKey();
                JsonNode v = e.getValue();
                if (t.equals("@vocab") && v.isTextual()) vocab = v.asText();
                else if (t.startsWith("@")) continue;
                else if (v.isTextual()) raw.put(t, v.asText());
                else if (v.isObject() && v.path("@id").isTextual()) raw.put(t, v.path("@id").asText());
            }
        }
        Map<String, String> resolved = new HashMap<>();
        for (var e : raw.entrySet()) resolved.put(e.getKey(), resolvePrefix(e.getValue(), raw));
        String v = vocab == null ? null : resolvePrefix(vocab, raw);
        return new LdContext(urls, urls.isEmpty() ? Integer.toHexString(resolved.hashCode()) : String.join(" ", urls),
                resolved, v);
    }

    private static String resolvePrefix(String value, Map<String, String> raw) {
        int c = value.indexOf(':');
        if (c <= 0 || value.startsWith("@")) return value;
        String prefix = value.substring(0, c);
        String rest = value.substring(c + 1);
        if (rest.startsWith("//")) return value;
        String ns = raw.get(prefix);
        if (ns == null) ns = CoreContext.terms().get(prefix);
        return ns == null ? value : ns + rest;
    }

    /** The URLs the client named ({@code Link} header or body), empty for the core context or inline contexts. */
    public List<String> urls() {
        return urls;
    }

    /** True when only the core context applies. */
    public boolean isCore() {
        return this == CORE;
    }

    /** Expands a term (type or attribute name) to an absolute IRI. */
    public String expand(String term) {
        String iri = terms.get(term);
        if (iri != null) return iri;
        iri = CoreContext.terms().get(term);
        if (iri != null) return iri;
        int c = term.indexOf(':');
        if (c > 0) {
            String ns = terms.get(term.substring(0, c));
            if (ns == null) ns = CoreContext.terms().get(term.substring(0, c));
            if (ns != null && !term.startsWith("//", c + 1)) return ns + term.substring(c + 1);
            return term;
        }
        return (vocab != null ? vocab : CoreContext.vocab()) + term;
    }

    /** Compacts an absolute IRI to the shortest term this context offers. */
    public String compact(String iri) {
        String t = inverse.get(iri);
        if (t != null) return t;
        if (vocab != null && iri.startsWith(vocab) && iri.length() > vocab.length()) return iri.substring(vocab.length());
        t = CoreContext.inverse().get(iri);
        if (t != null && !terms.containsKey(t)) return t;
        String dv = CoreContext.vocab();
        if (iri.startsWith(dv) && iri.length() > dv.length()) {
            String local = iri.substring(dv.length());
            if (!terms.containsKey(local)) return local;
        }
        return iri;
    }

    /** A stable key for caches. */
    public String cacheKey() {
        return key == null ? "core" : key;
    }
}
