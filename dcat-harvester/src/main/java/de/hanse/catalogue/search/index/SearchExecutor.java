package de.hanse.catalogue.search.index;

import de.hanse.catalogue.search.index.SearchIndex.FacetSearcher;
import de.hanse.catalogue.search.index.SearchResult.FacetCount;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.facet.DrillSideways;
import org.apache.lucene.facet.FacetResult;
import org.apache.lucene.facet.Facets;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.LabelAndValue;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.util.BytesRef;

/**
 * Runs one {@link SearchQuery} on one searcher: a drill-sideways search (hits and exact total for the full query;
 * each filtered facet dimension counted without its own filter), then loads the stored summaries of the page.
 * Thread-safe.
 */
final class SearchExecutor {
    private final FacetsConfig config;
    private final QueryBuilder builder;

    SearchExecutor(FacetsConfig config) {
        this.config = config;
        this.builder = new QueryBuilder(config);
    }

    SearchResult search(FacetSearcher searcher, SearchQuery q) throws IOException {
        if (searcher.facetState == null) return SearchResult.empty(q);
        int topN = q.page() * q.pageSize();
        Sort sort = QueryBuilder.sort(q);
        DrillSideways ds = new DrillSideways(searcher, config, searcher.facetState);
        DrillSideways.DrillSidewaysResult r = ds.search(builder.build(q), null, null, topN, sort, sort == null);
        return new SearchResult(r.hits.totalHits.value, q.page(), q.pageSize(), page(searcher, r.hits, q), facets(r.facets, q.facetLimit()));
    }

    private static List<String> page(FacetSearcher searcher, TopDocs hits, SearchQuery q) throws IOException {
        int from = (q.page() - 1) * q.pageSize();
        List<String> out = new ArrayList<>();
        StoredFields stored = searcher.storedFields();
        ScoreDoc[] docs = hits.scoreDocs;
        for (int i = from; i < docs.length && i < from + q.pageSize(); i++) {
            BytesRef json = stored.document(docs[i].doc, Set.of(IndexSchema.SUMMARY)).getBinaryValue(IndexSchema.SUMMARY);
            out.add(new String(json.bytes, json.offset, json.length, StandardCharsets.UTF_8));
        }
        return out;
    }

    private static Map<String, List<FacetCount>> facets(Facets facets, int limit) throws IOException {
        Map<String, List<FacetCount>> out = new LinkedHashMap<>();
        for (String dim : IndexSchema.DIMENSIONS) {
            List<FacetCount> counts = new ArrayList<>();
            if (limit > 0) {
                FacetResult fr;
                try {
                    fr = facets.getTopChildren(limit, dim);
                } catch (IllegalArgumentException notIndexed) {
                    fr = null; // no document has a value in this dimension
                }
                if (fr != null) for (LabelAndValue lv : fr.labelValues) counts.add(new FacetCount(lv.label, lv.value.longValue()));
            }
            out.put(dim, counts);
        }
        return out;
    }
}
