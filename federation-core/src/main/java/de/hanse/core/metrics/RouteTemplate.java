package de.hanse.core.metrics;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Turns a request path into a bounded route label for metrics, so that entity ids, dataset ids and scanners'
 * random paths cannot explode the number of time series: the first {@value #DEPTH} segments are kept, a segment
 * that looks like an identifier (URN, number, UUID, encoded or long) becomes {@code {id}}, anything deeper becomes
 * {@code **}, and once {@code maxRoutes} distinct labels exist every new one is reported as {@value #OTHER}.
 * Examples: {@code /ngsi-ld/v1/entities/urn:ngsi-ld:Car:1/attrs} becomes {@code /ngsi-ld/v1/entities/**};
 * {@code /catalogue/datasets/123} becomes {@code /catalogue/datasets/{id}}.
 *
 * <p>Thread-safe.
 */
public final class RouteTemplate {
    /** Segments kept. */
    public static final int DEPTH = 3;
    /** The label for routes beyond the cap. */
    public static final String OTHER = "/other";

    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,39}");
    private static final Pattern DIGIT_RUN = Pattern.compile(".*\\d{3,}.*");

    private final int maxRoutes;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    public RouteTemplate(int maxRoutes) {
        if (maxRoutes < 1) throw new IllegalArgumentException("maxRoutes must be positive");
        this.maxRoutes = maxRoutes;
    }

    /** The route label for a raw (undecoded) request path without query. */
    public String of(String path) {
        String route = normalise(path);
        if (seen.contains(route)) return route;
        if (seen.size() >= maxRoutes) return OTHER;
        seen.add(route); // a race may admit a few more than maxRoutes: still bounded by the thread count
        return route;
    }

    /** The label before the cap is applied. Pure. */
    static String normalise(String path) {
        if (path == null || path.isEmpty() || path.equals("/")) return "/";
        String[] segments = path.split("/");
        StringBuilder sb = new StringBuilder();
        int kept = 0;
        for (String s : segments) {
            if (s.isEmpty()) continue;
            if (kept == DEPTH) {
                sb.append("/**");
                break;
            }
            sb.append('/').append(isWord(s) ? s : "{id}");
            kept++;
        }
        return sb.length() == 0 ? "/" : sb.toString();
    }

    private static boolean isWord(String s) {
        return WORD.matcher(s).matches() && !DIGIT_RUN.matcher(s).matches();
    }
}
