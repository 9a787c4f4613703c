package de.hanse.node.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.hanse.core.config.HarvestSourceConfig;
import de.hanse.node.HanseNode;
import de.hanse.node.TestNodes;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code /api/datasets} on a node that harvested two sources through the real pipeline. */
class DatasetsApiIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestNodes nodes = new TestNodes();

    @TempDir
    Path tmp;

    @AfterEach
    void close() {
        nodes.close();
    }

    private JsonNode ok(HanseNode node, String path) throws Exception {
        HttpResponse<String> r = nodes.get(node, path);
        assertThat(r.statusCode()).as(path + " -> " + r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        return JSON.readTree(r.body());
    }

    private void problem(HanseNode node, String path, String parameter) throws Exception {
        HttpResponse<String> r = nodes.get(node, path);
        assertThat(r.statusCode()).as(path).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode p = JSON.readTree(r.body());
        assertThat(p.get("parameter").asText()).isEqualTo(parameter);
        assertThat(p.get("status").asInt()).isEqualTo(400);
        assertThat(p.get("detail").asText()).isNotBlank();
    }

    @Test
    void searchesFacetsAndFiltersTheHarvestedCatalogue() throws Exception {
        HanseNode node = SearchFixtureNode.start(nodes, tmp);
        JsonNode all = ok(node, "api/datasets");
        assertThat(all.get("total").asInt()).isEqualTo(6);
        assertThat(all.get("facets").get("source").toString()).contains("{\"value\":\"hamburg\",\"count\":4}", "{\"value\":\"bremen\",\"count\":3}");

        JsonNode traffic = ok(node, "api/datasets?q=" + enc("Verkehrszählung") + "&source=bremen");
        assertThat(traffic.get("total").asInt()).isEqualTo(1);
        assertThat(traffic.get("items").get(0).get("iri").asText()).isEqualTo("https://bremen.example/dataset/traffic");
        assertThat(traffic.get("facets").get("source").toString()).as("drill sideways").contains("hamburg");

        JsonNode inHamburg = ok(node, "api/datasets?bbox=9.9,53.5,10.1,53.6&sort=title");
        assertThat(inHamburg.get("total").asInt()).isEqualTo(2);
        assertThat(inHamburg.get("items").get(0).get("title").asText()).isEqualTo("Straßenbäume Hamburg");

        JsonNode page = ok(node, "api/datasets?sort=-modified&pageSize=2&page=2");
        assertThat(page.get("items")).hasSize(2);
        assertThat(page.get("links").get("next").asText()).contains("page=3");
        assertThat(page.get("links").get("prev").asText()).contains("page=1");
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() throws Exception {
        HanseNode node = SearchFixtureNode.start(nodes, tmp);
        problem(node, "api/datasets?color=red", "color");
        problem(node, "api/datasets?bbox=1,2,3", "bbox");
        problem(node, "api/datasets?bbox=10,50,north,51", "bbox");
        problem(node, "api/datasets?modifiedFrom=last-week", "modifiedFrom");
        problem(node, "api/datasets?temporalTo=2024-02-30", "temporalTo");
        problem(node, "api/datasets?sort=size", "sort");
        problem(node, "api/datasets?pageSize=0", "pageSize");
        problem(node, "api/datasets/by-iri", "iri");
        HttpResponse<String> missing = nodes.get(node, "api/datasets/0123456789abcdef01234567");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void detailShowsDistributionsProvenanceAndQualityAndFollowsHarvests() throws Exception {
        HanseNode node = SearchFixtureNode.start(nodes, tmp);
        String schools = "https://shared.example/dataset/schools";
        JsonNode byIri = ok(node, "api/datasets/by-iri?iri=" + enc(schools));
        assertThat(byIri.get("title").asText()).isEqualTo("Schulstandorte Norddeutschland");
        JsonNode prov = byIri.get("provenance");
        assertThat(prov.get("primarySource").asText()).as("newer dct:modified beats Hamburg's priority").isEqualTo("bremen");
        assertThat(prov.get("records")).hasSize(2);
        assertThat(prov.get("records").get(0).get("derivedFrom").asText()).contains("bremen.ttl");
        assertThat(prov.get("records").get(0).get("firstHarvested").asText()).isNotBlank();
        assertThat(byIri.get("distributions")).hasSize(1);
        assertThat(byIri.get("quality")).hasSize(2);
        JsonNode quality = byIri.get("quality").get(0);
        assertThat(quality.has("conforms")).isTrue();
        assertThat(quality.get("score").asInt()).as(quality.toString()).isBetween(0, 100);
        assertThat(quality.get("measurements").size()).as("DQV measurements of the report").isGreaterThan(0);
        JsonNode byId = ok(node, "api/datasets/" + byIri.get("id").asText());
        assertThat(byId.get("iri").asText()).isEqualTo(schools);

        // Bremen drops the schools: the next harvest tells the index, and Hamburg's copy takes over.
        Path bremen = tmp.resolve("bremen.ttl");
        Files.writeString(bremen, Files.readString(bremen).replace("<https://shared.example/dataset/schools> a dcat:Dataset", "<https://bremen.example/gone> a dcat:Dataset"));
        SearchFixtureNode.harvest(node, HarvestSourceConfig.dcat("bremen", bremen.toString()));
        SearchFixtureNode.awaitIndex(node);
        JsonNode after = ok(node, "api/datasets?q=Schulen");
        assertThat(after.get("items").get(0).get("sources").toString()).isEqualTo("[\"hamburg\"]");
        assertThat(ok(node, "api/datasets/" + byIri.get("id").asText()).get("provenance").get("primarySource").asText()).isEqualTo("hamburg");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
