package de.hanse.catalogue.search.index;

import de.hanse.catalogue.search.extract.BoundingBox;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.facet.DrillDownQuery;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.queryparser.simple.SimpleQueryParser;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;

/**
 * Translates a {@link SearchQuery} into Lucene: the text over every per-language text field (each analysed with its
 * own analyzer, so a German query is stemmed against German titles), range filters for bbox, temporal coverage and
 * modification date, and facet filters as drill-downs. Uses {@link SimpleQueryParser}, which never throws on user
 * input. Thread-safe.
 */
public final class QueryBuilder {
    private final Analyzer analyzer = IndexSchema.analyzer();
    private final FacetsConfig facets;
    private final Map<String, Float> weights = new HashMap<>();

    public QueryBuilder(FacetsConfig facets) {
        this.facets = facets;
        IndexSchema.TEXT_FIELDS.forEach((prefix, boost) -> IndexSchema.LANGS.forEach(l -> weights.put(prefix + "_" + l, boost)));
    }

    public DrillDownQuery build(SearchQuery q) {
        BooleanQuery.Builder base = new BooleanQuery.Builder();
        Query text = q.text() == null || q.text().isBlank() ? null : textQuery(q.text());
        base.add(text == null ? new MatchAllDocsQuery() : text, Occur.MUST);
        BoundingBox b = q.bbox();
        if (b != null) base.add(DoublePoint.newRangeQuery(IndexSchema.BBOX,
                new double[] {Double.NEGATIVE_INFINITY, Double.NEGATIVE_INFINITY, b.minLon(), b.minLat()},
                new double[] {b.maxLon(), b.maxLat(), Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY}), Occur.FILTER);
        if (q.temporalFrom() != null || q.temporalTo() != null) base.add(LongPoint.newRangeQuery(IndexSchema.TEMPORAL,
                new long[] {Long.MIN_VALUE, q.temporalFrom() == null ? Long.MIN_VALUE : q.temporalFrom()},
                new long[] {q.temporalTo() == null ? Long.MAX_VALUE : q.temporalTo(), Long.MAX_VALUE}), Occur.FILTER);
        if (q.modifiedFrom() != null || q.modifiedTo() != null) base.add(LongPoint.newRangeQuery(IndexSchema.MODIFIED,
                q.modifiedFrom() == null ? Long.MIN_VALUE : q.modifiedFrom(),
                q.modifiedTo() == null ? Long.MAX_VALUE : q.modifiedTo()), Occur.FILTER);
        DrillDownQuery ddq = new DrillDownQuery(facets, base.build());
        q.filters().forEach((dim, values) -> values.forEach(v -> ddq.add(dim, v)));
        return ddq;
    }

    private Query textQuery(String text) {
        SimpleQueryParser parser = new SimpleQueryParser(analyzer, weights);
        // Every word must match (in some field and language), as portal users expect: more words, fewer hits.
        parser.setDefaultOperator(Occur.MUST);
        Query parsed = parser.parse(text);
        // A query of only stop words parses to nothing; it then matches nothing rather than everything.
        return parsed == null ? new BooleanQuery.Builder().build() : parsed;
    }

    /** The sort, or {@code null} for relevance with a text query. */
    public static Sort sort(SearchQuery q) {
        SortField id = SortField.FIELD_DOC;
        return switch (q.sort()) {
            case RELEVANCE -> q.text() == null || q.text().isBlank() ? modified(true, id) : null;
            case TITLE -> new Sort(new SortField(IndexSchema.TITLE_SORT, SortField.Type.STRING, false), id);
            case TITLE_DESC -> new Sort(new SortField(IndexSchema.TITLE_SORT, SortField.Type.STRING, true), id);
            case MODIFIED -> modified(false, id);
            case MODIFIED_DESC -> modified(true, id);
        };
    }

    private static Sort modified(boolean desc, SortField tieBreak) {
        SortField f = new SortField(IndexSchema.MODIFIED, SortField.Type.LONG, desc);
        f.setMissingValue(desc ? Long.MIN_VALUE : Long.MAX_VALUE);
        return new Sort(f, tieBreak);
    }
}
