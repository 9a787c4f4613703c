package de.hanse.sparql.federation.planning;

import java.util.List;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.util.FmtUtils;

/** Compact text forms of plan elements for the explain view. Pure. */
public final class Explain {
    private Explain() {}

    public static String pattern(Triple t) {
        return FmtUtils.stringForTriple(t, (org.apache.jena.shared.PrefixMapping) null);
    }

    public static List<String> patterns(List<Triple> ts) {
        return ts.stream().map(Explain::pattern).toList();
    }
}
