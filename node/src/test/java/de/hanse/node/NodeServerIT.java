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
    void answersOfUsualSizeCarryAContentLength() {
        // chunked answers cost a JDK HttpClient peer about 15 ms each on loopback (measured with the NGSI-LD bench);
        // REST answers up to 256 KiB are buffered and sent with Content-Length instead
        HanseNode node = nodes.start("lengths");
        HttpResponse<String> doc = nodes.get(node, "openapi.json");
        assertThat(doc.statusCode()).isEqualTo(200);
        assertThat(doc.body().length()).isGreaterThan(16 * 1024);
        assertThat(doc.headers().firstValue("Transfer-Encoding")).isEmpty();
        assertThat(doc.headers().firstValueAsLong("Content-Length")).hasValue((long) doc.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length);
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
