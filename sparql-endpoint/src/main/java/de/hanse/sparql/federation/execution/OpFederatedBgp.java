package de.hanse.sparql.federation.execution;

import de.hanse.sparql.federation.merge.HashJoin;
import de.hanse.sparql.federation.planning.BgpPlan;
import de.hanse.sparql.federation.planning.BgpPlanner;
import de.hanse.sparql.federation.planning.TopK;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.apache.jena.atlas.io.IndentedWriter;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpExt;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.core.BasicPattern;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.serializer.SerializationContext;
import org.apache.jena.sparql.util.NodeIsomorphismMap;
import org.apache.jena.sparql.util.VarUtils;

/**
 * A basic graph pattern (with the filters of its group) evaluated over the federation. Replaces {@code (bgp)} /
 * {@code (filter (bgp))} in the query algebra, so ARQ evaluates everything above it (OPTIONAL, UNION, aggregates,
 * ORDER BY, LIMIT) over its solutions. Planned once per query, on first use. Not thread-safe (one query).
 */
public final class OpFederatedBgp extends OpExt {
    private final List<Triple> patterns;
    private final ExprList filters;
    private final Supplier<BgpPlanner> planner;
    private final QueryContext query;
    private final TopK topK;
    private BgpPlan plan;

    /** Per-query services an operator needs. */
    public interface QueryContext {
        QueryRun run();

        BgpEvaluator evaluator();

        List<de.hanse.sparql.federation.peers.Source> sources();

        /**
         * Variables the rest of the query reads besides those local to one BGP ({@link
         * de.hanse.sparql.federation.planning.NeededVars}); subqueries return only these and the join variables.
         * Null: all variables are returned.
         */
        java.util.Set<Var> neededOutside();
    }

    public OpFederatedBgp(List<Triple> patterns, ExprList filters, Supplier<BgpPlanner> planner, QueryContext query) {
        this(patterns, filters, planner, query, null);
    }

    private OpFederatedBgp(List<Triple> patterns, ExprList filters, Supplier<BgpPlanner> planner, QueryContext query, TopK topK) {
        super("federated-bgp");
        this.patterns = List.copyOf(patterns);
        this.filters = filters;
        this.planner = planner;
        this.query = query;
        this.topK = topK;
    }

    public OpFederatedBgp withFilters(ExprList more) {
        ExprList all = ExprList.copy(filters);
        all.addAll(more);
        return new OpFederatedBgp(patterns, all, planner, query, topK);
    }

    /** The same BGP, known to be read only through {@code ORDER BY ... LIMIT} (see {@link TopK}). */
    public OpFederatedBgp withTopK(TopK k) {
        return new OpFederatedBgp(patterns, filters, planner, query, k);
    }

    /** The filters of its group (pushed into subqueries where possible, otherwise applied to its solutions). */
    public ExprList filters() {
        return filters;
    }

    public List<Var> vars() {
        java.util.Set<Var> vs = new java.util.LinkedHashSet<>();
        VarUtils.addVarsTriples(vs, patterns);
        return new ArrayList<>(vs);
    }

    /** The solutions of this pattern compatible with {@code outer} (restricted by outer's join keys), not joined. */
    public List<Binding> solutionsFor(List<Binding> outer, ExecutionContext cxt) {
        if (outer.isEmpty()) return List.of();
        List<Var> keyVars = vars();
        keyVars.retainAll(HashJoin.alwaysBound(outer));
        keyVars.removeIf(v -> outer.stream().anyMatch(b -> b.get(v).isBlank()));
        List<Binding> seeds = keyVars.isEmpty() ? List.of(BindingFactory.empty()) : HashJoin.distinctKeys(outer, keyVars);
        boolean root = seeds.size() == 1 && seeds.get(0).isEmpty();
        return query.evaluator().evaluate(plan(), seeds, query.neededOutside(), root ? topK : null, cxt);
    }

    private BgpPlan plan() {
        if (plan == null) plan = planner.get().plan(patterns, filters, query.sources(), query.run());
        return plan;
    }

    @Override
    public QueryIterator eval(QueryIterator input, ExecutionContext cxt) {
        List<Binding> outer = Iter.toList(input);
        List<Binding> rows = solutionsFor(outer, cxt);
        boolean root = outer.size() == 1 && outer.get(0).isEmpty();
        return QueryIterPlainWrapper.create((root ? rows : HashJoin.join(outer, rows)).iterator(), cxt);
    }

    @Override
    public Op effectiveOp() {
        Op bgp = new OpBGP(BasicPattern.wrap(patterns));
        return filters.isEmpty() ? bgp : OpFilter.filterBy(filters, bgp);
    }

    @Override
    public void outputArgs(IndentedWriter out, SerializationContext sCxt) {
        out.print(effectiveOp().toString());
    }

    @Override
    public int hashCode() {
        return patterns.hashCode() ^ filters.hashCode();
    }

    @Override
    public boolean equalTo(Op other, NodeIsomorphismMap labelMap) {
        return other == this;
    }
}
