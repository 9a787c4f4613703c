package de.hanse.node;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NodeServerIT {
    private final TestNodes nodes = new TestNodes();

    @AfterEach
    void close() {
        nodes.close();
    }

    @Test
    void oneServerCarriesHealthSparqlAndProblems() {
        HanseNode node = nodes.start("smoke");
        assertThat(node.port()).isPositive();

        HttpResponse<String> live = nodes.get(node, "health/live");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(live.body()).contains("UP");
        assertThat(nodes.get(node, "health/ready").statusCode()).isEqualTo(200);

        HttpResponse<String> ask = nodes.get(node, TestNodes.sparql("ASK { ?s ?p ?o }"), "Accept", "application/sparql-results+json");
        assertThat(ask.statusCode()).isEqualTo(200);
        assertThat(ask.body()).contains("\"boolean\"").contains("false");

        HttpResponse<String> bad = nodes.get(node, TestNodes.sparql("SELEKT * WHERE {"));
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).containsIgnoringCase("parse");

        HttpResponse<String> missing = nodes.get(node, "api/nothing-here");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");

        // paths below /sparql that are not Fuseki endpoints reach Jersey (where /sparql/federated lives)
        HttpResponse<String> below = nodes.get(node, "sparql/federated-nothing");
        assertThat(below.statusCode()).isEqualTo(404);
        assertThat(below.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }
}
