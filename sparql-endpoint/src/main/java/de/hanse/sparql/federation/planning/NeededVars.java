package de.hanse.sparql.federation.planning;

import de.hanse.sparql.federation.execution.OpFederatedBgp;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.op.Op1;
import org.apache.jena.sparql.algebra.op.Op2;
import org.apache.jena.sparql.algebra.op.OpDistinct;
import org.apache.jena.sparql.algebra.op.OpExtend;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.algebra.op.OpGroup;
import org.apache.jena.sparql.algebra.op.OpJoin;
import org.apache.jena.sparql.algebra.op.OpLeftJoin;
import org.apache.jena.sparql.algebra.op.OpMinus;
import org.apache.jena.sparql.algebra.op.OpNull;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.op.OpProject;
import org.apache.jena.sparql.algebra.op.OpReduced;
import org.apache.jena.sparql.algebra.op.OpSequence;
import org.apache.jena.sparql.algebra.op.OpSlice;
import org.apache.jena.sparql.algebra.op.OpTable;
import org.apache.jena.sparql.algebra.op.OpUnion;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.core.VarExprList;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprFunction;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.aggregate.AggCountDistinct;

/**
 * Which variables of the federated BGPs the rest of a SELECT query reads: the projection, every expression (FILTER,
 * OPTIONAL condition, BIND, GROUP BY, aggregate arguments, ORDER BY), VALUES, and variables that occur in more than
 * one BGP (they join). A variable outside this set that a BGP binds is needed by nobody, so the subqueries need not
 * return it (projection push-down; bag semantics are kept because a projection without DISTINCT keeps duplicates).
 *
 * <p>Conservative: answers {@code null} ("all are needed") for {@code SELECT *}, non-SELECT queries and any operator
 * or expression it does not know (SERVICE, GRAPH, paths sent whole, EXISTS), and for {@code COUNT(DISTINCT *)}. Pure.
 */
public final class NeededVars {
    private NeededVars() {}

    /** The variables read outside the BGPs of the rewritten algebra {@code op}, or null when all are needed. */
    public static Set<Var> outside(Query query, Op op) {
        if (!query.isSelectType() || query.isQueryResultStar()) return null;
        Collector c = new Collector();
        c.walk(op);
        if (c.unknown) return null;
        c.bgpCount.forEach((v, n) -> {
            if (n > 1) c.needed.add(v);
        });
        return c.needed;
    }

    /** A whitelist walk (recursive, not ARQ's walker, which would look inside the federated BGPs' effective ops). */
    private static final class Collector {
        final Set<Var> needed = new HashSet<>();
        final Map<Var, Integer> bgpCount = new HashMap<>();
        boolean unknown;

        void walk(Op op) {
            if (op instanceof OpFederatedBgp bgp) {
                // Its own filters are evaluated with the BGP (pushed or residual); the evaluator keeps their variables.
                // An EXISTS among them reads variables this analysis does not follow.
                for (Var v : bgp.vars()) bgpCount.merge(v, 1, Integer::sum);
                if (bgp.filters().getList().stream().anyMatch(Collector::containsOp)) unknown = true;
            } else if (op instanceof OpFilter f) {
                exprs(f.getExprs());
                walk(f.getSubOp());
            } else if (op instanceof OpLeftJoin lj) {
                if (lj.getExprs() != null) exprs(lj.getExprs());
                walk(lj.getLeft());
                walk(lj.getRight());
            } else if (op instanceof Op1 o1) {
                visit1(o1);
                walk(o1.getSubOp());
            } else if (op instanceof Op2 o2) {
                if (!(op instanceof OpJoin || op instanceof OpUnion || op instanceof OpMinus)) unknown = true;
                walk(o2.getLeft());
                walk(o2.getRight());
            } else if (op instanceof OpSequence seq) {
                seq.getElements().forEach(this::walk);
            } else if (op instanceof OpTable t) {
                needed.addAll(t.getTable().getVars());
            } else if (!(op instanceof OpNull)) {
                unknown = true; // BGPs not rewritten, SERVICE/GRAPH/paths sent whole, quads, other extensions
            }
        }

        private void visit1(Op1 op) {
            if (op instanceof OpProject p) needed.addAll(p.getVars());
            else if (op instanceof OpOrder o) o.getConditions().forEach(sc -> expr(sc.getExpression()));
            else if (op instanceof OpExtend e) varExprs(e.getVarExprList());
            else if (op instanceof OpGroup g) {
                varExprs(g.getGroupVars());
                for (ExprAggregator a : g.getAggregators()) {
                    // COUNT(DISTINCT *) compares whole solutions: every variable counts.
                    if (a.getAggregator() instanceof AggCountDistinct) unknown = true;
                    needed.add(a.getVar());
                    if (a.getAggregator().getExprList() != null) exprs(a.getAggregator().getExprList());
                }
            } else if (!(op instanceof OpSlice || op instanceof OpDistinct || op instanceof OpReduced)) unknown = true;
        }

        private void varExprs(VarExprList vel) {
            needed.addAll(vel.getVars());
            vel.getExprs().values().forEach(this::expr);
        }

        private void exprs(ExprList el) {
            for (Expr e : el.getList()) expr(e);
        }

        private void expr(Expr e) {
            if (e == null) return;
            if (containsOp(e)) unknown = true;
            needed.addAll(e.getVarsMentioned());
        }

        private static boolean containsOp(Expr e) {
            if (e instanceof ExprFunctionOp) return true;
            if (e instanceof ExprFunction f) return f.getArgs().stream().anyMatch(NeededVars.Collector::containsOp);
            if (e instanceof ExprAggregator a) return a.getAggregator().getExprList() != null
                    && a.getAggregator().getExprList().getList().stream().anyMatch(NeededVars.Collector::containsOp);
            return false;
        }
    }
}
