package de.hanse.sparql.federation;

import de.hanse.sparql.federation.execution.QueryRun;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.op.OpBGP;
import org.apache.jena.sparql.algebra.op.OpJoin;
import org.apache.jena.sparql.algebra.op.OpTable;
import org.apache.jena.sparql.algebra.table.TableData;
import org.apache.jena.sparql.core.BasicPattern;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.modify.TemplateLib;

/**
 * DESCRIBE over the federation: the resources named or found by the WHERE clause, each described by its outgoing
 * triples from every source (a federated {@code VALUES ?r {...} ?r ?p ?o}); and CONSTRUCT template instantiation.
 */
final class Describer {
    private static final Var R = Var.alloc("r"), P = Var.alloc("p"), O = Var.alloc("o");
    private final FederationEngine engine;

    Describer(FederationEngine engine) {
        this.engine = engine;
    }

    FederatedResult describe(Query query, QueryRun run) {
        Set<Node> resources = new LinkedHashSet<>(query.getResultURIs());
        String algebra = "";
        if (query.getQueryPattern() != null) {
            Op where = engine.rewrite(Algebra.compile(query), run);
            algebra = where.toString();
            for (Binding b : FederationEngine.evaluateAll(where))
                for (Var v : query.getProjectVars())
                    if (b.get(v) != null && !b.get(v).isLiteral()) resources.add(b.get(v));
        }
        resources.removeIf(Node::isBlank);
        List<Binding> rows = new ArrayList<>();
        if (!resources.isEmpty()) {
            List<Binding> keys = resources.stream().map(n -> BindingFactory.binding(R, n)).toList();
            Op op = OpJoin.create(OpTable.create(new TableData(List.of(R), keys)),
                    new OpBGP(BasicPattern.wrap(List.of(Triple.create(R, P, O)))));
            rows = FederationEngine.evaluateAll(engine.rewrite(op, run));
        }
        Graph g = construct(List.of(Triple.create(R, P, O)), rows);
        return new FederatedResult(query, List.of(), List.of(), null, g, false, run, algebra);
    }

    static Graph construct(List<Triple> template, List<Binding> rows) {
        Graph g = GraphFactory.createDefaultGraph();
        Iterator<Triple> it = TemplateLib.calcTriples(template, rows.iterator());
        while (it.hasNext()) {
            Triple t = it.next();
            if (t.isConcrete() && !t.getSubject().isLiteral() && t.getPredicate().isURI()) g.add(t);
        }
        return g;
    }

    static Node iri(String s) {
        return NodeFactory.createURI(s);
    }
}
