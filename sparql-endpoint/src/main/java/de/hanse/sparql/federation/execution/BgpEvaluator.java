package de.hanse.sparql.federation.execution;

import de.hanse.core.http.Problem;
import de.hanse.core.http.ProblemException;
import de.hanse.sparql.federation.merge.HashJoin;
import de.hanse.sparql.federation.peers.Source;
import de.hanse.sparql.federation.planning.BgpPlan;
import de.hanse.sparql.federation.planning.CardinalityEstimator;
import de.hanse.sparql.federation.planning.Cluster;
import de.hanse.sparql.federation.planning.CostModel;
import de.hanse.sparql.federation.planning.Explain;
import de.hanse.sparql.federation.planning.Subqueries;
import de.hanse.sparql.federation.planning.TopK;
import de.hanse.sparql.federation.selection.Tokens;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * Evaluates a {@link BgpPlan} joined with seed solutions (the empty solution, or distinct join keys of an outer
 * pattern). Greedily, the cheapest next cluster by {@link CostModel} is joined, preferring ones connected to what is
 * already bound (the first one by requests and estimated rows); each step is a bind join (keys shipped in VALUES blocks, routed only to sources whose summary admits the key's
 * authority) or a hash join (the cluster fetched whole, joined locally), whichever {@link CostModel} finds cheaper.
 * One instance per query (it holds the {@link QueryRun}); not thread-safe.
 */
public final class BgpEvaluator {
    private final QueryRun run;
    private final CardinalityEstimator estimator;

    public BgpEvaluator(QueryRun run, CardinalityEstimator estimator) {
        this.run = run;
        this.estimator = estimator;
    }

    /**
     * @param needed variables the rest of the query reads (see {@link OpFederatedBgp.QueryContext#neededOutside()});
     *               null when every variable is to be returned
     * @param topK   the query reads only the first solutions in this order (null: all); used when one cluster answers
     *               the whole BGP, so each source returns only its own first ones
     */
    public List<Binding> evaluate(BgpPlan plan, List<Binding> seeds, Set<Var> needed, TopK topK, ExecutionContext cxt) {
        if (plan.empty() || seeds.isEmpty()) return List.of();
        boolean rootSeed = seeds.size() == 1 && seeds.get(0).isEmpty();
        List<Cluster> todo = new ArrayList<>(plan.clusters());
        if (todo.size() > 1 || !rootSeed) todo = new ArrayList<>(estimator.estimate(todo, run));
        List<Binding> current = seeds;
        Set<Var> bound = new LinkedHashSet<>(HashJoin.alwaysBound(seeds));
        Set<Var> keep = keep(plan, bound, needed);
        TopK cut = rootSeed && topK != null && plan.clusters().size() == 1 && plan.residualFilters().isEmpty()
                && topK.pushableOver(plan.clusters().get(0).vars()) ? topK : null;
        while (!todo.isEmpty() && !current.isEmpty()) {
            boolean first = rootSeed && bound.isEmpty();
            Option next = pick(todo, current, bound, first);
            todo.remove(next.cluster());
            current = step(current, next, first, projection(next.cluster(), keep), cut);
            bound.addAll(next.cluster().vars());
            if (current.size() > run.maxRows())
                throw new ProblemException(Problem.of(422, "result-too-large", "Result too large",
                        "an intermediate result exceeded " + run.maxRows() + " rows; narrow the query"));
            run.checkDeadline();
        }
        if (!todo.isEmpty() || plan.residualFilters().isEmpty()) return todo.isEmpty() ? current : List.of();
        List<Binding> out = new ArrayList<>();
        for (Binding b : current) if (plan.residualFilters().isSatisfied(b, cxt)) out.add(b);
        return out;
    }

    /**
     * The variables any subquery of this BGP must return: those read outside it, by its residual filters, by the
     * seeds, or shared by two clusters (join variables). Null when all are needed.
     */
    static Set<Var> keep(BgpPlan plan, Set<Var> seedVars, Set<Var> needed) {
        if (needed == null) return null;
        Set<Var> keep = new LinkedHashSet<>(needed);
        keep.addAll(seedVars);
        keep.addAll(plan.residualFilters().getVarsMentioned());
        Set<Var> seen = new java.util.HashSet<>();
        for (Cluster c : plan.clusters())
            for (Var v : c.vars())
                if (!seen.add(v)) keep.add(v);
        return keep;
    }

    /** What the cluster's subqueries project: null for all its variables; never empty (one variable keeps the rows). */
    static List<Var> projection(Cluster c, Set<Var> keep) {
        if (keep == null) return null;
        List<Var> out = new ArrayList<>(c.vars());
        out.retainAll(keep);
        if (out.size() == c.vars().size()) return null;
        return out.isEmpty() ? List.of(c.vars().iterator().next()) : out;
    }

    /** How one cluster would be joined to the current solutions, with its cost. */
    private record Option(Cluster cluster, List<Var> keyVars, List<Binding> keys, Map<Source, List<Binding>> routed, boolean bind, double cost) {}

    /** The cheapest next step; clusters sharing a bound variable come before cross products. */
    private static Option pick(List<Cluster> todo, List<Binding> current, Set<Var> bound, boolean first) {
        Option best = null;
        boolean bestConnected = false;
        for (Cluster c : todo) {
            boolean connected = c.vars().stream().anyMatch(bound::contains);
            Option o = option(c, current, bound, first);
            if (best == null || (connected && !bestConnected) || (connected == bestConnected && o.cost() < best.cost())) {
                best = o;
                bestConnected = connected;
            }
        }
        return best;
    }

    private static Option option(Cluster c, List<Binding> current, Set<Var> bound, boolean first) {
        double hashCost = CostModel.hashCost(c.sources().size(), c.estimate());
        List<Var> keyVars = new ArrayList<>(c.vars());
        keyVars.retainAll(bound);
        keyVars.removeIf(v -> current.stream().anyMatch(b -> b.get(v) == null || b.get(v).isBlank()));
        if (first || keyVars.isEmpty()) return new Option(c, keyVars, List.of(), Map.of(), false, hashCost);
        List<Binding> keys = HashJoin.distinctKeys(current, keyVars);
        Map<Source, List<Binding>> routed = route(c, keyVars, keys);
        long requests = routed.values().stream().mapToLong(l -> (l.size() + CostModel.BATCH - 1) / CostModel.BATCH).sum();
        double bindCost = CostModel.bindCost(keys.size(), requests, c.estimate());
        return new Option(c, keyVars, keys, routed, bindCost < hashCost, Math.min(bindCost, hashCost));
    }

    private List<Binding> step(List<Binding> current, Option o, boolean first, List<Var> project, TopK cut) {
        Cluster c = o.cluster();
        if (!o.bind()) return hash(current, c, first ? "first" : o.keyVars().isEmpty() ? "cross" : "hash", project, cut);
        List<QueryRun.Call> calls = new ArrayList<>();
        o.routed().forEach((s, ks) -> {
            for (int i = 0; i < ks.size(); i += CostModel.BATCH)
                calls.add(new QueryRun.Call(s, Subqueries.select(c.patterns(), c.filters(), o.keyVars(),
                            ks.subList(i, Math.min(ks.size(), i + CostModel.BATCH)), project)));
        });
        long t0 = System.nanoTime();
        List<Binding> rows = concat(run.selectAll(calls));
        trace(c, "bind", project, current.size(), o.keys().size(), calls.size(), rows.size(), t0);
        return HashJoin.join(current, rows);
    }

    private List<Binding> hash(List<Binding> current, Cluster c, String method, List<Var> project, TopK cut) {
        List<QueryRun.Call> calls = new ArrayList<>();
        for (Source s : c.sources()) calls.add(new QueryRun.Call(s, Subqueries.select(c.patterns(), c.filters(), null, null, project, cut)));
        long t0 = System.nanoTime();
        List<Binding> rows = concat(run.selectAll(calls));
        trace(c, cut == null ? method : method + ", top " + cut.limit() + " per source", project, current.size(), 0, calls.size(), rows.size(), t0);
        return method.equals("first") ? rows : HashJoin.join(current, rows);
    }

    /** Sends each key only to sources whose summary admits the authority of every key value. */
    private static Map<Source, List<Binding>> route(Cluster c, List<Var> keyVars, List<Binding> keys) {
        Map<Source, List<Binding>> out = new LinkedHashMap<>();
        for (Source s : c.sources()) {
            Map<Var, Set<String>> tok = c.tokens().getOrDefault(s, Map.of());
            List<Binding> mine = new ArrayList<>();
            for (Binding k : keys) {
                boolean ok = true;
                for (Var v : keyVars) {
                    Set<String> allowed = tok.get(v);
                    Node val = k.get(v);
                    if (allowed != null && !allowed.contains(Tokens.of(val))) ok = false;
                }
                if (ok) mine.add(k);
            }
            if (!mine.isEmpty()) out.put(s, mine);
        }
        return out;
    }

    private void trace(Cluster c, String method, List<Var> project, int inputRows, int keys, int requests, int rows, long startNanos) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("cluster", c.id());
        d.put("patterns", Explain.patterns(c.patterns()));
        d.put("sources", c.sources().stream().map(Source::id).toList());
        if (!c.filters().isEmpty()) d.put("pushedFilters", c.filters().getList().stream().map(Object::toString).toList());
        if (project != null) d.put("returns", project.stream().map(Var::toString).toList());
        d.put("join", method);
        d.put("estimate", c.estimate());
        d.put("inputRows", inputRows);
        if (keys > 0) d.put("keys", keys);
        d.put("requests", requests);
        d.put("rows", rows);
        d.put("ms", (System.nanoTime() - startNanos) / 1_000_000);
        run.trace().event("cluster", d);
    }

    private static List<Binding> concat(List<List<Binding>> parts) {
        List<Binding> out = new ArrayList<>();
        for (List<Binding> p : parts) if (p != null) out.addAll(p);
        return out;
    }
}
