package de.hanse.catalogue.search;

import de.hanse.catalogue.search.extract.BoundingBox;
import de.hanse.catalogue.search.extract.Dates;
import de.hanse.catalogue.search.index.IndexSchema;
import de.hanse.catalogue.search.index.SearchQuery;
import de.hanse.catalogue.search.index.SearchQuery.Order;
import de.hanse.core.http.Problem;
import de.hanse.core.http.ProblemException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Validates the query parameters of {@code GET /api/datasets} into a {@link SearchQuery}. Every mistake (unknown
 * parameter, a single-valued parameter given twice, malformed bbox, date, number or sort) is a 400 problem naming
 * the parameter. Facet parameters may repeat (values OR'd). Stateless.
 */
public final class SearchParams {
    public static final int DEFAULT_PAGE_SIZE = 20;
    public static final int MAX_PAGE_SIZE = 100;
    /** Deepest hit reachable by paging ({@code page * pageSize}); beyond it clients should narrow the query. */
    public static final int MAX_DEPTH = 10_000;
    public static final int DEFAULT_FACET_LIMIT = 20;
    public static final int MAX_FACET_LIMIT = 200;
    private static final Set<String> SINGLE = Set.of("q", "bbox", "modifiedFrom", "modifiedTo", "temporalFrom", "temporalTo",
            "sort", "page", "pageSize", "facetLimit");
    private static final Map<String, Order> SORTS = Map.of("relevance", Order.RELEVANCE, "title", Order.TITLE,
            "-title", Order.TITLE_DESC, "modified", Order.MODIFIED, "-modified", Order.MODIFIED_DESC);

    private SearchParams() {}

    /** All accepted parameter names. */
    public static Set<String> names() {
        Set<String> s = new java.util.TreeSet<>(SINGLE);
        s.addAll(IndexSchema.DIMENSIONS);
        return s;
    }

    public static SearchQuery parse(Map<String, List<String>> params) {
        for (Map.Entry<String, List<String>> e : params.entrySet()) {
            if (!SINGLE.contains(e.getKey()) && !IndexSchema.DIMENSIONS.contains(e.getKey()))
                throw bad(e.getKey(), "unknown parameter '" + e.getKey() + "'; accepted: " + String.join(", ", names()));
            if (SINGLE.contains(e.getKey()) && e.getValue().size() > 1)
                throw bad(e.getKey(), "parameter '" + e.getKey() + "' given " + e.getValue().size() + " times; give it once");
        }
        Map<String, List<String>> filters = new LinkedHashMap<>();
        for (String dim : IndexSchema.DIMENSIONS) {
            List<String> v = params.getOrDefault(dim, List.of()).stream().filter(s -> !s.isBlank()).toList();
            if (!v.isEmpty()) filters.put(dim, v);
        }
        String q = one(params, "q");
        BoundingBox bbox = null;
        String b = one(params, "bbox");
        if (b != null) {
            try {
                bbox = BoundingBox.parse(b);
            } catch (IllegalArgumentException e) {
                throw bad("bbox", "bbox '" + b + "': " + e.getMessage());
            }
        }
        Long mFrom = date(params, "modifiedFrom", false), mTo = date(params, "modifiedTo", true);
        Long tFrom = date(params, "temporalFrom", false), tTo = date(params, "temporalTo", true);
        order("modifiedFrom", mFrom, "modifiedTo", mTo);
        order("temporalFrom", tFrom, "temporalTo", tTo);
        String s = one(params, "sort");
        Order sort = s == null ? Order.RELEVANCE : SORTS.get(s);
        if (sort == null) throw bad("sort", "sort '" + s + "' is not one of relevance, title, -title, modified, -modified");
        int page = integer(params, "page", 1, 1, MAX_DEPTH);
        int pageSize = integer(params, "pageSize", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
        if ((long) page * pageSize > MAX_DEPTH)
            throw bad("page", "page " + page + " of size " + pageSize + " is deeper than " + MAX_DEPTH + " hits; narrow the query");
        int facetLimit = integer(params, "facetLimit", DEFAULT_FACET_LIMIT, 0, MAX_FACET_LIMIT);
        return new SearchQuery(q == null || q.isBlank() ? null : q, filters, bbox, mFrom, mTo, tFrom, tTo, sort, page, pageSize, facetLimit);
    }

    private static String one(Map<String, List<String>> params, String name) {
        List<String> v = params.get(name);
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    private static Long date(Map<String, List<String>> params, String name, boolean end) {
        String v = one(params, name);
        if (v == null || v.isBlank()) return null;
        try {
            return Dates.parse(v, end);
        } catch (IllegalArgumentException e) {
            throw bad(name, name + ": " + e.getMessage());
        }
    }

    private static void order(String fromName, Long from, String toName, Long to) {
        if (from != null && to != null && from > to) throw bad(fromName, fromName + " is after " + toName);
    }

    private static int integer(Map<String, List<String>> params, String name, int dflt, int min, int max) {
        String v = one(params, name);
        if (v == null || v.isBlank()) return dflt;
        try {
            int i = Integer.parseInt(v.strip());
            if (i < min || i > max) throw bad(name, name + " " + i + " is outside " + min + ".." + max);
            return i;
        } catch (NumberFormatException e) {
            throw bad(name, name + " '" + v + "' is not an integer");
        }
    }

    private static ProblemException bad(String parameter, String detail) {
        return new ProblemException(Problem.badParameter(parameter, detail));
    }
}
