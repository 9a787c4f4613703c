package de.hanse.catalogue.search.index;

import de.hanse.catalogue.search.extract.BoundingBox;
import java.util.List;
import java.util.Map;

/**
 * One validated search request. Immutable.
 *
 * @param text          full-text query (simple query syntax: words, {@code "phrases"}, {@code -not}, {@code prefix*}),
 *                      or {@code null} for all datasets
 * @param filters       facet filters: dimension to accepted values (values of one dimension are OR'd, dimensions AND'd)
 * @param bbox          datasets whose extent intersects this box, or {@code null}
 * @param modifiedFrom  earliest {@code dct:modified} (epoch ms, inclusive) or {@code null}
 * @param modifiedTo    latest {@code dct:modified} (inclusive) or {@code null}
 * @param temporalFrom  datasets whose temporal coverage overlaps [from, to]; {@code null} = unbounded
 * @param temporalTo    see {@code temporalFrom}
 * @param sort          result order
 * @param page          1-based page
 * @param pageSize      hits per page
 * @param facetLimit    most values reported per facet dimension
 */
public record SearchQuery(String text, Map<String, List<String>> filters, BoundingBox bbox, Long modifiedFrom,
                          Long modifiedTo, Long temporalFrom, Long temporalTo, Order sort, int page, int pageSize,
                          int facetLimit) {

    /** Result orders; relevance falls back to newest first when there is no text query. */
    public enum Order { RELEVANCE, TITLE, TITLE_DESC, MODIFIED, MODIFIED_DESC }

    public SearchQuery {
        filters = filters == null ? Map.of() : Map.copyOf(filters);
        if (sort == null) sort = Order.RELEVANCE;
        if (page < 1 || pageSize < 1 || facetLimit < 0) throw new IllegalArgumentException("page, pageSize must be positive");
    }

    /** All datasets, first page of 20, by relevance. */
    public static SearchQuery all() {
        return new SearchQuery(null, Map.of(), null, null, null, null, null, Order.RELEVANCE, 1, 20, 20);
    }

    public SearchQuery withText(String q) {
        return new SearchQuery(q, filters, bbox, modifiedFrom, modifiedTo, temporalFrom, temporalTo, sort, page, pageSize, facetLimit);
    }

    public SearchQuery withFilters(Map<String, List<String>> f) {
        return new SearchQuery(text, f, bbox, modifiedFrom, modifiedTo, temporalFrom, temporalTo, sort, page, pageSize, facetLimit);
    }
}
