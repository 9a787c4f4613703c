package de.hanse.ngsild.jsonld;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The NGSI-LD core context (V1.8 term list), bundled as a resource so it is never fetched from the network. Also
 * knows the well-known URLs under which clients name it.
 */
public final class CoreContext {
    public static final String URL = "https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.8.jsonld";
    public static final String NGSI_LD = "https://uri.etsi.org/ngsi-ld/";
    private static final Set<String> URLS = Set.of(URL,
            "https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context.jsonld",
            "https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.3.jsonld",
            "https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.4.jsonld",
            "https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.5.jsonld",
            "https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.6.jsonld",
            "https://uri.etsi.org/ngsi-ld/v1/ngsi-ld-core-context-v1.7.jsonld");
    private static final JsonNode DOCUMENT;
    private static final Map<String, String> TERMS = new HashMap<>();
    private static final Map<String, String> INVERSE = new HashMap<>();
    private static final String VOCAB;

    static {
        try (InputStream in = CoreContext.class.getResourceAsStream("ngsi-ld-core-context-v1.8.jsonld")) {
            DOCUMENT = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JsonNode ctx = DOCUMENT.get("@context");
        VOCAB = ctx.get("@vocab").asText();
        String ngsi = ctx.get("ngsi-ld").asText();
        String geo = ctx.get("geojson").asText();
        ctx.fields().forEachRemaining(e -> {
            if (e.getKey().startsWith("@") || !e.getValue().isTextual()) return;
            String v = e.getValue().asText();
            if (v.startsWith("@")) return;
            if (v.startsWith("ngsi-ld:")) v = ngsi + v.substring(8);
            else if (v.startsWith("geojson:")) v = geo + v.substring(8);
            else if (!v.contains("://")) v = VOCAB + v;
            TERMS.put(e.getKey(), v);
            INVERSE.putIfAbsent(v, e.getKey());
        });
    }

    private CoreContext() {}

    /** True if {@code url} names the core context (any published version). */
    public static boolean isCore(String url) {
        return URLS.contains(url);
    }

    /** The bundled context document (read-only). */
    public static JsonNode document() {
        return DOCUMENT;
    }

    static Map<String, String> terms() {
        return TERMS;
    }

    static Map<String, String> inverse() {
        return INVERSE;
    }

    static String vocab() {
        return VOCAB;
    }

    /** The expanded IRI of a core term, e.g. {@code location}. */
    public static String iri(String term) {
        return TERMS.get(term);
    }
}
