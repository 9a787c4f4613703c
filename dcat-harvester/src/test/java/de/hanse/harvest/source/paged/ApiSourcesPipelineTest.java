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
