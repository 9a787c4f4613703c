package de.hanse.sparql.federation.execution;

import java.util.List;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.sparql.algebra.op.OpJoin;
import org.apache.jena.sparql.algebra.op.OpLeftJoin;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.engine.join.Join;
import org.apache.jena.sparql.engine.main.OpExecutor;
import org.apache.jena.sparql.engine.main.OpExecutorFactory;

/**
 * ARQ's executor with one change: when the right side of a join or OPTIONAL is a federated BGP, the left side is
 * evaluated first and its join keys are handed to the BGP, which decides per step between a bind join (keys shipped
 * in VALUES) and a hash join. ARQ's default would evaluate the right side on its own (or, after optimisation, once per
 * left row). The local join itself is ARQ's, so OPTIONAL's filter semantics are ARQ's too.
 */
public final class FederatedOpExecutor extends OpExecutor {
    public static final OpExecutorFactory FACTORY = FederatedOpExecutor::new;

    private FederatedOpExecutor(ExecutionContext cxt) {
        super(cxt);
    }

    @Override
    protected QueryIterator execute(OpJoin op, QueryIterator input) {
        if (!(op.getRight() instanceof OpFederatedBgp right)) return super.execute(op, input);
        List<Binding> left = Iter.toList(exec(op.getLeft(), input));
        List<Binding> rows = right.solutionsFor(left, execCxt);
        return Join.join(iter(left), iter(rows), execCxt);
    }

    @Override
    protected QueryIterator execute(OpLeftJoin op, QueryIterator input) {
        if (!(op.getRight() instanceof OpFederatedBgp right)) return super.execute(op, input);
        List<Binding> left = Iter.toList(exec(op.getLeft(), input));
        List<Binding> rows = right.solutionsFor(left, execCxt);
        return Join.leftJoin(iter(left), iter(rows), op.getExprs(), execCxt);
    }

    private QueryIterator iter(List<Binding> rows) {
        return QueryIterPlainWrapper.create(rows.iterator(), execCxt);
    }
}
