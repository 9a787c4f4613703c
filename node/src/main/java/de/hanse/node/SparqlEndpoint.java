package de.hanse.node;

import de.hanse.core.config.SparqlConfig;
import de.hanse.core.store.NodeStore;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.tdb2.TDB2;

/**
 * The node's own read-only SPARQL 1.1 endpoint at {@code /sparql}: Query protocol (GET and POST) on the dataset URL
 * and Graph Store Protocol read access ({@code /sparql?graph=...}, {@code ?default}). The default graph is the union
 * of all named graphs (every record graph plus provenance), so simple queries see the whole catalogue. Queries are
 * cancelled after {@code sparql.queryTimeout}.
 */
final class SparqlEndpoint {
    private SparqlEndpoint() {}

    static void configure(FusekiServer.Builder builder, NodeStore store, SparqlConfig cfg) {
        store.dataset().getContext().set(TDB2.symUnionDefaultGraph, true);
        store.dataset().getContext().set(ARQ.queryTimeout, Long.toString(cfg.queryTimeout().toMillis()));
        DataService service = DataService.newBuilder(store.datasetGraph())
                .addEndpoint(Operation.Query)
                .addEndpoint(Operation.GSP_R)
                .addEndpoint(Operation.Query, "query")
                .addEndpoint(Operation.GSP_R, "get")
                .build();
        builder.add("/sparql", service);
    }
}
