package de.hanse.sparql.federation.merge;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.binding.BindingBuilder;

/**
 * Multiset join of two lists of solutions (SPARQL's Join): every compatible pair merged, duplicates kept. Hashes on
 * the variables bound in every row of both sides and checks compatibility for the rest. Pure and stateless.
 */
public final class HashJoin {
    private HashJoin() {}

    public static List<Binding> join(List<Binding> left, List<Binding> right) {
        List<Binding> out = new ArrayList<>();
        if (left.isEmpty() || right.isEmpty()) return out;
        List<Var> key = new ArrayList<>(alwaysBound(left));
        key.retainAll(alwaysBound(right));
        Map<List<Object>, List<Binding>> index = new HashMap<>();
        for (Binding r : right) index.computeIfAbsent(project(r, key), k -> new ArrayList<>()).add(r);
        for (Binding l : left) {
            List<Binding> matches = index.get(project(l, key));
            if (matches == null) continue;
            for (Binding r : matches)
                if (Algebra.compatible(l, r)) out.add(Algebra.merge(l, r));
        }
        return out;
    }

    /** Variables bound in every row (empty for an empty list). */
    public static Set<Var> alwaysBound(List<Binding> rows) {
        if (rows.isEmpty()) return Set.of();
        Set<Var> vars = new LinkedHashSet<>();
        rows.get(0).vars().forEachRemaining(vars::add);
        for (Binding b : rows) {
            vars.removeIf(v -> !b.contains(v));
            if (vars.isEmpty()) break;
        }
        return vars;
    }

    /** Distinct projections of {@code rows} onto {@code vars}, in first-seen order. */
    public static List<Binding> distinctKeys(List<Binding> rows, List<Var> vars) {
        Set<Binding> seen = new LinkedHashSet<>();
        for (Binding b : rows) {
            BindingBuilder bb = BindingBuilder.create();
            for (Var v : vars) bb.add(v, b.get(v));
            seen.add(bb.build());
        }
        return new ArrayList<>(seen);
    }

    private static List<Object> project(Binding b, List<Var> key) {
        List<Object> k = new ArrayList<>(key.size());
        for (Var v : key) k.add(b.get(v));
        return k;
    }
}
