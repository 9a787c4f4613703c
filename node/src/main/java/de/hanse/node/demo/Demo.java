package de.hanse.node.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.hanse.core.config.HarvestConfig;
import de.hanse.core.config.HarvestSourceConfig;
import de.hanse.core.config.NodeConfig;
import de.hanse.core.config.PeerConfig;
import de.hanse.harvest.HarvestModule;
import de.hanse.harvest.HarvestReport;
import de.hanse.node.HanseNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The demo federation in one process: two city nodes (Rostock, Bremen), each harvesting a bundled real catalogue
 * into its own in-memory store and serving it at {@code /catalogue}, and a state node that harvests both cities
 * through their Hydra-paged exports and has them as peers. Authentication is off. Prints one line per node
 * ({@code state node <name>: <url>}, {@code city node <name>: <url>}) and example queries that work when pasted.
 */
public final class Demo implements AutoCloseable {
    /** The bundled catalogue of each demo city and the number of datasets it holds. */
    static final Map<String, String> CITIES = new LinkedHashMap<>();
    static final Map<String, Integer> EXPECTED = Map.of("rostock", 100, "bremen", 153);

    static {
        CITIES.put("rostock", "rostock-catalog-original-input.rdf");
        CITIES.put("bremen", "bremen-catalog-original-input.rdf");
    }

    private final List<HanseNode> nodes = new ArrayList<>();
    private final Path workDir;
    private HanseNode state;

    private Demo(Path workDir) {
        this.workDir = workDir;
    }

    /** Starts the three nodes and harvests; {@code port} 0 picks free ports. */
    public static Demo start(int port, PrintStream out) throws IOException {
        Demo demo = new Demo(Files.createTempDirectory("hanse-demo"));
        try {
            demo.run(port, out);
            return demo;
        } catch (RuntimeException | IOException e) {
            demo.close();
            throw e;
        }
    }

    private void run(int port, PrintStream out) throws IOException {
        out.println("AUTHENTICATION IS OFF in this demo: every request is allowed. Never run it like this in production.");
        List<HarvestSourceConfig> stateSources = new ArrayList<>();
        List<PeerConfig> peers = new ArrayList<>();
        int next = port == 0 ? 0 : port + 1;
        for (Map.Entry<String, String> city : CITIES.entrySet()) {
            Path file = workDir.resolve(city.getValue());
            try (InputStream in = Demo.class.getResourceAsStream("/demo/catalogues/" + city.getValue())) {
                Files.copy(in, file);
            }
            HarvestSourceConfig portal = HarvestSourceConfig.dcat(city.getKey() + "-portal", file.toString());
            HanseNode node = startNode(NodeConfig.inMemory(city.getKey()).withPort(next).withHarvest(new HarvestConfig(List.of(portal))));
            if (next != 0) next++;
            HarvestReport r = harvest(node, portal);
            out.println("city node " + city.getKey() + ": " + node.baseUri());
            out.println("  harvested its portal: " + r.summary());
            stateSources.add(HarvestSourceConfig.dcat(city.getKey(), node.baseUri() + "catalogue?pageSize=50"));
            peers.add(PeerConfig.hanse(city.getKey(), node.baseUri().toString()));
            DemoEntities.load(node, city.getKey(), out);
        }
        state = startNode(NodeConfig.inMemory("state").withPort(port).withHarvest(new HarvestConfig(stateSources)).withPeers(peers));
        out.println("state node state: " + state.baseUri());
        for (HarvestSourceConfig s : stateSources) out.println("  harvested city " + s.name() + ": " + harvest(state, s).summary());
        DemoEntities.register(state, peers, out);
        printExamples(out);
    }

    private HanseNode startNode(NodeConfig cfg) {
        HanseNode n = HanseNode.start(cfg);
        nodes.add(n);
        return n;
    }

    private static HarvestReport harvest(HanseNode node, HarvestSourceConfig source) {
        HarvestReport r = node.module(HarvestModule.class).service().run(source, false, null);
        if (!r.succeeded()) throw new IllegalStateException("demo harvest failed: " + r.summary());
        return r;
    }

    public HanseNode state() {
        return state;
    }

    /** The example queries, each as a curl command line against the state node. */
    public List<String> examples() {
        String base = state.baseUri().toString();
        return List.of(
                "curl -s " + base + "sparql -H 'Accept: text/csv' --data-urlencode 'query=" + DATASETS_PER_CITY + "'",
                "curl -s " + base + "sparql -H 'Accept: text/csv' --data-urlencode 'query=" + TITLE_SEARCH + "'",
                "curl -s '" + base + "catalogue?pageSize=2' -H 'Accept: text/turtle'");
    }

    static final String DATASETS_PER_CITY = "PREFIX foaf: <http://xmlns.com/foaf/0.1/> PREFIX hanse: <https://w3id.org/hanse/ns#> "
            + "SELECT ?city (COUNT(DISTINCT ?dataset) AS ?datasets) WHERE { GRAPH <urn:hanse:meta> { ?record foaf:primaryTopic ?dataset ; "
            + "hanse:source ?source } ?source <http://purl.org/dc/terms/title> ?city } GROUP BY ?city ORDER BY ?city";
    static final String TITLE_SEARCH = "PREFIX dcat: <http://www.w3.org/ns/dcat#> PREFIX dct: <http://purl.org/dc/terms/> "
            + "SELECT DISTINCT ?title WHERE { ?d a dcat:Dataset ; dct:title ?title FILTER(CONTAINS(LCASE(STR(?title)), \"schul\")) } ORDER BY ?title LIMIT 10";

    private void printExamples(PrintStream out) {
        out.println();
        out.println("Try these against the state node:");
        out.println("# datasets per city, harvested from the city nodes' catalogues");
        out.println(examples().get(0));
        out.println("# datasets about schools across both cities");
        out.println(examples().get(1));
        out.println("# the state's merged catalogue as DCAT-AP (Hydra-paged; try Accept: application/ld+json)");
        out.println(examples().get(2));
        DemoEntities.printExamples(state, out);
        out.println();
        out.println("Press Ctrl-C to stop.");
    }

    /** Runs the example queries against the state node and checks their answers. */
    public boolean selfCheck(PrintStream out) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        boolean ok = true;
        JsonNode perCity = select(client, DATASETS_PER_CITY);
        Map<String, Integer> counts = new LinkedHashMap<>();
        perCity.forEach(r -> counts.put(r.get("city").get("value").asText(), r.get("datasets").get("value").asInt()));
        ok &= check(out, "datasets per city " + counts, counts.equals(Map.of("rostock", EXPECTED.get("rostock"), "bremen", EXPECTED.get("bremen"))));
        JsonNode titles = select(client, TITLE_SEARCH);
        ok &= check(out, "title search found " + titles.size() + " datasets", titles.size() > 0);
        HttpResponse<String> cat = client.send(HttpRequest.newBuilder(state.baseUri().resolve("catalogue?pageSize=2"))
                .header("Accept", "text/turtle").timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        ok &= check(out, "catalogue page answers " + cat.statusCode(), cat.statusCode() == 200 && cat.body().contains("hydra:next"));
        ok &= DemoEntities.selfCheck(state, client, out);
        out.println(ok ? "self-check passed" : "self-check FAILED");
        return ok;
    }

    private JsonNode select(HttpClient client, String query) throws IOException, InterruptedException {
        URI uri = state.baseUri().resolve("sparql?query=" + URLEncoder.encode(query, StandardCharsets.UTF_8));
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(uri).header("Accept", "application/sparql-results+json")
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IOException("query failed with " + r.statusCode() + ": " + r.body());
        return new ObjectMapper().readTree(r.body()).get("results").get("bindings");
    }

    static boolean check(PrintStream out, String what, boolean ok) {
        out.println((ok ? "  ok   " : "  FAIL ") + what);
        return ok;
    }

    public void join() {
        if (state != null) state.join();
    }

    @Override
    public synchronized void close() {
        for (int i = nodes.size() - 1; i >= 0; i--) nodes.get(i).close();
        nodes.clear();
        try (var files = Files.walk(workDir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // temp files only
        }
    }
}
