package de.hanse.sparql.federation.selection;

import de.hanse.sparql.federation.peers.Source;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.jena.sparql.core.Var;

/**
 * A source that may hold matches of one triple pattern, with what its summary says about the values each variable
 * can take there (authority tokens; a variable missing from the map is unknown, i.e. may be anything).
 */
public record Candidate(Source source, Map<Var, Set<String>> tokens) {
    public Candidate {
        tokens = Map.copyOf(tokens);
    }

    /**
     * Whether a value of {@code v} seen here could also be seen by {@code other}: false only when both token sets are
     * known and share nothing except blank nodes (which never join across sources).
     */
    public boolean mayShare(Var v, Candidate other) {
        Set<String> a = tokens.get(v), b = other.tokens.get(v);
        if (a == null || b == null) return true;
        Set<String> common = new HashSet<>(a);
        common.retainAll(b);
        common.remove(Tokens.BNODE);
        return !common.isEmpty();
    }
}
