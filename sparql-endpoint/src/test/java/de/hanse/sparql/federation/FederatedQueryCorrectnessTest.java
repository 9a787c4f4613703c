package de.hanse.sparql.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.hanse.core.config.PeerConfig;
import de.hanse.core.http.ProblemException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every query returns exactly the multiset of solutions that the same query returns over one store holding the
 * union of all data: three Fuseki peers (hub, Köln, Bonn) plus the node's own store (Aachen, in named graphs).
 */
class FederatedQueryCorrectnessTest {
    static final String PREFIXES = """
            PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
            PREFIX dcat: <http://www.w3.org/ns/dcat#>
            PREFIX dct: <http://purl.org/dc/terms/>
            PREFIX sosa: <http://www.w3.org/ns/sosa/>
            PREFIX ex: <https://w3id.org/hanse/example#>
            """;

    static FederationFixture fed;

    @BeforeAll
    static void start() {
        fed = new FederationFixture(List.of("hub", "koeln", "bonn"), "aachen", List.of());
    }

    @AfterAll
    static void stop() {
        fed.close();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            // star, city-local
            "SELECT * WHERE { ?d a dcat:Dataset ; dct:title ?t ; dct:publisher ?p ; dcat:distribution ?dist . ?dist dcat:accessURL ?u }",
            // sequence path crossing from cities into the hub vocabulary
            "SELECT ?obs ?label WHERE { ?obs sosa:observedProperty/rdfs:label ?label }",
            // transitive path inside each city
            "SELECT ?p ?c WHERE { ?p ex:partOf+ ?c }",
            // cross-source join: city sensors, hub properties and units
            "SELECT ?s ?label ?unit WHERE { ?s a sosa:Sensor ; sosa:observes ?prop . ?prop rdfs:label ?label ; ex:unit ?u . ?u rdfs:label ?unit }",
            // join across two cities on a shared IRI
            "SELECT ?a ?b ?prop WHERE { ?a ex:sameModelAs ?b . ?b sosa:observes ?prop }",
            // OPTIONAL
            "SELECT ?s ?d WHERE { ?s a sosa:Sensor OPTIONAL { ?s ex:installedAt ?d } }",
            // OPTIONAL with a condition on both sides
            "SELECT ?s ?o ?v WHERE { ?s a sosa:Sensor OPTIONAL { ?o sosa:madeBySensor ?s ; sosa:hasSimpleResult ?v FILTER(?v > 30) } }",
            // FILTER pushed into the sources
            "SELECT ?o ?v WHERE { ?o sosa:hasSimpleResult ?v ; sosa:observedProperty ?p FILTER(?v > 20 && ?v < 35) }",
            // FILTER across sources (not pushable)
            "SELECT ?o ?l WHERE { ?o sosa:observedProperty ?p . ?p rdfs:label ?l FILTER(STRSTARTS(STR(?o), STR(?p)) || LANG(?l) = 'en') }",
            // UNION
            "SELECT ?x ?l WHERE { { ?x a ex:City ; rdfs:label ?l } UNION { ?x a dcat:Catalog ; dct:title ?l } }",
            // aggregation with a join into the hub
            "SELECT ?label (COUNT(?o) AS ?n) (AVG(?v) AS ?avg) WHERE { ?o sosa:observedProperty ?p ; sosa:hasSimpleResult ?v . ?p rdfs:label ?label } GROUP BY ?label",
            // ORDER BY + LIMIT
            "SELECT ?o ?v WHERE { ?o sosa:hasSimpleResult ?v } ORDER BY DESC(?v) ?o LIMIT 7",
            // DISTINCT and a bound IRI
            "SELECT DISTINCT ?s WHERE { ?s sosa:observes <https://hub.example/prop-temperature> }",
            // no source holds the predicate
            "SELECT ?s WHERE { ?s ex:nothingHasThis ?o . ?s a sosa:Sensor }",
            // variable predicate on a bound subject
            "SELECT ?p ?o WHERE { <https://koeln.example/sensor-2> ?p ?o }",
            // sub-select and BIND
            "SELECT ?c ?n WHERE { { SELECT ?c (COUNT(*) AS ?n) WHERE { ?d a dcat:Dataset ; dct:publisher ?c } GROUP BY ?c } BIND(?n * 2 AS ?m) FILTER(?m > 0) }",
            // MINUS
            "SELECT ?s WHERE { ?s a sosa:Sensor MINUS { ?s ex:installedAt ?d } }",
            // projection push-down: duplicates kept when subqueries return fewer variables
            "SELECT ?s WHERE { ?o sosa:madeBySensor ?s ; sosa:hasSimpleResult ?v }",
            "SELECT (COUNT(*) AS ?n) WHERE { ?o sosa:madeBySensor ?s ; sosa:hasSimpleResult ?v }",
            "SELECT (COUNT(DISTINCT *) AS ?n) (COUNT(DISTINCT ?s) AS ?m) WHERE { ?o sosa:madeBySensor ?s ; sosa:hasSimpleResult ?v }",
            "SELECT ?p (SUM(?v) AS ?t) WHERE { ?o sosa:observedProperty ?p ; sosa:hasSimpleResult ?v ; sosa:resultTime ?time } GROUP BY ?p",
            "SELECT ?s WHERE { ?s a sosa:Sensor OPTIONAL { ?s ex:installedAt ?d } FILTER(!BOUND(?d)) }",
            "SELECT ?x WHERE { { ?x a sosa:Sensor ; sosa:observes ?p } UNION { ?x a dcat:Dataset ; dct:title ?t } }",
            "SELECT ?label WHERE { ?o sosa:observedProperty ?p ; sosa:hasSimpleResult ?v . ?p rdfs:label ?label } ORDER BY ?label",
            "SELECT ?s WHERE { ?s a sosa:Sensor FILTER NOT EXISTS { ?s ex:installedAt ?d } }",
            // ORDER BY + LIMIT cut per source (one cluster) or not (joins across sources, DISTINCT)
            "SELECT ?o ?v WHERE { ?o sosa:hasSimpleResult ?v ; sosa:observedProperty ?p } ORDER BY ?v ?o LIMIT 5 OFFSET 3",
            "SELECT ?v WHERE { ?o sosa:hasSimpleResult ?v } ORDER BY DESC(?v) LIMIT 3",
            "SELECT ?o ?l WHERE { ?o sosa:observedProperty ?p . ?p rdfs:label ?l } ORDER BY DESC(?o) LIMIT 4",
            "SELECT DISTINCT ?v WHERE { ?o sosa:hasSimpleResult ?v } ORDER BY ?v LIMIT 3",
    })
    void sameSolutionsAsOneStore(String query) {
        String q = PREFIXES + query;
        List<String> expected = fed.reference(q);
        assertThat(fed.federated(q, false)).isEqualTo(expected);
    }

    @Test
    void referenceQueriesAreNotTrivial() {
        assertThat(fed.reference(PREFIXES + "SELECT * WHERE { ?d a dcat:Dataset ; dct:title ?t }")).hasSize(10);
        assertThat(fed.reference(PREFIXES + "SELECT ?o WHERE { ?o sosa:observedProperty/rdfs:label ?l }")).hasSize(20 + 12 + 9);
    }

    @Test
    void subqueriesReturnOnlyTheVariablesTheQueryReads() {
        String q = PREFIXES + "SELECT ?label WHERE { ?o sosa:observedProperty ?p ; sosa:hasSimpleResult ?v . ?p rdfs:label ?label }";
        FederatedResult r = fed.engine.execute(q, new FederationEngine.Options(false, null, null));
        assertThat(FederationFixture.normalise(r.vars(), r.rows())).isEqualTo(fed.reference(q)).isNotEmpty();
        // the observation cluster returns only the join variable ?p (not ?o, ?v); the label cluster needs all it binds
        assertThat(r.run().trace().events()).filteredOn(e -> "cluster".equals(e.get("step")))
                .extracting(e -> e.get("returns")).containsExactlyInAnyOrder(List.of("?p"), null);
    }

    @Test
    void orderByLimitOverOneClusterIsCutAtEachSource() {
        String q = PREFIXES + "SELECT ?o ?v WHERE { ?o sosa:hasSimpleResult ?v } ORDER BY DESC(?v) ?o LIMIT 7";
        FederatedResult r = fed.engine.execute(q, new FederationEngine.Options(false, null, null));
        assertThat(FederationFixture.normalise(r.vars(), r.rows())).isEqualTo(fed.reference(q)).hasSize(7);
        var step = r.run().trace().events().stream().filter(e -> "cluster".equals(e.get("step"))).findFirst().orElseThrow();
        assertThat(step.get("join")).isEqualTo("first, top 7 per source");
        assertThat((Integer) step.get("rows")).isLessThanOrEqualTo(7 * (Integer) step.get("requests"));
    }

    @Test
    void explicitServiceGoesToThatPeerOnly() {
        String hub = FederationFixture.endpoint(fed.servers.get("hub"));
        String q = PREFIXES + "SELECT ?s ?label WHERE { ?s sosa:observes ?p SERVICE <" + hub + "> { ?p rdfs:label ?label } }";
        String ref = PREFIXES + "SELECT ?s ?label WHERE { ?s sosa:observes ?p . ?p rdfs:label ?label }";
        assertThat(fed.federated(q, false)).isEqualTo(fed.reference(ref)).isNotEmpty();
    }

    @Test
    void serviceToAnUnregisteredEndpointIsRefused() {
        String q = "SELECT * WHERE { SERVICE <http://127.0.0.1:1/sparql> { ?s ?p ?o } }";
        assertThatThrownBy(() -> fed.federated(q, false)).isInstanceOf(ProblemException.class)
                .satisfies(e -> assertThat(((ProblemException) e).problem().status()).isEqualTo(400));
    }

    @Test
    void cityLocalStarIsOneRequestPerCity() {
        String q = PREFIXES + "SELECT * WHERE { ?d a dcat:Dataset ; dct:title ?t ; dct:publisher ?p ; dcat:distribution ?dist . ?dist dcat:accessURL ?u }";
        fed.federated(q, false);
        fed.resetCounts();
        FederatedResult r = fed.engine.execute(q, new FederationEngine.Options(false, null, null));
        assertThat(r.rows()).hasSize(fed.reference(q).size());
        // warm caches: one subquery per city holding datasets (Köln, Bonn over HTTP, Aachen local), none to the hub
        assertThat(fed.totalPeerRequests()).isEqualTo(2);
        assertThat(fed.requests.get("hub").get()).isZero();
        assertThat(r.run().totalRequests()).isEqualTo(3);
    }

    @Test
    void manyConcurrentQueriesDoNotStallTheHttpClient() throws Exception {
        String q = PREFIXES + "SELECT ?o ?l WHERE { ?o sosa:observedProperty ?p ; sosa:hasSimpleResult ?v . ?p rdfs:label ?l }";
        List<String> expected = fed.reference(q);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(12);
        try {
            List<java.util.concurrent.Future<List<String>>> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 24; i++) answers.add(pool.submit(() -> fed.federated(q, false)));
            for (var a : answers) assertThat(a.get(15, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(expected);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void probesAreCachedAndDroppedWhenPeersChange() {
        String q = PREFIXES + "SELECT ?p ?o WHERE { <https://koeln.example/sensor-2> ?p ?o }";
        fed.federated(q, false);
        fed.resetCounts();
        fed.federated(q, false);
        int warm = fed.totalPeerRequests();
        assertThat(warm).as("warm: only the subquery to Köln").isEqualTo(1);
        fed.registry.replacePeers(fed.peers);
        fed.resetCounts();
        assertThat(fed.federated(q, false)).isEqualTo(fed.reference(q));
        assertThat(fed.totalPeerRequests()).as("summaries and ASK probes are fetched again").isGreaterThan(warm + 3);
    }

    @Test
    void patternWithNoSourceSendsNoQuery() {
        String q = PREFIXES + "SELECT ?s WHERE { ?s ex:nothingHasThis ?o . ?s a sosa:Sensor }";
        fed.federated(q, false);
        fed.resetCounts();
        assertThat(fed.federated(q, false)).isEmpty();
        assertThat(fed.totalPeerRequests()).isZero();
    }

    @Test
    void failingPeerFailsTheQueryUnlessPartial() {
        PeerConfig dead = new PeerConfig("dead", "http://127.0.0.1:9/sparql", null, null, "sparql", Duration.ofSeconds(2), 2, null);
        try (FederationFixture f = new FederationFixture(List.of("hub", "koeln"), null, List.of(dead))) {
            String q = PREFIXES + "SELECT ?o ?l WHERE { ?o sosa:observedProperty ?p . ?p rdfs:label ?l }";
            assertThatThrownBy(() -> f.federated(q, false)).isInstanceOf(ProblemException.class).satisfies(e -> {
                var p = ((ProblemException) e).problem();
                assertThat(p.status()).isIn(502, 504);
                assertThat(p.extensions()).containsEntry("peer", "dead");
                assertThat(p.detail()).contains("dead");
            });
            FederatedResult r = f.engine.execute(q, new FederationEngine.Options(true, null, null));
            assertThat(FederationFixture.normalise(r.vars(), r.rows())).isEqualTo(f.reference(q)).isNotEmpty();
            assertThat(r.run().missingPeers()).containsExactly("dead");
        }
    }
}
