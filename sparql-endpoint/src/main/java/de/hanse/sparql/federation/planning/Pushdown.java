package de.hanse.sparql.federation.planning;

import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprAggregator;
import org.apache.jena.sparql.expr.ExprFunction;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.Unstable;

/**
 * Whether a filter may be evaluated by a source instead of locally: it must give the same answer there, so no
 * functions whose value depends on where or when they run (NOW, RAND, UUID, BNODE: ARQ's {@link Unstable}), no
 * extension functions a peer may lack, and no EXISTS (its pattern needs the whole federation). Pure.
 */
public final class Pushdown {
    private Pushdown() {}

    public static boolean pushable(Expr e) {
        return !e.getVarsMentioned().isEmpty() && portable(e);
    }

    private static boolean portable(Expr e) {
        if (e instanceof Unstable || e instanceof E_Function || e instanceof ExprFunctionOp || e instanceof ExprAggregator)
            return false;
        if (e instanceof ExprFunction f)
            for (Expr arg : f.getArgs())
                if (!portable(arg)) return false;
        return true;
    }
}
