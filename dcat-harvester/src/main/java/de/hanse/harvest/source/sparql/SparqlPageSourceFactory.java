package de.hanse.harvest.source.sparql;

import de.hanse.core.config.HarvestSourceConfig;
import de.hanse.harvest.HarvestContext;
import de.hanse.harvest.source.PageSource;
import de.hanse.harvest.source.PageSourceFactory;
import de.hanse.harvest.source.paged.SourceOptions;

/**
 * Type {@code sparql}: a SPARQL endpoint read with paged {@code CONSTRUCT} queries (see {@link SparqlPageSource}).
 * The URL is the query endpoint; fragment options: {@code pageSize} (datasets per page, default 100, at most
 * 5000; keep pages below the endpoint's result-row limit, e.g. Virtuoso's {@code ResultSetMaxRows}) and {@code graph} (restrict to one named graph). Stateless and thread-safe.
 */
public final class SparqlPageSourceFactory implements PageSourceFactory {
    @Override
    public String type() {
        return "sparql";
    }

    @Override
    public PageSource open(HarvestSourceConfig source, HarvestContext ctx) {
        SourceOptions o = SourceOptions.parse(source.url());
        String graph = o.get("graph", null);
        return new SparqlPageSource(o.endpoint(), o.intOption("pageSize", 100, 5000), graph, source.maxPages(), ctx);
    }
}
