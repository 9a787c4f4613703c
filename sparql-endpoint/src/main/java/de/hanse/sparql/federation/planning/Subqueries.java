package de.hanse.sparql.federation.planning;

import java.util.List;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpAsQuery;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpFilter;
import org.apache.jena.sparql.algebra.op.OpJoin;
import org.apache.jena.sparql.algebra.op.OpOrder;
import org.apache.jena.sparql.algebra.op.OpProject;
import org.apache.jena.sparql.algebra.op.OpSlice;
import org.apache.jena.sparql.algebra.op.OpTable;
import org.apache.jena.sparql.algebra.table.TableData;
import org.apache.jena.sparql.core.BasicPattern;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.aggregate.AggregatorFactory;

/** Builds the queries sent to sources from algebra ({@link OpAsQuery}); never by string concatenation. Pure. */
public final class Subqueries {
    private Subqueries() {}

    /** {@code SELECT * { [VALUES keys] patterns FILTER(filters) }}; keys may be null (no bind join). */
    public static Query select(List<Triple> patterns, ExprList filters, List<Var> keyVars, List<Binding> keys) {
        return select(patterns, filters, keyVars, keys, null);
    }

    /**
     * {@code SELECT project { [VALUES keys] patterns FILTER(filters) }}: without DISTINCT, so every solution of the
     * group is one row (duplicates kept); {@code project} null or empty means {@code SELECT *}.
     */
    public static Query select(List<Triple> patterns, ExprList filters, List<Var> keyVars, List<Binding> keys, List<Var> project) {
        return select(patterns, filters, keyVars, keys, project, null);
    }

    /** As above, plus {@code ORDER BY ... LIMIT n} when {@code topK} is not null (a source's first n solutions). */
    public static Query select(List<Triple> patterns, ExprList filters, List<Var> keyVars, List<Binding> keys, List<Var> project, TopK topK) {
        Op op = new OpBGP(BasicPattern.wrap(patterns));
        if (filters != null && !filters.isEmpty()) op = OpFilter.filterBy(filters, op);
        if (keys != null) op = OpJoin.create(OpTable.create(new TableData(keyVars, keys)), op);
        if (topK != null) op = new OpOrder(op, topK.order());
        if (project != null && !project.isEmpty()) op = new OpProject(op, project);
        if (topK != null) op = new OpSlice(op, Query.NOLIMIT, topK.limit());
        return OpAsQuery.asQuery(op);
    }

    /** {@code SELECT (COUNT(*) AS ?c) { pattern }}: a cardinality probe. */
    public static Query count(Triple pattern) {
        return count(List.of(pattern), null);
    }

    /** {@code SELECT (COUNT(*) AS ?c) { patterns FILTER(filters) }}: an exact cardinality probe for a group. */
    public static Query count(List<Triple> patterns, ExprList filters) {
        Query q = select(patterns, filters, null, null);
        q.setQueryResultStar(false);
        q.getProject().clear();
        q.addResultVar(Var.alloc("c"), q.allocAggregate(AggregatorFactory.createCount(false)));
        return q;
    }

    /** The whole sub-operation as a query (SERVICE bodies, GRAPH blocks, complex paths). */
    public static Query of(Op op) {
        return OpAsQuery.asQuery(op);
    }
}
