package de.hanse.harvest;

import static org.assertj.core.api.Assertions.assertThat;

import de.hanse.core.config.HarvestSourceConfig;
import de.hanse.core.http.OutboundHttp;
import de.hanse.core.store.NodeStore;
import de.hanse.core.vocab.Hanse;
import de.hanse.harvest.source.PageSources;
import de.hanse.harvest.validate.RecordValidator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The pipeline against a real HTTP source on loopback: paging, change detection, deletion, failures. */
class HarvestPipelineTest {
    private PageServer source;
    private NodeStore store;
    private OutboundHttp http;
    private HarvestService service;

    @BeforeEach
    void setUp() throws Exception {
        source = new PageServer();
        store = NodeStore.inMemory();
        http = new OutboundHttp(4);
        service = new HarvestService(store, http, PageSources.standard(), RecordValidator.NONE, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        service.close();
        http.close();
        store.close();
        source.close();
    }

    private HarvestSourceConfig twoPages() {
        source.page("/p1", Fixtures.page(source.url("/p1"), source.url("/p2"), 1, 3));
        source.page("/p2", Fixtures.page(source.url("/p2"), null, 4, 5));
        return HarvestSourceConfig.dcat("city", source.url("/p1"));
    }

    private List<Quad> snapshot() {
        return store.read(dsg -> {
            List<Quad> all = new ArrayList<>();
            dsg.find().forEachRemaining(all::add);
            all.sort(java.util.Comparator.comparing(Quad::toString));
            return all;
        });
    }

    @Test
    void followsHydraPagesAndStoresOneGraphPerRecordWithProvenance() {
        HarvestReport r = service.run(twoPages(), false, null);
        assertThat(r.status()).isEqualTo("SUCCEEDED");
        assertThat(r.pages()).isEqualTo(2);
        assertThat(r.added()).isEqualTo(5);
        store.read(dsg -> {
            assertThat(de.hanse.harvest.pipeline.RecordStore.recordsOf(dsg, "city")).hasSize(5);
            var rec = Hanse.recordGraph("city", "https://example.org/dataset/4");
            assertThat(dsg.getGraph(rec).size()).isGreaterThan(8);
            assertThat(dsg.contains(Hanse.META, rec, de.hanse.core.vocab.Vocab.PROV_wasDerivedFrom,
                    org.apache.jena.graph.NodeFactory.createURI(source.url("/p2")))).isTrue();
            return null;
        });
    }

    @Test
    void unchangedRecordsAreNotRewrittenAndVanishedOnesAreDeleted() {
        service.run(twoPages(), false, null);
        List<Quad> before = snapshot();
        HarvestReport again = service.run(twoPages(), false, null);
        assertThat(again.unchanged()).isEqualTo(5);
        assertThat(again.added() + again.updated() + again.deleted()).isZero();
        assertThat(snapshot()).isEqualTo(before);

        source.page("/p2", Fixtures.page(source.url("/p2"), null, 4, 4).replace("Datensatz 4", "Datensatz vier"));
        HarvestReport changed = service.run(HarvestSourceConfig.dcat("city", source.url("/p1")), false, null);
        assertThat(changed.updated()).isEqualTo(1);
        assertThat(changed.unchanged()).isEqualTo(3);
        assertThat(changed.deleted()).isEqualTo(1);
    }

    @Test
    void conditionalGetSkipsUnchangedPages() {
        source.page("/p1", new PageServer.Response(200, "text/turtle", Fixtures.page(source.url("/p1"), source.url("/p2"), 1, 3), "\"v1\""));
        source.page("/p2", new PageServer.Response(200, "text/turtle", Fixtures.page(source.url("/p2"), null, 4, 5), "\"v2\""));
        HarvestSourceConfig cfg = HarvestSourceConfig.dcat("city", source.url("/p1"));
        assertThat(service.run(cfg, false, null).added()).isEqualTo(5);
        HarvestReport second = service.run(cfg, false, null);
        assertThat(source.notModified()).isEqualTo(2);
        assertThat(second.unchanged()).isEqualTo(5);
        assertThat(second.deleted()).isZero();
    }

    @Test
    void shrinkGuardKeepsRecordsUnlessForced() {
        service.run(twoPages(), false, null);
        source.page("/p1", Fixtures.page(source.url("/p1"), null, 1, 1));
        HarvestSourceConfig cfg = HarvestSourceConfig.dcat("city", source.url("/p1"));
        HarvestReport guarded = service.run(cfg, false, null);
        assertThat(guarded.deleted()).isZero();
        assertThat(guarded.warnings()).singleElement().asString().contains("deletion skipped").contains("4 of 5");
        HarvestReport forced = service.run(cfg, true, null);
        assertThat(forced.deleted()).isEqualTo(4);
    }

    @Test
    void http500OnPage2LeavesStoreUnchanged() {
        service.run(twoPages(), false, null);
        List<Quad> before = snapshot();
        source.page("/p2", new PageServer.Response(500, "text/plain", "boom", null));
        HarvestReport r = service.run(HarvestSourceConfig.dcat("city", source.url("/p1")), false, null);
        assertThat(r.status()).isEqualTo("FAILED");
        assertThat(r.error()).contains("HTTP 500").contains("/p2");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void malformedTurtleOnPage2LeavesStoreUnchanged() {
        service.run(twoPages(), false, null);
        List<Quad> before = snapshot();
        source.page("/p2", Fixtures.PREFIXES + "<https://example.org/dataset/9> a dcat:Dataset ; dct:title \"unterminated .\n");
        HarvestReport r = service.run(HarvestSourceConfig.dcat("city", source.url("/p1")), false, null);
        assertThat(r.status()).isEqualTo("FAILED");
        assertThat(r.error()).contains("cannot parse").contains("/p2");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void pageLoopIsDetectedAndChangesNothing() {
        service.run(twoPages(), false, null);
        List<Quad> before = snapshot();
        source.page("/p2", Fixtures.page(source.url("/p2"), source.url("/p1"), 4, 6));
        HarvestReport r = service.run(HarvestSourceConfig.dcat("city", source.url("/p1")), false, null);
        assertThat(r.status()).isEqualTo("FAILED");
        assertThat(r.error()).contains("page loop");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void unreachableSourceIsReportedAndChangesNothing() throws Exception {
        service.run(twoPages(), false, null);
        List<Quad> before = snapshot();
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        HarvestReport r = service.run(HarvestSourceConfig.dcat("city", "http://127.0.0.1:" + closedPort + "/p1"), false, null);
        assertThat(r.status()).isEqualTo("FAILED");
        assertThat(r.error()).contains("cannot connect");
        assertThat(snapshot()).isEqualTo(before);
    }

    @Test
    void pageCapAndByteCapFailTheRun() {
        HarvestSourceConfig cfg = twoPages().withLimits(1, 1_000_000);
        assertThat(service.run(cfg, false, null).error()).contains("more than 1 pages");
        HarvestSourceConfig small = twoPages().withLimits(10, 100);
        assertThat(service.run(small, false, null).error()).contains("page cap");
        boolean empty = store.read(dsg -> dsg.isEmpty());
        assertThat(empty).isTrue();
    }

    @Test
    void externalEntitiesInRdfXmlAreRefused() {
        source.page("/xxe", new PageServer.Response(200, "application/rdf+xml", """
                <?xml version="1.0"?>
                <!DOCTYPE rdf:RDF [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>
                <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:dct="http://purl.org/dc/terms/">
                  <rdf:Description rdf:about="https://example.org/d"><dct:title>&xxe;</dct:title></rdf:Description>
                </rdf:RDF>
                """, null));
        HarvestReport r = service.run(HarvestSourceConfig.dcat("x", source.url("/xxe")), false, null);
        assertThat(r.status()).isEqualTo("FAILED");
        assertThat(r.error()).contains("XXE");
    }
}
