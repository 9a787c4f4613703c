package de.hanse.sparql.federation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.hanse.core.config.NodeConfig;
import de.hanse.core.config.PeerConfig;
import de.hanse.core.http.OutboundHttp;
import de.hanse.core.http.ProblemMappers;
import de.hanse.core.node.NodeContext;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.apache.jena.fuseki.main.FusekiServer;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module as a node assembles it (configure → Jersey on the Fuseki/Jetty server): the SPARQL protocol on
 * {@code /sparql/federated}, result formats by Accept, explain, problem documents and partial answers.
 */
class FederatedSparqlResourceTest {
    static FederationFixture peers;
    static FusekiServer node;
    static FederatedSparqlModule module;
    static OutboundHttp http;
    static ScheduledExecutorService scheduler;
    static final HttpClient client = HttpClient.newHttpClient();
    static final String Q = FederatedQueryCorrectnessTest.PREFIXES
            + "SELECT ?o ?label WHERE { ?o sosa:observedProperty ?p . ?p rdfs:label ?label } ORDER BY ?o";

    @BeforeAll
    static void start() {
        peers = new FederationFixture(List.of("hub", "koeln", "bonn"), null, List.of());
        List<PeerConfig> configured = new ArrayList<>(peers.peers);
        configured.add(new PeerConfig("dead", "http://127.0.0.1:9/sparql", null, null, "sparql", Duration.ofSeconds(2), 2, null));
        NodeConfig cfg = NodeConfig.inMemory("test-node").withPeers(configured);
        http = new OutboundHttp(8);
        scheduler = Executors.newSingleThreadScheduledExecutor();
        NodeContext ctx = new NodeContext(cfg, null, http, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT), scheduler,
                () -> URI.create("http://127.0.0.1/"));
        ResourceConfig rc = new ResourceConfig();
        rc.registerClasses(ProblemMappers.all());
        FusekiServer.Builder builder = FusekiServer.create().port(0).loopback(true);
        module = new FederatedSparqlModule();
        module.configure(ctx, rc, builder);
        node = builder.addServlet("/*", new ServletContainer(rc)).build().start();
        module.start(ctx);
    }

    @AfterAll
    static void stop() {
        module.stop();
        node.stop();
        peers.close();
        http.close();
        scheduler.shutdownNow();
    }

    static HttpResponse<String> get(String params, String accept) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + node.getPort() + "/sparql/federated?" + params));
        if (accept != null) b.header("Accept", accept);
        return client.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void getReturnsJsonResultsAndFailsOnADeadPeerNamingIt() throws Exception {
        HttpResponse<String> r = get("query=" + enc(Q), "application/sparql-results+json");
        assertThat(r.statusCode()).isIn(502, 504);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/problem+json"));
        assertThat(new ObjectMapper().readTree(r.body()).path("peer").asText()).isEqualTo("dead");
    }

    @Test
    void partialAnswersListTheMissingPeer() throws Exception {
        HttpResponse<String> r = get("partial=true&query=" + enc(Q), "application/sparql-results+json");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Hanse-Warning")).hasValueSatisfying(w -> assertThat(w).contains("dead"));
        JsonNode rows = new ObjectMapper().readTree(r.body()).path("results").path("bindings");
        assertThat(rows.size()).isEqualTo(peers.reference(Q).size()).isEqualTo(32);
    }

    @Test
    void postFormAndSparqlQueryWithCsvXmlAndTsv() throws Exception {
        String url = "http://127.0.0.1:" + node.getPort() + "/sparql/federated?partial=true";
        HttpResponse<String> csv = client.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/csv")
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString("query=" + enc(Q))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.body().lines().count()).isEqualTo(33);
        assertThat(csv.body()).startsWith("o,label");
        HttpResponse<String> xml = client.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/sparql-results+xml")
                .header("Content-Type", "application/sparql-query").POST(HttpRequest.BodyPublishers.ofString(Q)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(xml.statusCode()).isEqualTo(200);
        assertThat(xml.body()).contains("<sparql").contains("https://koeln.example/obs-1-1");
        HttpResponse<String> tsv = get("partial=true&query=" + enc(Q), "text/tab-separated-values");
        assertThat(tsv.body()).startsWith("?o\t?label");
    }

    @Test
    void constructAsTurtleAndJsonLd() throws Exception {
        String c = FederatedQueryCorrectnessTest.PREFIXES + "CONSTRUCT { ?s rdfs:label ?l } WHERE { ?s a sosa:ObservableProperty ; rdfs:label ?l }";
        HttpResponse<String> ttl = get("partial=true&query=" + enc(c), "text/turtle");
        assertThat(ttl.statusCode()).isEqualTo(200);
        assertThat(ttl.body()).contains("prop-temperature").contains("\"TEMPERATURE\"@en");
        HttpResponse<String> jsonld = get("partial=true&query=" + enc(c), "application/ld+json");
        assertThat(jsonld.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/ld+json");
        assertThat(jsonld.body()).contains("TEMPERATURE");
    }

    @Test
    void explainShowsSourcesAndJoinPlan() throws Exception {
        HttpResponse<String> r = get("partial=true&explain=true&query=" + enc(Q), null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode plan = new ObjectMapper().readTree(r.body());
        assertThat(plan.path("plan").toString()).contains("source-selection").contains("\"join\"").contains("koeln");
        assertThat(plan.path("missingPeers").toString()).contains("dead");
        assertThat(plan.path("resultRows").asInt()).isEqualTo(32);
    }

    @Test
    void badQueryAndUnacceptableFormatAreProblems() throws Exception {
        HttpResponse<String> bad = get("query=" + enc("SELECT * WHERE { ?s ?p }"), null);
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("\"parameter\":\"query\"");
        HttpResponse<String> missing = get("", null);
        assertThat(missing.statusCode()).isEqualTo(400);
        HttpResponse<String> notAcceptable = get("partial=true&query=" + enc(Q), "image/png");
        assertThat(notAcceptable.statusCode()).isEqualTo(406);
    }
}
