package de.hanse.sparql.federation.planning;

import de.hanse.sparql.federation.execution.QueryRun;
import de.hanse.sparql.federation.peers.Source;
import de.hanse.sparql.federation.selection.Candidate;
import de.hanse.sparql.federation.selection.SourceSelector;
import de.hanse.sparql.federation.selection.SourceSummary;
import de.hanse.sparql.federation.selection.SummaryService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.util.VarUtils;

/**
 * Plans one BGP: selects sources per pattern, then groups patterns into {@link Cluster}s. Two patterns sharing a
 * variable are co-located when no pair of <em>different</em> candidate sources can agree on that variable's value
 * (their summaries' authority tokens are disjoint): then every solution takes both patterns from the same source, and
 * the group is answered per source in one subquery each. This is what turns city-local stars over shared vocabularies
 * into one request per city, where predicate-level selection (FedX) finds every city relevant for every pattern.
 * Filters whose variables lie in one cluster are pushed into its subqueries. Thread-safe.
 */
public final class BgpPlanner {
    private final SummaryService summaries;
    private final SourceSelector selector;

    public BgpPlanner(SummaryService summaries, SourceSelector selector) {
        this.summaries = summaries;
        this.selector = selector;
    }

    public BgpPlan plan(List<Triple> patterns, ExprList filters, List<Source> sources, QueryRun run) {
        Map<Source, SourceSummary> sums = summaries.summaries(sources, run);
        Map<Triple, List<Candidate>> cands = selector.select(patterns, sources, sums, run);
        Map<String, Object> selection = new LinkedHashMap<>();
        cands.forEach((tp, cs) -> selection.put(Explain.pattern(tp), cs.stream().map(c -> c.source().id()).toList()));
        run.trace().event("source-selection", Map.of("patterns", selection));
        for (List<Candidate> cs : cands.values())
            if (cs.isEmpty()) return BgpPlan.none();

        int n = patterns.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) parent[i] = i;
        for (int i = 0; i < n; i++)
            for (int j = i + 1; j < n; j++)
                if (coLocated(patterns.get(i), patterns.get(j), cands)) parent[find(parent, i)] = find(parent, j);

        Map<Integer, List<Triple>> groups = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(patterns.get(i));
        List<Cluster> clusters = new ArrayList<>();
        for (List<Triple> g : groups.values()) {
            Cluster c = cluster(clusters.size(), g, cands);
            if (c.sources().isEmpty()) return BgpPlan.none();
            clusters.add(c);
        }
        ExprList residual = new ExprList();
        for (Expr e : filters.getList()) {
            Cluster home = Pushdown.pushable(e) ? clusters.stream().filter(c -> c.vars().containsAll(e.getVarsMentioned())).findFirst().orElse(null) : null;
            if (home == null) residual.add(e);
            else home.filters().add(e);
        }
        return new BgpPlan(clusters, residual, false);
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    }

    static boolean coLocated(Triple a, Triple b, Map<Triple, List<Candidate>> cands) {
        Set<Var> shared = VarUtils.getVars(a);
        shared.retainAll(VarUtils.getVars(b));
        for (Var v : shared) {
            boolean disjoint = true;
            for (Candidate ca : cands.get(a))
                for (Candidate cb : cands.get(b))
                    if (!ca.source().equals(cb.source()) && ca.mayShare(v, cb)) disjoint = false;
            if (disjoint) return true;
        }
        return false;
    }

    private static Cluster cluster(int id, List<Triple> group, Map<Triple, List<Candidate>> cands) {
        Map<Source, Map<Var, Set<String>>> tokens = new LinkedHashMap<>();
        Set<Source> common = null;
        for (Triple t : group) {
            Set<Source> here = new HashSet<>();
            for (Candidate c : cands.get(t)) {
                here.add(c.source());
                Map<Var, Set<String>> m = tokens.computeIfAbsent(c.source(), k -> new HashMap<>());
                c.tokens().forEach((v, ts) -> m.merge(v, ts, (x, y) -> {
                    Set<String> both = new HashSet<>(x);
                    both.retainAll(y);
                    return both;
                }));
            }
            if (common == null) common = here;
            else common.retainAll(here);
        }
        List<Source> sources = new ArrayList<>();
        for (Source s : tokens.keySet()) if (common.contains(s)) sources.add(s);
        tokens.keySet().retainAll(common);
        return new Cluster(id, List.copyOf(group), sources, new ExprList(), tokens, -1);
    }
}
