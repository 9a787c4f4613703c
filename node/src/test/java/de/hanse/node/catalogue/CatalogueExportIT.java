package de.hanse.node.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.hanse.harvest.HarvestReport;
import de.hanse.harvest.pipeline.RecordStore;
import de.hanse.harvest.validate.RecordValidator.ValidationResult;
import de.hanse.harvest.validate.ShaclRecordValidator;
import de.hanse.node.HanseNode;
import de.hanse.node.TestNodes;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code /catalogue} of a real node that harvested a valid DCAT-AP.de catalogue from a file: every page and every
 * dataset document, in each of the four RDF syntaxes, has 0 violations against DCAT-AP 3.0.0 + DCAT-AP.de 3.0
 * (whole graph: catalog node, paging controls, datasets); content negotiation, {@code modified_since}, and the
 * problem documents for bad parameters and unknown datasets.
 */
class CatalogueExportIT {
    static final Map<String, Lang> SYNTAXES = Map.of("text/turtle", Lang.TURTLE, "application/rdf+xml", Lang.RDFXML,
            "application/ld+json", Lang.JSONLD, "application/n-triples", Lang.NTRIPLES);
    private static final ShaclRecordValidator VALIDATOR = new ShaclRecordValidator();
    private static final ObjectMapper JSON = new ObjectMapper();
    private final TestNodes nodes = new TestNodes();

    @TempDir
    Path tmp;

    @AfterEach
    void close() {
        nodes.close();
    }

    private HanseNode node() {
        return ExportFixture.harvested(nodes, "rostock", ExportFixture.dcatApDeCatalogue(), 5);
    }

    /** GETs and parses a document in {@code mediaType}, checking status and Content-Type. */
    private Graph fetch(HanseNode node, String path, String mediaType) {
        HttpResponse<String> r = nodes.get(node, path, "Accept", mediaType);
        assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith(mediaType);
        return ExportFixture.parse(r.body(), SYNTAXES.get(mediaType), node.baseUri().toString());
    }

    private static void assertConforms(Graph g, String what) {
        Node any = g.find(Node.ANY, NodeFactory.createURI(ExportFixture.RDF_TYPE), NodeFactory.createURI(ExportFixture.DCAT_DATASET))
                .nextOptional().map(t -> t.getSubject()).orElse(NodeFactory.createURI("urn:none"));
        ValidationResult v = VALIDATOR.validate(g, any, NodeFactory.createURI("urn:hanse:test:report"));
        assertThat(v.firstProblems()).as(what).isEmpty();
        assertThat(v.violations()).as(what).isZero();
    }

    @Test
    void everyPageAndDatasetInEverySyntaxHasNoViolations() {
        HanseNode node = node();
        for (String type : SYNTAXES.keySet()) {
            List<String> seen = new ArrayList<>();
            for (int page = 1; page <= 3; page++) {
                Graph g = fetch(node, "catalogue?pageSize=2&page=" + page, type);
                assertConforms(g, type + " page " + page);
                assertThat(g.isIsomorphicWith(fetch(node, "catalogue?pageSize=2&page=" + page, "text/turtle"))).as(type).isTrue();
                seen.addAll(ExportFixture.datasets(g));
            }
            assertThat(seen).as(type).hasSize(5).doesNotHaveDuplicates();
            for (String ds : seen) {
                Graph one = fetch(node, "catalogue/datasets/" + RecordStore.datasetIdOf(ds), type);
                assertThat(ExportFixture.datasets(one)).containsExactly(ds);
                assertConforms(one, type + " " + ds);
            }
        }
    }

    @Test
    void contentNegotiationHonoursQualityValues() {
        HanseNode node = node();
        Map<String, String> expect = Map.of(
                "application/rdf+xml;q=0.5, application/ld+json;q=0.9", "application/ld+json",
                "text/turtle;q=0.1, application/n-triples", "application/n-triples",
                "text/html, application/xhtml+xml, application/xml;q=0.9, */*;q=0.8", "text/turtle",
                "*/*", "text/turtle",
                "application/rdf+xml", "application/rdf+xml");
        expect.forEach((accept, type) -> {
            HttpResponse<String> r = nodes.get(node, "catalogue?pageSize=1", "Accept", accept);
            assertThat(r.statusCode()).as(accept).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type").orElse("")).as(accept).startsWith(type);
            assertThat(r.headers().firstValue("Vary").orElse("")).contains("Accept");
        });
        HttpResponse<String> none = nodes.get(node, "catalogue?pageSize=1");
        assertThat(none.headers().firstValue("Content-Type").orElse("")).startsWith("text/turtle");

        HttpResponse<String> pdf = nodes.get(node, "catalogue", "Accept", "application/pdf");
        JsonNode problem = problem(pdf, 406);
        assertThat(problem.get("supported").toString()).contains("text/turtle", "application/ld+json");
        problem(nodes.get(node, "catalogue/datasets/" + RecordStore.datasetIdOf("https://opendata.rostock.example/dataset/schulen"),
                "Accept", "text/csv"), 406);
    }

    @Test
    void badParametersAreProblemsNamingTheParameter() throws Exception {
        HanseNode node = node();
        Map<String, String> bad = Map.of("page=0", "page", "page=two", "page", "pageSize=0", "pageSize",
                "pageSize=1001", "pageSize", "pageSize=1.5", "pageSize", "modified_since=yesterday", "modified_since",
                "modified_since=2024-13-01", "modified_since");
        for (var e : bad.entrySet()) {
            JsonNode p = problem(nodes.get(node, "catalogue?" + e.getKey(), "Accept", "text/turtle"), 400);
            assertThat(p.get("parameter").asText()).as(e.getKey()).isEqualTo(e.getValue());
            assertThat(p.get("detail").asText()).as(e.getKey()).contains(e.getValue());
        }
        JsonNode missing = problem(nodes.get(node, "catalogue/datasets/000000000000000000000000", "Accept", "text/turtle"), 404);
        assertThat(missing.get("detail").asText()).contains("000000000000000000000000");
        // a page past the end is an empty page with paging controls, not an error
        Graph past = fetch(node, "catalogue?pageSize=2&page=9", "text/turtle");
        assertThat(ExportFixture.datasets(past)).isEmpty();
        assertConforms(past, "page past the end");
        // the largest page number times the largest page size must not overflow into an error
        assertThat(ExportFixture.datasets(fetch(node, "catalogue?pageSize=1000&page=2147483647", "text/turtle"))).isEmpty();
    }

    @Test
    void modifiedSinceListsOnlyRecordsWrittenSinceForIncrementalHarvests() throws Exception {
        Path file = tmp.resolve("catalogue.ttl");
        Files.copy(ExportFixture.dcatApDeCatalogue(), file);
        HanseNode node = ExportFixture.harvested(nodes, "rostock", file, 5);
        Thread.sleep(1100);
        Instant since = Instant.now().truncatedTo(ChronoUnit.SECONDS); // whole second, after the first harvest
        Files.writeString(file, Files.readString(file).replace("\"Schulstandorte\"@de", "\"Schulstandorte 2025\"@de"));
        HarvestReport again = ExportFixture.harvest(node, "rostock");
        assertThat(again.updated()).as(again.summary()).isEqualTo(1);

        String q = "catalogue?pageSize=2&modified_since=" + URLEncoder.encode(since.toString(), StandardCharsets.UTF_8);
        Graph changed = fetch(node, q, "application/ld+json");
        assertThat(ExportFixture.datasets(changed)).containsExactly("https://opendata.rostock.example/dataset/schulen");
        assertThat(totalItems(changed)).isEqualTo(1);
        assertConforms(changed, "modified_since page");
        Graph all = fetch(node, "catalogue?pageSize=10&modified_since=2000-01-31", "text/turtle");
        assertThat(ExportFixture.datasets(all)).hasSize(5);
        Graph none = fetch(node, "catalogue?modified_since=2999-01-01T00:00:00%2B02:00", "text/turtle");
        assertThat(ExportFixture.datasets(none)).isEmpty();
        assertThat(totalItems(none)).isZero();
        // the paging links keep the filter, so a harvester following them stays incremental
        Graph paged = fetch(node, "catalogue?pageSize=2&modified_since=2000-01-31", "text/turtle");
        String next = paged.find(Node.ANY, NodeFactory.createURI("http://www.w3.org/ns/hydra/core#next"), Node.ANY)
                .next().getObject().getURI();
        assertThat(next).contains("modified_since=2000-01-31", "page=2", "pageSize=2");
    }

    private static long totalItems(Graph g) {
        Node catalog = g.find(Node.ANY, NodeFactory.createURI(ExportFixture.RDF_TYPE), NodeFactory.createURI("http://www.w3.org/ns/dcat#Catalog"))
                .next().getSubject();
        return Long.parseLong(g.find(catalog, NodeFactory.createURI("http://www.w3.org/ns/hydra/core#totalItems"), Node.ANY)
                .next().getObject().getLiteralLexicalForm());
    }

    private static JsonNode problem(HttpResponse<String> r, int status) {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        try {
            JsonNode p = JSON.readTree(r.body());
            assertThat(p.get("status").asInt()).isEqualTo(status);
            return p;
        } catch (java.io.IOException e) {
            throw new AssertionError(r.body(), e);
        }
    }
}
