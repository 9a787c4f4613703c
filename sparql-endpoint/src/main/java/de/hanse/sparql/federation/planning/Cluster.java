package de.hanse.sparql.federation.planning;

import de.hanse.sparql.federation.peers.Source;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.util.VarUtils;

/**
 * Triple patterns whose matches all come from one source at a time, so each of its {@link #sources} answers the
 * whole group in one subquery and the group's solutions are the union of those answers. With one source this is
 * FedX's exclusive group; with several it is a "union of per-source stars" (e.g. one city-local star per city).
 *
 * @param id       position in the plan, for explain
 * @param patterns the triple patterns
 * @param sources  sources that may hold matches of every pattern
 * @param filters  filters pushed into the subqueries (all their variables are bound by {@code patterns})
 * @param tokens   per source, the authority tokens each variable may take there (for routing bind-join keys)
 * @param estimate estimated number of solutions (sum over sources of the smallest pattern count)
 */
public record Cluster(int id, List<Triple> patterns, List<Source> sources, ExprList filters,
                      Map<Source, Map<Var, Set<String>>> tokens, long estimate) {

    public Set<Var> vars() {
        Set<Var> vs = new LinkedHashSet<>();
        for (Triple t : patterns) VarUtils.addVarsFromTriple(vs, t);
        return vs;
    }

    public Cluster withEstimate(long e) {
        return new Cluster(id, patterns, sources, filters, tokens, e);
    }
}
