package de.hanse.harvest.source.paged;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A source URL split into the endpoint (what is fetched) and per-source options carried in the URL fragment,
 * which HTTP clients never send: {@code https://geo.example/csw#pageSize=50&datasetBase=https://geo.example/id/}.
 * This keeps source-type specific settings out of the shared configuration record. Immutable.
 *
 * @param endpoint the URL without its fragment
 * @param options  decoded {@code key=value} pairs of the fragment, in order
 */
public record SourceOptions(String endpoint, Map<String, String> options) {

    public static SourceOptions parse(String url) {
        int hash = url.indexOf('#');
        if (hash < 0) return new SourceOptions(url, Map.of());
        Map<String, String> opts = new LinkedHashMap<>();
        for (String pair : url.substring(hash + 1).split("&")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            opts.put(URLDecoder.decode(k, StandardCharsets.UTF_8), URLDecoder.decode(v, StandardCharsets.UTF_8));
        }
        return new SourceOptions(url.substring(0, hash), Map.copyOf(opts));
    }

    public String get(String key, String dflt) {
        return options.getOrDefault(key, dflt);
    }

    /** A positive integer option no larger than {@code max}; the default when absent or malformed. */
    public int intOption(String key, int dflt, int max) {
        try {
            int v = Integer.parseInt(options.getOrDefault(key, String.valueOf(dflt)));
            return v <= 0 ? dflt : Math.min(v, max);
        } catch (NumberFormatException e) {
            return dflt;
        }
    }
}
