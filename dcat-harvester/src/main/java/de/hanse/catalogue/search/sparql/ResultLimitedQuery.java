package de.hanse.catalogue.search.sparql;

import org.apache.jena.fuseki.servlets.HttpAction;
import org.apache.jena.fuseki.servlets.SPARQL_QueryDataset;
import org.apache.jena.fuseki.servlets.ServletOps;
import org.apache.jena.query.Query;

/**
 * Fuseki's SPARQL query operation with a result limit ({@code sparql.resultLimit}): a SELECT, CONSTRUCT or DESCRIBE
 * without {@code LIMIT} is cut at the limit and the response carries a {@code Warning} header saying so; a query
 * asking for more than the limit explicitly is refused with 400 and a message naming the limit, before it runs.
 * Register it for {@code Operation.Query} on the Fuseki builder. Thread-safe (stateless apart from the limit).
 */
public final class ResultLimitedQuery extends SPARQL_QueryDataset {
    public static final String WARNING = "Warning";
    private final long limit;

    public ResultLimitedQuery(long limit) {
        if (limit < 1) throw new IllegalArgumentException("result limit must be positive: " + limit);
        this.limit = limit;
    }

    @Override
    protected void validateQuery(HttpAction action, Query query) {
        super.validateQuery(action, query);
        if (query.isAskType()) return;
        if (query.hasLimit()) {
            if (query.getLimit() > limit)
                ServletOps.errorBadRequest("LIMIT " + query.getLimit() + " exceeds this endpoint's result limit of " + limit
                        + " rows (sparql.resultLimit); page with LIMIT/OFFSET");
            return;
        }
        query.setLimit(limit);
        action.setResponseHeader(WARNING, "299 hanse \"results are cut at " + limit + " rows (sparql.resultLimit); add LIMIT/OFFSET to page\"");
    }
}
