package de.hanse.catalogue.search.index;

import java.util.List;
import java.util.Map;

/**
 * One page of hits with the total count and facet counts. Immutable.
 *
 * @param total    number of matching datasets (exact)
 * @param page     1-based page number
 * @param pageSize requested page size
 * @param items    JSON summaries of the hits on this page, in order (raw UTF-8 JSON objects)
 * @param facets   per dimension the top values with counts; a dimension with a filter is counted as if that
 *                 filter were absent (drill sideways), so the other values of a filtered facet stay visible
 */
public record SearchResult(long total, int page, int pageSize, List<String> items, Map<String, List<FacetCount>> facets) {

    /** @param value the facet value, usable as a filter; @param count matching datasets with it */
    public record FacetCount(String value, long count) {}

    public static SearchResult empty(SearchQuery q) {
        return new SearchResult(0, q.page(), q.pageSize(), List.of(), Map.of());
    }
}
