package de.hanse.node.sparql;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.hanse.core.config.NodeConfig;
import de.hanse.core.config.PeerConfig;
import de.hanse.node.HanseNode;
import de.hanse.node.TestNodes;
import java.net.http.HttpResponse;
import java.util.List;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Whole nodes on port 0: two city nodes with data in their stores, and a federating node whose peers are the two
 * cities; {@code /sparql/federated} on it joins across all three stores (its own included).
 */
class FederatedSparqlIT {
    final TestNodes nodes = new TestNodes();
    static final String LABEL = "http://www.w3.org/2000/01/rdf-schema#label", OBSERVES = "http://www.w3.org/ns/sosa/observes";

    @AfterEach
    void close() {
        nodes.close();
    }

    static void load(HanseNode node, String graph, String... spo) {
        node.context().store().write(dsg -> {
            for (int i = 0; i < spo.length; i += 3)
                dsg.add(NodeFactory.createURI(graph), NodeFactory.createURI(spo[i]), NodeFactory.createURI(spo[i + 1]),
                        spo[i + 2].startsWith("http") ? NodeFactory.createURI(spo[i + 2]) : NodeFactory.createLiteralString(spo[i + 2]));
        });
    }

    @Test
    void federatedQueryJoinsAcrossPeerNodesAndTheLocalStore() throws Exception {
        HanseNode koeln = nodes.start("koeln");
        HanseNode bonn = nodes.start("bonn");
        load(koeln, "urn:hanse:record:k", "https://koeln.example/sensor/1", OBSERVES, "https://hub.example/prop/t",
                "https://koeln.example/sensor/2", OBSERVES, "https://hub.example/prop/n");
        load(bonn, "urn:hanse:record:b", "https://bonn.example/sensor/1", OBSERVES, "https://hub.example/prop/t");
        NodeConfig hubConfig = NodeConfig.inMemory("hub").withPeers(List.of(
                PeerConfig.hanse("koeln", koeln.baseUri().toString()), PeerConfig.hanse("bonn", bonn.baseUri().toString())));
        HanseNode hub = nodes.start(hubConfig);
        load(hub, "urn:hanse:record:h", "https://hub.example/prop/t", LABEL, "temperature", "https://hub.example/prop/n", LABEL, "no2");

        String q = "SELECT ?s ?l WHERE { ?s <" + OBSERVES + "> ?p . ?p <" + LABEL + "> ?l } ORDER BY ?s";
        HttpResponse<String> r = nodes.get(hub, "sparql/federated?query=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8),
                "Accept", "application/sparql-results+json");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode rows = new ObjectMapper().readTree(r.body()).path("results").path("bindings");
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0).path("s").path("value").asText()).isEqualTo("https://bonn.example/sensor/1");
        assertThat(rows.get(0).path("l").path("value").asText()).isEqualTo("temperature");
        assertThat(rows.get(2).path("l").path("value").asText()).isEqualTo("no2");

        HttpResponse<String> explain = nodes.get(hub, "sparql/federated?explain=true&query="
                + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(explain.statusCode()).isEqualTo(200);
        assertThat(explain.body()).contains("source-selection").contains("koeln").contains("bonn").contains("local");
    }

    @Test
    void dataWrittenToTheLocalStoreAfterAQueryIsSeenByTheNextOne() throws Exception {
        HanseNode koeln = nodes.start("koeln");
        load(koeln, "urn:hanse:record:k", "https://koeln.example/sensor/1", OBSERVES, "https://hub.example/prop/t");
        HanseNode hub = nodes.start(NodeConfig.inMemory("hub").withPeers(List.of(PeerConfig.hanse("koeln", koeln.baseUri().toString()))));
        String q = "SELECT ?s ?l WHERE { ?s <" + OBSERVES + "> ?p . ?p <" + LABEL + "> ?l }";
        String path = "sparql/federated?query=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8);
        // the first query summarises the hub's empty store: no labels anywhere, no rows
        HttpResponse<String> before = nodes.get(hub, path, "Accept", "application/sparql-results+json");
        assertThat(new ObjectMapper().readTree(before.body()).path("results").path("bindings")).isEmpty();
        load(hub, "urn:hanse:record:h", "https://hub.example/prop/t", LABEL, "temperature");
        HttpResponse<String> after = nodes.get(hub, path, "Accept", "application/sparql-results+json");
        JsonNode rows = new ObjectMapper().readTree(after.body()).path("results").path("bindings");
        assertThat(rows).as(after.body()).hasSize(1);
        assertThat(rows.get(0).path("l").path("value").asText()).isEqualTo("temperature");
    }

    @Test
    void aPeerNodeThatIsDownIsNamedUnlessPartial() throws Exception {
        HanseNode koeln = nodes.start("koeln");
        load(koeln, "urn:hanse:record:k", "https://koeln.example/sensor/1", OBSERVES, "https://hub.example/prop/t");
        HanseNode gone = nodes.start("gone");
        String goneUrl = gone.baseUri().toString();
        gone.close();
        HanseNode hub = nodes.start(NodeConfig.inMemory("hub").withPeers(List.of(
                PeerConfig.hanse("koeln", koeln.baseUri().toString()), PeerConfig.hanse("gone", goneUrl))));
        String q = java.net.URLEncoder.encode("SELECT * WHERE { ?s <" + OBSERVES + "> ?p }", java.nio.charset.StandardCharsets.UTF_8);
        HttpResponse<String> failed = nodes.get(hub, "sparql/federated?query=" + q);
        assertThat(failed.statusCode()).isIn(502, 504);
        assertThat(new ObjectMapper().readTree(failed.body()).path("peer").asText()).isEqualTo("gone");
        HttpResponse<String> partial = nodes.get(hub, "sparql/federated?partial=true&query=" + q, "Accept", "text/csv");
        assertThat(partial.statusCode()).isEqualTo(200);
        assertThat(partial.headers().firstValue("Hanse-Warning").orElse("")).contains("gone");
        assertThat(partial.body().lines().count()).isEqualTo(2);
    }
}
