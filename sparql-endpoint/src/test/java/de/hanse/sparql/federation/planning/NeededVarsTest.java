package de.hanse.sparql.federation.planning;

import static org.assertj.core.api.Assertions.assertThat;

import de.hanse.sparql.federation.execution.BgpEvaluator;
import de.hanse.sparql.federation.execution.OpFederatedBgp;
import de.hanse.sparql.federation.execution.QueryRun;
import de.hanse.sparql.federation.peers.Source;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.core.Var;
import org.junit.jupiter.api.Test;

class NeededVarsTest {
    static final String P = "PREFIX : <http://x/> ";

    static Set<String> needed(String q) {
        Query query = QueryFactory.create(P + q);
        OpFederatedBgp.QueryContext none = new OpFederatedBgp.QueryContext() {
            public QueryRun run() {
                return null;
            }

            public BgpEvaluator evaluator() {
                return null;
            }

            public List<Source> sources() {
                return List.of();
            }

            public Set<Var> neededOutside() {
                return null;
            }
        };
        Set<Var> vs = NeededVars.outside(query, new QueryRewriter(null, () -> null, none).rewrite(Algebra.compile(query)));
        return vs == null ? null : vs.stream().map(Var::getVarName).collect(Collectors.toSet());
    }

    @Test
    void variablesOnlyOneBgpBindsAndNobodyReadsAreNotNeeded() {
        assertThat(needed("SELECT ?label WHERE { ?o :prop ?p ; :value ?v . ?p :label ?label }")).containsExactly("label");
        assertThat(needed("SELECT ?o WHERE { ?o :a ?x OPTIONAL { ?o :b ?y } }")).containsExactlyInAnyOrder("o");
    }

    @Test
    void expressionsGroupingOrderingAndOptionalConditionsAreRead() {
        assertThat(needed("SELECT ?l (AVG(?v) AS ?a) WHERE { ?o :v ?v ; :l ?l ; :z ?z } GROUP BY ?l HAVING (MAX(?w) > 1)"))
                .contains("l", "v", "w").doesNotContain("o", "z");
        assertThat(needed("SELECT ?o WHERE { ?o :v ?v OPTIONAL { ?o :w ?w FILTER(?w > ?v) } BIND(?u AS ?b) } ORDER BY DESC(?t)"))
                .contains("o", "v", "w", "u", "t");
        assertThat(needed("SELECT ?o WHERE { ?o :v ?v FILTER(?v > 3) VALUES ?k { 1 } }")).contains("o", "v", "k");
    }

    @Test
    void allVariablesWhenTheAnalysisCannotSee() {
        assertThat(needed("SELECT * WHERE { ?o :v ?v }")).isNull();
        assertThat(needed("ASK { ?o :v ?v }")).isNull();
        assertThat(needed("SELECT ?o WHERE { ?o :v ?v FILTER EXISTS { ?o :w ?x } }")).isNull();
        assertThat(needed("SELECT ?o WHERE { ?o :v ?v . ?o :p+ ?x }")).isNull();
        assertThat(needed("SELECT (COUNT(DISTINCT *) AS ?n) WHERE { ?o :v ?v }")).isNull();
        assertThat(needed("SELECT (COUNT(*) AS ?n) WHERE { ?o :v ?v }")).contains("n").doesNotContain("o", "v");
    }
}
