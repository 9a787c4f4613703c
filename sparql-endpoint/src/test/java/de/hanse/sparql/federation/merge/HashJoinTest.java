package de.hanse.sparql.federation.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;
import org.apache.jena.sparql.engine.binding.BindingFactory;
import org.junit.jupiter.api.Test;

class HashJoinTest {
    static final Var X = Var.alloc("x"), Y = Var.alloc("y"), Z = Var.alloc("z");

    static Node n(String s) {
        return NodeFactory.createURI("http://e/" + s);
    }

    static Binding b(Object... kv) {
        BindingBuilder bb = BindingBuilder.create();
        for (int i = 0; i < kv.length; i += 2) bb.add((Var) kv[i], n((String) kv[i + 1]));
        return bb.build();
    }

    @Test
    void keepsDuplicatesAsAMultisetJoin() {
        List<Binding> left = List.of(b(X, "1", Y, "a"), b(X, "1", Y, "a"), b(X, "2", Y, "b"));
        List<Binding> right = List.of(b(X, "1", Z, "p"), b(X, "1", Z, "q"), b(X, "3", Z, "r"));
        assertThat(HashJoin.join(left, right)).hasSize(4).allSatisfy(r -> assertThat(r.get(X)).isEqualTo(n("1")));
    }

    @Test
    void checksCompatibilityOfVariablesNotBoundEverywhere() {
        List<Binding> left = List.of(b(X, "1", Y, "a"), b(X, "1"));
        List<Binding> right = List.of(b(X, "1", Y, "b"), b(X, "1", Y, "a"));
        // row 1 joins only with Y=a; row 2 (Y unbound) joins with both
        assertThat(HashJoin.join(left, right)).hasSize(3);
    }

    @Test
    void emptySolutionIsTheJoinIdentityAndDisjointRowsCross() {
        List<Binding> rows = List.of(b(X, "1"), b(X, "2"));
        assertThat(HashJoin.join(List.of(BindingFactory.empty()), rows)).containsExactlyElementsOf(rows);
        assertThat(HashJoin.join(rows, List.of(b(Z, "a"), b(Z, "b")))).hasSize(4);
        assertThat(HashJoin.join(rows, List.of())).isEmpty();
    }

    @Test
    void distinctKeysAndAlwaysBound() {
        List<Binding> rows = List.of(b(X, "1", Y, "a"), b(X, "1", Y, "b"), b(X, "2"));
        assertThat(HashJoin.alwaysBound(rows)).containsExactly(X);
        assertThat(HashJoin.distinctKeys(rows, List.of(X))).containsExactly(b(X, "1"), b(X, "2"));
    }
}
