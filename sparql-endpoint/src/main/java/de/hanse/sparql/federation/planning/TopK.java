package de.hanse.sparql.federation.planning;

import java.util.List;
import org.apache.jena.query.SortCondition;

/**
 * {@code ORDER BY order LIMIT limit} directly above a federated BGP (nothing in between but a projection): a source
 * whose subquery answers the whole BGP may return only its own first {@code limit} solutions in that order, since the
 * first {@code limit} of the union are among them. The query's ORDER BY and LIMIT still run locally over the union.
 *
 * @param limit OFFSET + LIMIT of the query
 */
public record TopK(List<SortCondition> order, long limit) {
    public TopK {
        order = List.copyOf(order);
    }

    /** Whether every sort key can be computed by a source from {@code vars} alone (portable, no aggregates). */
    public boolean pushableOver(java.util.Set<org.apache.jena.sparql.core.Var> vars) {
        return order.stream().allMatch(sc -> Pushdown.pushable(sc.getExpression()) && vars.containsAll(sc.getExpression().getVarsMentioned()));
    }
}
