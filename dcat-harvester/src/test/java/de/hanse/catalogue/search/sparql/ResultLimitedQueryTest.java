package de.hanse.catalogue.search.sparql;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A real Fuseki server on loopback with the limited query operation and 50 triples, limit 10. */
class ResultLimitedQueryTest {
    private FusekiServer server;
    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        for (int i = 0; i < 50; i++)
            dsg.getDefaultGraph().add(NodeFactory.createURI("urn:s" + i), NodeFactory.createURI("urn:p"), NodeFactory.createLiteralString("o" + i));
        // Built the way the node's SparqlEndpoint builds /sparql: a DataService first, the operation registered after.
        DataService service = DataService.newBuilder(dsg).addEndpoint(Operation.Query).addEndpoint(Operation.GSP_R).build();
        FusekiServer.Builder b = FusekiServer.create().port(0).loopback(true).add("/sparql", service);
        b.registerOperation(Operation.Query, new ResultLimitedQuery(10));
        server = b.build().start();
    }

    @AfterEach
    void stop() {
        server.stop();
    }

    private HttpResponse<String> query(String q) throws Exception {
        URI u = URI.create("http://127.0.0.1:" + server.getHttpPort() + "/sparql?query=" + URLEncoder.encode(q, StandardCharsets.UTF_8));
        return client.send(HttpRequest.newBuilder(u).header("Accept", "text/csv").timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void unlimitedSelectIsCutWithAWarning() throws Exception {
        HttpResponse<String> r = query("SELECT ?s WHERE { ?s ?p ?o }");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body().strip().split("\r?\n")).hasSize(11); // header + 10 rows
        assertThat(r.headers().firstValue("Warning").orElse("")).contains("10 rows");
    }

    @Test
    void explicitLimitWithinTheCapIsHonouredWithoutWarning() throws Exception {
        HttpResponse<String> r = query("SELECT ?s WHERE { ?s ?p ?o } LIMIT 5");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body().strip().split("\r?\n")).hasSize(6);
        assertThat(r.headers().firstValue("Warning")).isEmpty();
    }

    @Test
    void explicitLimitAboveTheCapIsRefusedBeforeRunning() throws Exception {
        HttpResponse<String> r = query("SELECT ?s WHERE { ?s ?p ?o } LIMIT 1000");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.body()).contains("exceeds this endpoint's result limit of 10");
    }

    @Test
    void askIsNotTouched() throws Exception {
        HttpResponse<String> r = query("ASK { ?s ?p ?o }");
        assertThat(r.statusCode()).isEqualTo(200);
    }
}
