package de.hanse.sparql.federation.planning;

import de.hanse.core.http.Problem;
import de.hanse.core.http.ProblemException;
import de.hanse.sparql.federation.execution.OpFederatedBgp;
import de.hanse.sparql.federation.execution.OpRemote;
import de.hanse.sparql.federation.peers.Source;
import de.hanse.sparql.federation.peers.SourceRegistry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.Transformer;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpDatasetNames;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.algebra.op.OpGraph;
import org.apache.jena.sparql.algebra.op.OpLeftJoin;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.op.OpPath;
import org.apache.jena.sparql.algebra.op.OpProject;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.op.OpSlice;
import org.apache.jena.sparql.algebra.optimize.TransformMergeBGPs;
import org.apache.jena.sparql.algebra.optimize.TransformPathFlatten;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprList;

/**
 * Rewrites a query's algebra (as compiled by ARQ, unoptimised) for the federation: every BGP, with the filters of
 * its group and OPTIONAL conditions that only read its own variables, becomes an {@link OpFederatedBgp}; an explicit
 * {@code SERVICE <peer>} becomes an {@link OpRemote} to that peer (only registered peers: anything else is refused,
 * the node must not call arbitrary URLs); {@code GRAPH} blocks and complex paths go whole to every source. A BGP
 * read only through ORDER BY + LIMIT is marked with its {@link TopK}.
 * Blank-node and path variables get plain names so they survive the trip through query text. One per query.
 */
public final class QueryRewriter extends TransformCopy {
    private final SourceRegistry registry;
    private final Supplier<BgpPlanner> planner;
    private final OpFederatedBgp.QueryContext query;
    private int renamed;

    public QueryRewriter(SourceRegistry registry, Supplier<BgpPlanner> planner, OpFederatedBgp.QueryContext query) {
        this.registry = registry;
        this.planner = planner;
        this.query = query;
    }

    public Op rewrite(Op op) {
        // Sequence and inverse paths become triple patterns (so they can cross sources); adjacent BGPs merge.
        Op flat = Transformer.transform(new TransformPathFlatten(), op);
        flat = Transformer.transform(new TransformMergeBGPs(), flat);
        return Transformer.transform(this, flat);
    }

    @Override
    public Op transform(OpBGP op) {
        Map<Var, Var> names = new HashMap<>();
        List<Triple> out = new ArrayList<>();
        for (Triple t : op.getPattern().getList())
            out.add(Triple.create(name(t.getSubject(), names), name(t.getPredicate(), names), name(t.getObject(), names)));
        return new OpFederatedBgp(out, new ExprList(), planner, query);
    }

    private Node name(Node n, Map<Var, Var> names) {
        if (!Var.isVar(n) || Var.isNamedVar(n)) return n;
        return names.computeIfAbsent(Var.alloc(n), v -> Var.alloc("_hb" + (renamed++)));
    }

    @Override
    public Op transform(OpFilter op, Op sub) {
        if (sub instanceof OpFederatedBgp bgp) return bgp.withFilters(op.getExprs());
        return super.transform(op, sub);
    }

    @Override
    public Op transform(OpLeftJoin op, Op left, Op right) {
        if (right instanceof OpFederatedBgp bgp && op.getExprs() != null) {
            ExprList inner = new ExprList(), outer = new ExprList();
            for (Expr e : op.getExprs().getList())
                (Pushdown.pushable(e) && bgp.vars().containsAll(e.getVarsMentioned()) ? inner : outer).add(e);
            return OpLeftJoin.create(left, inner.isEmpty() ? bgp : bgp.withFilters(inner), outer.isEmpty() ? null : outer);
        }
        return super.transform(op, left, right);
    }

    /** {@code (slice (project? (order (federated-bgp))))}: the BGP may be cut per source (see {@link TopK}). */
    @Override
    public Op transform(OpSlice op, Op sub) {
        if (op.getLength() == Query.NOLIMIT) return super.transform(op, sub);
        Op inner = sub instanceof OpProject p ? p.getSubOp() : sub;
        if (!(inner instanceof OpOrder order) || !(order.getSubOp() instanceof OpFederatedBgp bgp)) return super.transform(op, sub);
        long start = op.getStart() == Query.NOLIMIT ? 0 : op.getStart();
        Op cut = new OpOrder(bgp.withTopK(new TopK(order.getConditions(), start + op.getLength())), order.getConditions());
        if (sub instanceof OpProject p) cut = new OpProject(cut, p.getVars());
        return new OpSlice(cut, op.getStart(), op.getLength());
    }

    @Override
    public Op transform(OpService op, Op sub) {
        Node service = op.getService();
        if (!service.isURI())
            throw new ProblemException(Problem.badParameter("query", "SERVICE needs a peer's endpoint IRI, not a variable"));
        Source s = registry.byServiceIri(service.getURI()).orElseThrow(() -> new ProblemException(Problem.badParameter("query",
                "SERVICE <" + service.getURI() + "> is not a registered peer endpoint")));
        return new OpRemote(List.of(s), op.getSubOp(), op.getSilent(), query.run());
    }

    @Override
    public Op transform(OpGraph op, Op sub) {
        return new OpRemote(query.sources(), op, false, query.run());
    }

    @Override
    public Op transform(OpPath op) {
        return new OpRemote(query.sources(), op, false, query.run());
    }

    @Override
    public Op transform(OpDatasetNames op) {
        return new OpRemote(query.sources(), op, false, query.run());
    }
}
