package de.hanse.sparql.federation.planning;

import static org.assertj.core.api.Assertions.assertThat;

import de.hanse.sparql.federation.peers.Source;
import de.hanse.sparql.federation.selection.Candidate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.Var;
import org.junit.jupiter.api.Test;

class CoLocationTest {
    static final Var D = Var.alloc("d"), T = Var.alloc("t"), P = Var.alloc("p");
    static final Source KOELN = new Source("koeln", "http://k/sparql", null), BONN = new Source("bonn", "http://b/sparql", null);
    static final Triple TITLE = Triple.create(D, NodeFactory.createURI("http://purl.org/dc/terms/title"), T);
    static final Triple PUB = Triple.create(D, NodeFactory.createURI("http://purl.org/dc/terms/publisher"), P);

    @Test
    void patternsWhoseJoinValuesHaveDisjointAuthoritiesPerSourceAreCoLocated() {
        Map<Triple, List<Candidate>> cands = Map.of(
                TITLE, List.of(new Candidate(KOELN, Map.of(D, Set.of("https://koeln.example"))), new Candidate(BONN, Map.of(D, Set.of("https://bonn.example")))),
                PUB, List.of(new Candidate(KOELN, Map.of(D, Set.of("https://koeln.example"))), new Candidate(BONN, Map.of(D, Set.of("https://bonn.example")))));
        assertThat(BgpPlanner.coLocated(TITLE, PUB, cands)).isTrue();
    }

    @Test
    void sharedAuthoritiesOrUnknownSummariesPreventCoLocation() {
        Map<Triple, List<Candidate>> shared = Map.of(
                TITLE, List.of(new Candidate(KOELN, Map.of(D, Set.of("https://koeln.example"))), new Candidate(BONN, Map.of(D, Set.of("https://bonn.example")))),
                PUB, List.of(new Candidate(KOELN, Map.of(D, Set.of("https://bonn.example"))), new Candidate(BONN, Map.of(D, Set.of("https://bonn.example")))));
        assertThat(BgpPlanner.coLocated(TITLE, PUB, shared)).isFalse();
        Map<Triple, List<Candidate>> unknown = Map.of(
                TITLE, List.of(new Candidate(KOELN, Map.of()), new Candidate(BONN, Map.of())),
                PUB, List.of(new Candidate(KOELN, Map.of()), new Candidate(BONN, Map.of())));
        assertThat(BgpPlanner.coLocated(TITLE, PUB, unknown)).isFalse();
        Map<Triple, List<Candidate>> single = Map.of(TITLE, List.of(new Candidate(KOELN, Map.of())), PUB, List.of(new Candidate(KOELN, Map.of())));
        assertThat(BgpPlanner.coLocated(TITLE, PUB, single)).as("FedX exclusive group").isTrue();
    }

    @Test
    void costModelPrefersBindJoinForFewKeysAndHashJoinForMany() {
        assertThat(CostModel.preferBindJoin(10, 1, 4, 200_000)).isTrue();
        assertThat(CostModel.preferBindJoin(5_000, 100, 4, 6_000)).isFalse();
    }
}
