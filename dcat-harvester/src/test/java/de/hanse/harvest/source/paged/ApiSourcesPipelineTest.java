package de.hanse.harvest.source.paged;

import static org.assertj.core.api.Assertions.assertThat;

import de.hanse.core.store.NodeStore;
import de.hanse.core.vocab.Hanse;
import de.hanse.harvest.HarvestReport;
import de.hanse.harvest.HarvestService;
import de.hanse.harvest.pipeline.RecordStore;
import de.hanse.harvest.source.PageSources;
import de.hanse.harvest.source.paged.FixtureServer.Response;
import de.hanse.harvest.validate.ShaclRecordValidator;
import java.time.Clock;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CKAN and CSW sources through the whole harvest pipeline with SHACL validation on: records are stored and
 * flagged with quality reports, and a re-harvest of the same answers writes nothing (the mapping is
 * deterministic up to blank nodes, which the canonical hash absorbs).
 */
class ApiSourcesPipelineTest {
    private NodeStore store;
    private HarvestService service;

    @BeforeEach
    void setUp() {
        store = NodeStore.inMemory();
        service = new HarvestService(store, FixtureServer.HTTP, PageSources.standard(), new ShaclRecordValidator(), Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        service.close();
        store.close();
    }

    static FixtureServer serving(String dir, Pattern position, String suffix) throws Exception {
        return new FixtureServer(r -> {
            Matcher m = position.matcher(r.pathAndQuery() + r.body());
            return m.find() ? Response.ok("application/" + suffix, FixtureServer.resource(dir + "/page-" + m.group(1) + "." + suffix))
                    : new Response(404, "text/plain", new byte[0]);
        });
    }

    static boolean conforms(org.apache.jena.sparql.core.DatasetGraph dsg, Node record) {
        var it = dsg.find(Hanse.META, record, RecordStore.conforms, Node.ANY);
        assertThat(it.hasNext()).as("record " + record + " stored").isTrue();
        return Boolean.parseBoolean(it.next().getObject().getLiteralLexicalForm());
    }

    @Test
    void ckanPagesAreHarvestedValidatedAndUnchangedOnReHarvest() throws Exception {
        try (FixtureServer ckan = serving("ckan", Pattern.compile("[?&]start=(\\d+)"), "json")) {
            var cfg = FixtureServer.source("ckan", ckan.base() + "#pageSize=2", 10);
            HarvestReport first = service.run(cfg, false, null);
            assertThat(first.succeeded()).as(first.summary()).isTrue();
            assertThat(first.pages()).isEqualTo(3);
            assertThat(first.added()).isEqualTo(5);
            assertThat(first.invalid()).isPositive();
            store.read(dsg -> {
                Node rec = Hanse.recordGraph("test", ckan.base() + "/dataset/ohne-titel");
                assertThat(dsg.contains(Hanse.META, rec, RecordStore.conforms, NodeFactory.createLiteralDT("false",
                        org.apache.jena.datatypes.xsd.XSDDatatype.XSDboolean))).isTrue();
                // a complete package maps to a record that conforms to DCAT-AP 3.0.0 + DCAT-AP.de 3.0
                assertThat(conforms(dsg, Hanse.recordGraph("test", ckan.base() + "/dataset/baustellen-rostock"))).isTrue();
                assertThat(conforms(dsg, Hanse.recordGraph("test", ckan.base() + "/dataset/einwohner-stadtbereiche"))).isTrue();
                Node qg = RecordStore.qualityGraph(rec);
                assertThat(dsg.find(qg, Node.ANY, NodeFactory.createURI("http://www.w3.org/ns/dqv#isMeasurementOf"), Node.ANY).hasNext()).isTrue();
                assertThat(dsg.find(qg, Node.ANY, NodeFactory.createURI("http://www.w3.org/ns/shacl#resultPath"),
                        NodeFactory.createURI("http://purl.org/dc/terms/title")).hasNext()).isTrue();
                return null;
            });
            HarvestReport again = service.run(cfg, false, null);
            assertThat(again.unchanged()).as(again.summary()).isEqualTo(5);
            assertThat(again.added() + again.updated() + again.deleted()).isZero();
        }
    }

    @Test
    void incrementalCkanRunsAskOnlyForModifiedPackagesAndDeleteNothing() throws Exception {
        // the portal: full pages as usual; asked with fq=metadata_modified:[... TO *], only one package, retitled
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        var first = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(FixtureServer.resource("ckan/page-0.json"))
                .path("result").path("results").get(0).deepCopy();
        first.put("title", "Baustellen (aktualisiert)");
        String modifiedOnly = "{\"success\":true,\"result\":{\"count\":1,\"results\":[" + first + "]}}";
        Pattern start = Pattern.compile("[?&]start=(\\d+)");
        try (FixtureServer ckan = new FixtureServer(r -> {
            String q = java.net.URLDecoder.decode(r.pathAndQuery(), java.nio.charset.StandardCharsets.UTF_8);
            if (q.contains("metadata_modified:["))
                return Response.ok("application/json", (q.contains("start=0") ? modifiedOnly : "{\"success\":true,\"result\":{\"count\":1,\"results\":[]}}").getBytes());
            Matcher m = start.matcher(r.pathAndQuery());
            return m.find() ? Response.ok("application/json", FixtureServer.resource("ckan/page-" + m.group(1) + ".json"))
                    : new Response(404, "text/plain", new byte[0]);
        })) {
            var cfg = FixtureServer.source("ckan", ckan.base() + "#pageSize=2&incremental=true&fullEvery=PT1H", 10);
            HarvestReport full = service.run(cfg, false, null);
            assertThat(full.added()).as(full.summary()).isEqualTo(5);
            assertThat(ckan.requests()).noneMatch(r -> r.pathAndQuery().contains("metadata_modified"));
            java.time.Instant firstStart = store.read(dsg -> RecordStore.sourceInstant(dsg, "test", Hanse.lastGathered));
            assertThat(firstStart).isNotNull();

            HarvestReport incremental = service.run(cfg, false, null);
            assertThat(incremental.succeeded()).as(incremental.summary()).isTrue();
            assertThat(incremental.updated()).as(incremental.summary()).isEqualTo(1);
            assertThat(incremental.deleted()).as("the four packages not in the answer are not deleted").isZero();
            assertThat(incremental.warnings()).anyMatch(w -> w.startsWith("incremental run"));
            String asked = java.net.URLDecoder.decode(ckan.requests().get(ckan.requests().size() - 1).pathAndQuery(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(asked).contains("fq=metadata_modified:[" + firstStart.minus(java.time.Duration.ofMinutes(5)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + " TO *]");
            store.read(dsg -> {
                assertThat(RecordStore.recordsOf(dsg, "test")).hasSize(5);
                assertThat(RecordStore.sourceInstant(dsg, "test", Hanse.lastFullGather)).isEqualTo(firstStart);
                return null;
            });

            // force: a complete gather again, which restores the title from the full pages
            int before = ckan.requests().size();
            HarvestReport forced = service.run(cfg, true, null);
            assertThat(forced.updated()).as(forced.summary()).isEqualTo(1);
            assertThat(forced.unchanged()).isEqualTo(4);
            assertThat(ckan.requests().subList(before, ckan.requests().size())).noneMatch(r -> r.pathAndQuery().contains("metadata_modified"));
        }
    }

    @Test
    void cswPagesAreHarvestedAndUnchangedOnReHarvest() throws Exception {
        try (FixtureServer csw = serving("csw", Pattern.compile("startPosition=\"(\\d+)\""), "xml")) {
            var cfg = FixtureServer.source("csw", csw.base() + "/csw#pageSize=2", 10);
            HarvestReport first = service.run(cfg, false, null);
            assertThat(first.succeeded()).as(first.summary()).isTrue();
            assertThat(first.added()).isEqualTo(4);
            store.read(dsg -> {
                assertThat(conforms(dsg, Hanse.recordGraph("test", "urn:uuid:5e1b7f4a-3c2d-4e8f-9a0b-1c2d3e4f5a6b"))).isTrue();
                assertThat(conforms(dsg, Hanse.recordGraph("test", "urn:uuid:7a7a7a7a-0000-4000-8000-000000000003"))).isFalse();
                return null;
            });
            HarvestReport again = service.run(cfg, false, null);
            assertThat(again.unchanged()).as(again.summary()).isEqualTo(4);
            assertThat(again.added() + again.updated() + again.deleted()).isZero();
        }
    }
}
