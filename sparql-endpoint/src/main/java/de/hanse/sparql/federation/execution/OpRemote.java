package de.hanse.sparql.federation.execution;

import de.hanse.sparql.federation.merge.HashJoin;
import de.hanse.sparql.federation.peers.Source;
import de.hanse.sparql.federation.planning.Subqueries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.atlas.io.IndentedWriter;
import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.op.OpExt;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.serializer.SerializationContext;
import org.apache.jena.sparql.util.NodeIsomorphismMap;

/**
 * A sub-operation sent whole to fixed sources and unioned: an explicit {@code SERVICE} (one source), or a
 * {@code GRAPH} block or complex property path (every source; such paths do not cross source boundaries). With
 * {@code silent}, a failing source contributes the empty solution, as SPARQL's {@code SERVICE SILENT} requires.
 */
public final class OpRemote extends OpExt {
    private final List<Source> sources;
    private final Op op;
    private final boolean silent;
    private final QueryRun run;

    public OpRemote(List<Source> sources, Op op, boolean silent, QueryRun run) {
        super("federated-remote");
        this.sources = List.copyOf(sources);
        this.op = op;
        this.silent = silent;
        this.run = run;
    }

    @Override
    public QueryIterator eval(QueryIterator input, ExecutionContext cxt) {
        List<Binding> outer = Iter.toList(input);
        Query q = Subqueries.of(op);
        List<QueryRun.Call> calls = new ArrayList<>();
        for (Source s : sources) calls.add(new QueryRun.Call(s, q));
        List<List<Binding>> answers = silent ? run.selectAllSilently(calls) : run.selectAll(calls);
        List<Binding> rows = new ArrayList<>();
        for (List<Binding> a : answers) {
            if (a == null) rows.add(BindingFactory.empty());
            else rows.addAll(a);
        }
        run.trace().event("remote", Map.of("sources", sources.stream().map(Source::id).toList(), "query", q.toString(),
                "requests", calls.size(), "rows", rows.size()));
        return QueryIterPlainWrapper.create(HashJoin.join(outer, rows).iterator(), cxt);
    }

    @Override
    public Op effectiveOp() {
        return op;
    }

    @Override
    public void outputArgs(IndentedWriter out, SerializationContext sCxt) {
        out.print(sources + " " + op);
    }

    @Override
    public int hashCode() {
        return op.hashCode();
    }

    @Override
    public boolean equalTo(Op other, NodeIsomorphismMap labelMap) {
        return other == this;
    }
}
