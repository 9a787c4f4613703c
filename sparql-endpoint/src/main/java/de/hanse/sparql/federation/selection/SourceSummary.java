package de.hanse.sparql.federation.selection;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.Node;

/**
 * What one source holds, coarsely (a HiBISCuS-style capability summary): per predicate the authority tokens of its
 * subjects and objects, per class the tokens of its instances. Exact for the data at the time it was built, so a
 * source lacking a predicate, class or authority can be skipped without a probe. Immutable.
 */
public record SourceSummary(Map<Node, Positions> predicates, Map<Node, Set<String>> classes) {

    /** Tokens seen in subject and object position of one predicate. */
    public record Positions(Set<String> subjects, Set<String> objects) {}

    public SourceSummary {
        predicates = Map.copyOf(predicates);
        classes = Map.copyOf(classes);
    }

    /** Tokens over all predicates: what a pattern with a variable predicate may see. */
    public Positions any() {
        Set<String> s = new HashSet<>();
        Set<String> o = new HashSet<>();
        predicates.values().forEach(p -> {
            s.addAll(p.subjects());
            o.addAll(p.objects());
        });
        return new Positions(s, o);
    }

    /** Tokens of the predicate IRIs themselves. */
    public Set<String> predicateTokens() {
        Set<String> t = new HashSet<>();
        predicates.keySet().forEach(p -> t.add(Tokens.of(p)));
        return t;
    }

    /** Accumulates rows of the summary queries. Not thread-safe. */
    public static final class Builder {
        private final Map<Node, Set<String>> subj = new HashMap<>();
        private final Map<Node, Set<String>> obj = new HashMap<>();
        private final Map<Node, Set<String>> classes = new HashMap<>();

        public void predicate(Node p, String subjectToken, String objectToken) {
            subj.computeIfAbsent(p, k -> new HashSet<>()).add(subjectToken);
            obj.computeIfAbsent(p, k -> new HashSet<>()).add(objectToken);
        }

        public void type(Node cls, String subjectToken) {
            classes.computeIfAbsent(cls, k -> new HashSet<>()).add(subjectToken);
        }

        public SourceSummary build() {
            Map<Node, Positions> preds = new HashMap<>();
            subj.forEach((p, s) -> preds.put(p, new Positions(Set.copyOf(s), Set.copyOf(obj.get(p)))));
            Map<Node, Set<String>> cls = new HashMap<>();
            classes.forEach((c, s) -> cls.put(c, Set.copyOf(s)));
            return new SourceSummary(preds, cls);
        }
    }
}
