package de.hanse.sparql.federation.planning;

import java.util.List;
import org.apache.jena.sparql.expr.ExprList;

/**
 * The plan of one basic graph pattern: its {@link Cluster}s (joined at run time, order and join method chosen from
 * estimates and intermediate sizes) and the filters that span clusters. {@code empty} when some pattern has no
 * source: the pattern has no solutions and nothing is sent.
 */
public record BgpPlan(List<Cluster> clusters, ExprList residualFilters, boolean empty) {
    public static BgpPlan none() {
        return new BgpPlan(List.of(), new ExprList(), true);
    }
}
