package de.hanse.node.ops;

import static org.assertj.core.api.Assertions.assertThat;

import de.hanse.core.config.HarvestConfig;
import de.hanse.core.config.HarvestSourceConfig;
import de.hanse.core.config.NodeConfig;
import de.hanse.core.config.PeerConfig;
import de.hanse.harvest.HarvestModule;
import de.hanse.harvest.HarvestReport;
import de.hanse.node.HanseNode;
import de.hanse.node.TestNodes;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /metrics} of real nodes: requests counted by route template and status, JVM meters present; calls to peers
 * (NGSI-LD forwarding, federated SPARQL, harvest fetches), harvest runs and cache hit rates counted per peer, source
 * and cache.
 */
class MetricsIT {
    private static final String REGISTRATION = "urn:ngsi-ld:ContextSourceRegistration:city";
    private final TestNodes nodes = new TestNodes();

    @AfterEach
    void close() {
        nodes.close();
    }

    @Test
    void requestsAreCountedByRouteAndStatusAndJvmMetersArePresent() {
        HanseNode node = nodes.start("metrics");
        for (int i = 0; i < 3; i++) assertThat(nodes.get(node, "health/live").statusCode()).isEqualTo(200);
        assertThat(nodes.get(node, TestNodes.sparql("ASK { ?s ?p ?o }"), "Accept", "application/sparql-results+json").statusCode()).isEqualTo(200);
        assertThat(nodes.get(node, "api/nothing-here/12345").statusCode()).isEqualTo(404);

        HttpResponse<String> scrape = nodes.get(node, "metrics");
        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain").contains("version=0.0.4");
        String text = scrape.body();

        assertThat(count(text, "/health/live", "200")).isEqualTo(3);
        assertThat(count(text, "/sparql", "200")).isEqualTo(1);
        assertThat(count(text, "/api/nothing-here/{id}", "404")).as("ids never become labels").isEqualTo(1);
        assertThat(text).doesNotContain("12345");
        assertThat(text).containsPattern("http_server_requests_seconds_bucket\\{[^}]*route=\"/health/live\"[^}]*le=\"0\\.005\"}");

        assertThat(text).contains("jvm_memory_used_bytes{").contains("jvm_threads_live_threads{").contains("jvm_gc_")
                .contains("process_cpu_usage{").contains("process_uptime_seconds{");
        assertThat(text).contains("node=\"metrics\"");
    }

    @Test
    void everyResponseCarriesARequestIdThatContinuesTheCallersTrace() {
        HanseNode node = nodes.start("trace");
        HttpResponse<String> r = nodes.get(node, "health/ready", "traceparent", "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01");
        assertThat(r.headers().firstValue("X-Request-Id")).hasValue("0af7651916cd43dd8448eb211c80319c");
        assertThat(nodes.get(node, "health/ready").headers().firstValue("X-Request-Id").orElseThrow())
                .matches("[0-9a-f]{32}").isNotEqualTo("0af7651916cd43dd8448eb211c80319c");
    }

    @Test
    void peerCallsHarvestsAndCachesAreCounted(@TempDir Path tmp) throws Exception {
        Path hamburg = tmp.resolve("hamburg.ttl");
        try (var in = getClass().getResourceAsStream("/search/hamburg.ttl")) {
            Files.copy(in, hamburg);
        }
        HanseNode city = nodes.start(NodeConfig.inMemory("city")
                .withHarvest(new HarvestConfig(List.of(HarvestSourceConfig.dcat("portal", hamburg.toString())))));
        assertThat(harvest(city, "portal").added()).isEqualTo(4);
        HanseNode gone = nodes.start("gone");
        String goneUrl = gone.baseUri().toString();
        gone.close();
        HanseNode state = nodes.start(NodeConfig.inMemory("state")
                .withPeers(List.of(PeerConfig.hanse("city", city.baseUri().toString())))
                .withHarvest(new HarvestConfig(List.of(HarvestSourceConfig.dcat("city", city.baseUri() + "catalogue?pageSize=2"),
                        HarvestSourceConfig.dcat("gone", goneUrl + "catalogue")))));

        // harvest: the state reads the city's catalogue twice (all added, then all unchanged); a source that is down fails
        HarvestReport first = harvest(state, "city");
        HarvestReport second = harvest(state, "city");
        assertThat(first.added()).as(first.summary()).isEqualTo(4);
        assertThat(second.unchanged()).as(second.summary()).isEqualTo(4);
        assertThat(harvest(state, "gone").succeeded()).isFalse();

        // NGSI-LD: one entity at the city, registered at the state with a cache duration; the same query twice
        String type = "https://example.org/ns#Parking";
        assertThat(nodes.post(city, "ngsi-ld/v1/entities", "application/json",
                "{\"id\":\"urn:ngsi-ld:Parking:p1\",\"type\":\"" + type + "\"}").statusCode()).isEqualTo(201);
        assertThat(nodes.post(state, "ngsi-ld/v1/csourceRegistrations", "application/json",
                "{\"id\":\"" + REGISTRATION + "\",\"type\":\"ContextSourceRegistration\",\"endpoint\":\"" + city.baseUri()
                        + "\",\"information\":[{\"entities\":[{\"type\":\"" + type + "\"}]}],\"management\":{\"cacheDuration\":60000}}")
                .statusCode()).isEqualTo(201);
        String query = "ngsi-ld/v1/entities?type=" + java.net.URLEncoder.encode(type, java.nio.charset.StandardCharsets.UTF_8);
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> r = nodes.get(state, query);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            assertThat(r.body()).contains("urn:ngsi-ld:Parking:p1");
        }

        // federated SPARQL over the city
        HttpResponse<String> fed = nodes.get(state, "sparql/federated?query=" + java.net.URLEncoder.encode(
                "SELECT ?d WHERE { ?d a <http://www.w3.org/ns/dcat#Dataset> }", java.nio.charset.StandardCharsets.UTF_8),
                "Accept", "application/sparql-results+json");
        assertThat(fed.statusCode()).as(fed.body()).isEqualTo(200);

        String text = nodes.get(state, "metrics").body();
        assertThat(value(text, "hanse_peer_calls_seconds_count", "peer=\"city\"", "operation=\"harvest-fetch\"", "outcome=\"success\""))
                .as("one call per catalogue page").isEqualTo(first.pages() + second.pages());
        assertThat(value(text, "hanse_peer_calls_seconds_count", "peer=\"gone\"", "operation=\"harvest-fetch\"", "outcome=\"error\""))
                .isEqualTo(1);
        assertThat(value(text, "hanse_peer_calls_seconds_count", "peer=\"" + REGISTRATION + "\"", "operation=\"ngsi-ld-query\"",
                "outcome=\"success\"")).as("the second query is answered from the cache").isEqualTo(1);
        assertThat(value(text, "hanse_peer_calls_seconds_count", "peer=\"city\"", "operation=\"sparql-select\"", "outcome=\"success\""))
                .isGreaterThanOrEqualTo(1);
        assertThat(text).as("peers are named, never by URL").doesNotContain("peer=\"http");

        assertThat(value(text, "hanse_harvest_runs_seconds_count", "source=\"city\"", "outcome=\"success\"")).isEqualTo(2);
        assertThat(value(text, "hanse_harvest_runs_seconds_count", "source=\"gone\"", "outcome=\"failed\"")).isEqualTo(1);
        assertThat(value(text, "hanse_harvest_records_total", "source=\"city\"", "change=\"added\"")).isEqualTo(4);
        assertThat(value(text, "hanse_harvest_records_total", "source=\"city\"", "change=\"unchanged\"")).isEqualTo(4);
        assertThat(value(text, "hanse_harvest_last_success_seconds", "source=\"city\"")).isPositive();
        assertThat(text).doesNotContain("hanse_harvest_last_success_seconds{source=\"gone\"");

        assertThat(value(text, "cache_gets_total", "cache=\"ngsild-answers\"", "result=\"miss\"")).isEqualTo(1);
        assertThat(value(text, "cache_gets_total", "cache=\"ngsild-answers\"", "result=\"hit\"")).isEqualTo(1);
        for (String cache : List.of("ngsild-contexts", "ngsild-context-documents", "sparql-summaries", "sparql-ask-probes",
                "sparql-cardinality-probes"))
            assertThat(text).as(cache).contains("cache_size{cache=\"" + cache + "\"");

        // the city built its catalogue view once for the state's first harvest and reused it for the other pages
        String cityText = nodes.get(city, "metrics").body();
        assertThat(value(cityText, "cache_gets_total", "cache=\"catalogue-view\"", "result=\"miss\"")).isEqualTo(1);
        assertThat(value(cityText, "cache_gets_total", "cache=\"catalogue-view\"", "result=\"hit\"")).isPositive();
    }

    private static HarvestReport harvest(HanseNode node, String source) {
        return node.module(HarvestModule.class).service().run(node.config().harvest().source(source).orElseThrow(), false, null);
    }

    /** The sum of the samples of {@code metric} whose labels contain every one of {@code labels}. */
    static long value(String scrape, String metric, String... labels) {
        Matcher m = Pattern.compile("^" + Pattern.quote(metric) + "\\{(.*)} ([0-9.E+-]+)$", Pattern.MULTILINE).matcher(scrape);
        double total = 0;
        while (m.find())
            if (java.util.Arrays.stream(labels).allMatch(m.group(1)::contains)) total += Double.parseDouble(m.group(2));
        return Math.round(total);
    }

    /** The count of {@code http_server_requests_seconds_count} for GET on {@code route} with {@code status}. */
    static long count(String scrape, String route, String status) {
        Pattern p = Pattern.compile("^http_server_requests_seconds_count\\{(.*)} ([0-9.E]+)$", Pattern.MULTILINE);
        Matcher m = p.matcher(scrape);
        long total = 0;
        while (m.find()) {
            String labels = m.group(1);
            if (labels.contains("method=\"GET\"") && labels.contains("route=\"" + route + "\"") && labels.contains("status=\"" + status + "\""))
                total += (long) Double.parseDouble(m.group(2));
        }
        return total;
    }
}
