package de.hanse.node.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import de.hanse.core.config.HarvestConfig;
import de.hanse.core.config.HarvestSourceConfig;
import de.hanse.core.config.NodeConfig;
import de.hanse.core.config.StoreConfig;
import de.hanse.core.store.remote.RemotePublisher;
import de.hanse.core.vocab.Vocab;
import de.hanse.harvest.HarvestModule;
import de.hanse.harvest.HarvestReport;
import de.hanse.node.HanseNode;
import de.hanse.node.TestNodes;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code store.mode: remote}: several real Hanse nodes on one real Fuseki (in-memory TDB2 dataset with query,
 * update and GSP endpoints, on loopback, port 0). The writer harvests a loopback DCAT source; read replicas see
 * the datasets through their own {@code /sparql}, {@code /catalogue} and search after a sync; the harvest job
 * ({@code hanse harvest --config} with a remote store) is a writer too and fences the one before it; a writer that dies between
 * staging and commit, and a stale writer fenced by a newer one, leave the shared catalogue unchanged; a node whose
 * store is unreachable at start is alive but not ready, and becomes ready once the store answers.
 */
class RemoteStoreIT {
    private static final String D = "https://daten.example.org/dataset/";
    private final TestNodes nodes = new TestNodes();
    private final DatasetGraph shared = DatabaseMgr.createDatasetGraph();
    private FusekiServer fuseki;
    private LoopbackSource source;
    private HarvestSourceConfig city;
    private int storePort;

    @BeforeEach
    void start() throws Exception {
        fuseki = fuseki(0);
        storePort = fuseki.getHttpPort();
        source = new LoopbackSource();
        city = HarvestSourceConfig.dcat("stadt", source.url("/catalog.ttl"));
        publish("Stand A", 0, 1, 2);
    }

    @AfterEach
    void close() {
        nodes.close();
        if (fuseki != null) fuseki.stop();
        source.close();
    }

    @Test
    void replicasServeWhatTheWriterHarvestedAndDropWhatItRemoved() {
        HanseNode writer = node("writer", true);
        HanseNode reader = node("reader", false);
        assertThat(harvest(writer).status()).isEqualTo("SUCCEEDED");

        awaitDatasets(reader, Set.of(D + 0, D + 1, D + 2));
        assertThat(catalogue(reader)).containsExactlyInAnyOrder(D + 0, D + 1, D + 2);
        assertThat(nodes.get(reader, TestNodes.sparql("SELECT ?t { <" + D + "1> <" + Vocab.DCT_title.getURI() + "> ?t }")).body()).contains("Stand A");
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> nodes.get(reader, "api/datasets?q=Datensatz").body().contains("\"total\":3"));

        publish("Stand B", 0, 2);
        HarvestReport second = harvest(writer);
        assertThat(second.updated()).as(second.summary()).isEqualTo(2);
        assertThat(second.deleted()).isEqualTo(1);
        awaitDatasets(reader, Set.of(D + 0, D + 2));
        assertThat(catalogue(reader)).containsExactlyInAnyOrder(D + 0, D + 2);
        assertThat(nodes.get(reader, TestNodes.sparql("SELECT ?t { <" + D + "2> <" + Vocab.DCT_title.getURI() + "> ?t }")).body()).contains("Stand B");
        assertThat(graphsOf(shared)).noneMatch(g -> g.startsWith("urn:hanse:staging:"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> nodes.get(reader, "api/datasets?q=Datensatz").body().contains("\"total\":2"));

        HttpResponse<String> refused = nodes.post(reader, "api/harvest/sources/stadt/runs", "application/json", "");
        assertThat(refused.statusCode()).isEqualTo(409);
        assertThat(refused.body()).contains("not its writer");
        HttpResponse<String> entity = nodes.post(reader, "ngsi-ld/v1/entities", "application/json",
                "{\"id\":\"urn:ngsi-ld:Sensor:1\",\"type\":\"Sensor\",\"temperature\":{\"type\":\"Property\",\"value\":21}}");
        assertThat(entity.statusCode()).as("an entity write would stay on one replica").isEqualTo(409);
        assertThat(entity.body()).contains("read replica");
    }

    @Test
    void writerDyingBetweenStagingAndCommitLeavesTheSharedCatalogueAsItWas() {
        HanseNode writer = node("writer", true);
        assertThat(harvest(writer).status()).isEqualTo("SUCCEEDED");
        List<String> before = catalogueQuads(shared);

        publish("Stand B", 0, 1);
        RemotePublisher publisher = writer.context().store().remote().orElseThrow().publisher();
        publisher.afterStaging(() -> {
            throw new IllegalStateException("writer died after staging");
        });
        HarvestReport died = harvest(writer);
        assertThat(died.status()).isEqualTo("FAILED");
        assertThat(catalogueQuads(shared)).as("no half-committed run in the shared store").isEqualTo(before);
        assertThat(graphsOf(shared)).anyMatch(g -> g.startsWith("urn:hanse:staging:"));
        assertThat(datasets(writer)).as("the writer's own replica aborted too").containsExactlyInAnyOrder(D + 0, D + 1, D + 2);

        publisher.afterStaging(() -> {});
        HarvestReport next = harvest(writer);
        assertThat(next.status()).as(next.summary()).isEqualTo("SUCCEEDED");
        assertThat(graphsOf(shared)).as("the next run drops the dead run's staging graphs").noneMatch(g -> g.startsWith("urn:hanse:staging:"));
        HanseNode reader = node("reader", false);
        awaitDatasets(reader, Set.of(D + 0, D + 1));
    }

    @Test
    void staleWriterIsFencedAndCommitsNothing() {
        HanseNode old = node("old-writer", true);
        assertThat(harvest(old).status()).isEqualTo("SUCCEEDED");
        HanseNode successor = node("new-writer", true); // takes the next writer generation at start
        List<String> before = catalogueQuads(shared);

        publish("Stand B", 0, 1, 2);
        HarvestReport stale = harvest(old);
        assertThat(stale.status()).isEqualTo("FAILED");
        assertThat(stale.error()).contains("fenced");
        assertThat(catalogueQuads(shared)).isEqualTo(before);
        assertThat(nodes.get(old, TestNodes.sparql("SELECT ?t { <" + D + "0> <" + Vocab.DCT_title.getURI() + "> ?t }")).body())
                .contains("Stand A").doesNotContain("Stand B");

        assertThat(harvest(successor).updated()).isEqualTo(3);
        assertThat(catalogueQuads(shared)).isNotEqualTo(before);
    }

    @Test
    void harvestJobFromTheCommandLineIsTheWriterAndFencesTheOldOne(@TempDir Path tmp) throws Exception {
        HanseNode oldWriter = node("old-writer", true);
        HanseNode reader = node("reader", false);
        Path config = tmp.resolve("hanse.yaml");
        Files.writeString(config, """
                name: job
                auth: {enabled: false}
                store: {mode: remote, url: "http://127.0.0.1:%d/hanse", timeout: 5s}
                harvest:
                  sources:
                    - {name: stadt, url: "%s"}
                """.formatted(storePort, city.url()));
        assertThat(de.hanse.node.cli.HanseCli.run("harvest", "--config", config.toString())).isZero();
        awaitDatasets(reader, Set.of(D + 0, D + 1, D + 2));
        assertThat(harvest(oldWriter).error()).contains("fenced");

        fuseki.stop();
        fuseki = null;
        assertThat(de.hanse.node.cli.HanseCli.run("harvest", "--config", config.toString())).isEqualTo(de.hanse.node.cli.HanseCli.FAILED);
    }

    @Test
    void unreachableStoreAtStartMeansNotReadyUntilItAnswers() throws Exception {
        fuseki.stop();
        fuseki = null;
        HanseNode node = node("reader", false);
        assertThat(nodes.get(node, "health/live").statusCode()).isEqualTo(200);
        HttpResponse<String> ready = nodes.get(node, "health/ready");
        assertThat(ready.statusCode()).isEqualTo(503);
        assertThat(ready.body()).contains("\"remote-store\":\"DOWN\"");

        fuseki = fuseki(storePort);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> nodes.get(node, "health/ready").statusCode() == 200);
    }

    // --- fixtures

    private FusekiServer fuseki(int port) {
        return FusekiServer.create().port(port).loopback(true).add("/hanse", shared).build().start();
    }

    private HanseNode node(String name, boolean writer) {
        String url = "http://127.0.0.1:" + storePort + "/hanse";
        StoreConfig store = new StoreConfig("remote", url, null, null, Duration.ofSeconds(5), Duration.ofMillis(300), writer, null);
        return nodes.start(NodeConfig.inMemory(name).withHarvest(new HarvestConfig(List.of(city))).withStore(store));
    }

    private HarvestReport harvest(HanseNode node) {
        return node.module(HarvestModule.class).service().run(city, false, null);
    }

    /** One page with the given datasets, titled with {@code stand}. */
    private void publish(String stand, int... ids) {
        StringBuilder body = new StringBuilder(LoopbackSource.PREFIXES);
        for (int i : ids) body.append(LoopbackSource.dataset(D + i, "Datensatz " + i + " " + stand, "2024-01-01"));
        source.page("/catalog.ttl", body.toString());
    }

    private void awaitDatasets(HanseNode node, Set<String> expected) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> datasets(node).equals(expected));
    }

    /** Datasets as the node's own {@code /sparql} sees them. */
    private Set<String> datasets(HanseNode node) {
        HttpResponse<String> r = nodes.get(node, TestNodes.sparql("SELECT ?d { ?d a <http://www.w3.org/ns/dcat#Dataset> }"),
                "Accept", "text/csv");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Set<String> out = new TreeSet<>(r.body().lines().skip(1).map(String::strip).filter(s -> !s.isEmpty()).toList());
        return out;
    }

    /** Datasets listed by the node's {@code /catalogue}. */
    private List<String> catalogue(HanseNode node) {
        HttpResponse<String> r = nodes.get(node, "catalogue?pageSize=50", "Accept", "text/turtle");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.create().source(new StringReader(r.body())).lang(Lang.TURTLE).parse(g);
        return g.find(Node.ANY, Vocab.DCAT_dataset, Node.ANY).mapWith(t -> t.getObject().getURI()).toList();
    }

    /** The shared store's catalogue (every quad outside staging graphs), blank nodes by position, sorted. */
    private static List<String> catalogueQuads(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> {
            List<String> all = new ArrayList<>();
            dsg.find().forEachRemaining(q -> {
                if (q.getGraph().getURI().startsWith("urn:hanse:staging:")) return;
                all.add(q.getGraph() + " " + (q.getSubject().isBlank() ? "_" : q.getSubject()) + " " + q.getPredicate() + " "
                        + (q.getObject().isBlank() ? "_" : q.getObject()));
            });
            all.sort(null);
            return all;
        });
    }

    private static List<String> graphsOf(DatasetGraph dsg) {
        return Txn.calculateRead(dsg, () -> {
            List<String> out = new ArrayList<>();
            dsg.listGraphNodes().forEachRemaining(g -> out.add(g.getURI()));
            return out;
        });
    }
}
