package de.hanse.harvest.source.sparql;

import de.hanse.core.vocab.Vocab;
import de.hanse.harvest.HarvestContext;
import de.hanse.harvest.HarvestException;
import de.hanse.harvest.fetch.Fetched;
import de.hanse.harvest.fetch.RdfPageParser;
import de.hanse.harvest.source.paged.OffsetPageSource;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.irix.IRIs;

/**
 * Pages of {@code dcat:Dataset}s from a SPARQL endpoint: a sub-select picks the page's datasets in a stable
 * order ({@code ORDER BY ?d LIMIT n OFFSET k}), the CONSTRUCT returns their triples, the nodes they link to
 * (distributions, publisher, contact point, spatial and temporal coverage, and any blank node) and the blank
 * nodes below those (checksums, formats, geometries). Sent as {@code application/sparql-query} by POST; the answer
 * (Turtle or N-Triples) is capped by the source's page size like any page. A page with fewer datasets than
 * the page size is the last.
 */
final class SparqlPageSource extends OffsetPageSource {
    static final String ACCEPT = "text/turtle, application/n-triples;q=0.9";

    private final String endpoint;
    private final int pageSize;
    private final String graph;

    SparqlPageSource(String endpoint, int pageSize, String graph, int maxPages, HarvestContext ctx) {
        super(ctx, maxPages, 0);
        this.endpoint = endpoint;
        this.pageSize = pageSize;
        this.graph = graph == null || graph.isBlank() || !IRIs.check(graph) ? null : graph;
    }

    /** The CONSTRUCT for the page at {@code offset}. */
    String query(long offset) {
        String where = """
                  { SELECT ?d WHERE { ?d a dcat:Dataset } ORDER BY ?d LIMIT %d OFFSET %d }
                  ?d ?p ?o .
                  OPTIONAL {
                    FILTER (isBlank(?o) || ?p IN (dcat:distribution, dct:publisher, dct:creator, dcat:contactPoint,
                                                  dct:spatial, dct:temporal, adms:identifier, dct:rightsHolder))
                    ?o ?p2 ?o2 .
                    OPTIONAL { FILTER (isBlank(?o2)) ?o2 ?p3 ?o3 . }
                  }
                """.formatted(pageSize, offset);
        if (graph != null) where = "  GRAPH <" + graph + "> {\n" + where + "  }\n";
        return """
                PREFIX dcat: <http://www.w3.org/ns/dcat#>
                PREFIX dct: <http://purl.org/dc/terms/>
                PREFIX adms: <http://www.w3.org/ns/adms#>
                CONSTRUCT { ?d ?p ?o . ?o ?p2 ?o2 . ?o2 ?p3 ?o3 . }
                WHERE {
                %s}
                """.formatted(where);
    }

    @Override
    protected String pageUrl(long offset) {
        return endpoint + "#offset=" + offset;
    }

    @Override
    protected Fetched fetch(long offset) throws HarvestException {
        return ctx().fetcher().post(endpoint, ACCEPT, "application/sparql-query", query(offset), ctx().call());
    }

    @Override
    protected Batch map(Fetched page, long offset) throws HarvestException {
        Graph g = RdfPageParser.parse(page);
        int datasets = g.find(Node.ANY, Vocab.RDF_TYPE, Vocab.DCAT_DATASET).toList().size();
        return new Batch(g, datasets, datasets < pageSize ? -1 : offset + pageSize);
    }
}
