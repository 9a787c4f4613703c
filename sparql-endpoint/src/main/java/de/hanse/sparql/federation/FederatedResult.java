package de.hanse.sparql.federation;

import de.hanse.sparql.federation.execution.QueryRun;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * The answer to one federated query: solutions (SELECT), a boolean (ASK) or a graph (CONSTRUCT/DESCRIBE), with the
 * run that produced it (requests, missing peers, explain trace) and the rewritten algebra.
 *
 * @param truncated whether the solutions were cut at {@code sparql.resultLimit}
 */
public record FederatedResult(Query query, List<Var> vars, List<Binding> rows, Boolean ask, Graph graph,
                              boolean truncated, QueryRun run, String algebra) {
}
