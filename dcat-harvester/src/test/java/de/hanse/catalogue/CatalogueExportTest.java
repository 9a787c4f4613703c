package de.hanse.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import de.hanse.core.config.HarvestSourceConfig;
import de.hanse.core.http.OutboundHttp;
import de.hanse.core.store.NodeStore;
import de.hanse.core.vocab.Vocab;
import de.hanse.harvest.HarvestReport;
import de.hanse.harvest.HarvestService;
import de.hanse.harvest.PageServer;
import de.hanse.harvest.pipeline.RecordStore;
import de.hanse.harvest.source.PageSources;
import de.hanse.harvest.validate.RecordValidator.ValidationResult;
import de.hanse.harvest.validate.ShaclRecordValidator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The DCAT-AP export against the bundled DCAT-AP 3.0.0 + DCAT-AP.de 3.0 shapes: a valid catalogue, harvested over
 * HTTP with the SHACL validator on, is exported page by page, and every whole page (catalog node, paging controls,
 * datasets) and every single-dataset document has 0 violations.
 */
class CatalogueExportTest {
    static final String FIXTURE = "/export/catalogue.ttl";
    static final String BASE = "http://127.0.0.1:8080/";
    static final ShaclRecordValidator VALIDATOR = new ShaclRecordValidator();
    private static final Node REPORT = NodeFactory.createURI("urn:hanse:test:report");

    private PageServer source;
    private NodeStore store;
    private OutboundHttp http;
    private HarvestService service;
    private final CatalogueView view = new CatalogueView();

    @BeforeEach
    void setUp() throws IOException {
        source = new PageServer();
        store = NodeStore.inMemory();
        http = new OutboundHttp(2);
        service = new HarvestService(store, http, PageSources.standard(), VALIDATOR, Clock.systemUTC());
    }

    @AfterEach
    void tearDown() {
        service.close();
        http.close();
        store.close();
        source.close();
    }

    static String fixture() {
        try (InputStream in = CatalogueExportTest.class.getResourceAsStream(FIXTURE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static Graph turtle(String text) {
        Graph g = GraphFactory.createDefaultGraph();
        RDFParser.fromString(text, Lang.TURTLE).parse(g);
        return g;
    }

    /** Validates a whole document graph; the dataset argument only steers the quality score, not the SHACL run. */
    static ValidationResult validate(Graph g) {
        Node any = g.find(Node.ANY, Vocab.RDF_TYPE, Vocab.DCAT_DATASET).nextOptional().map(t -> t.getSubject())
                .orElse(NodeFactory.createURI("urn:none"));
        return VALIDATOR.validate(g, any, REPORT);
    }

    private void harvestFixture() {
        source.page("/catalog.ttl", fixture());
        HarvestReport r = service.run(HarvestSourceConfig.dcat("rostock", source.url("/catalog.ttl")), false, null);
        assertThat(r.status()).as(r.summary()).isEqualTo("SUCCEEDED");
        assertThat(r.added()).isEqualTo(5);
    }

    private Graph page(int page, int size) {
        return store.read(dsg -> CatalogueExport.page(dsg, view, BASE, "Hanse catalogue test", "test", page, size, null, null));
    }

    @Test
    void fixtureConformsToDcatApDe() {
        Graph g = turtle(fixture());
        ValidationResult r = validate(g);
        assertThat(r.firstProblems()).isEmpty();
        assertThat(r.violations()).isZero();
        assertThat(g.find(Node.ANY, Vocab.RDF_TYPE, Vocab.DCAT_DATASET).toList()).hasSize(5);
        assertThat(g.find(Node.ANY, Vocab.RDF_TYPE, Vocab.DCAT_DISTRIBUTION).toList()).hasSize(10);
    }

    @Test
    void everyExportedPageConforms() {
        harvestFixture();
        List<Node> seen = new ArrayList<>();
        for (int p = 1; p <= 3; p++) {
            Graph g = page(p, 2);
            ValidationResult r = validate(g);
            assertThat(r.firstProblems()).as("page " + p).isEmpty();
            assertThat(r.violations()).as("page " + p).isZero();
            seen.addAll(g.find(Node.ANY, Vocab.RDF_TYPE, Vocab.DCAT_DATASET).mapWith(t -> t.getSubject()).toList());
        }
        assertThat(seen).hasSize(5).doesNotHaveDuplicates();
    }

    @Test
    void singleDatasetDocumentConforms() {
        harvestFixture();
        String iri = "https://opendata.rostock.example/dataset/schulen";
        Graph g = store.read(dsg -> CatalogueExport.dataset(dsg, RecordStore.datasetIdOf(iri)));
        assertThat(g.contains(NodeFactory.createURI(iri), Vocab.RDF_TYPE, Vocab.DCAT_DATASET)).isTrue();
        ValidationResult r = validate(g);
        assertThat(r.firstProblems()).isEmpty();
        assertThat(r.violations()).isZero();
        Graph none = store.read(dsg -> CatalogueExport.dataset(dsg, "no-such-id"));
        assertThat(none).isNull();
    }

    @Test
    void catalogNodeStatesTheRecommendedPropertiesFromTheRecords() {
        harvestFixture();
        Graph g = page(1, 2);
        Node catalog = NodeFactory.createURI(BASE + "catalogue");
        for (String p : List.of(Vocab.DCT + "title", Vocab.DCT + "description", Vocab.DCT + "publisher", Vocab.DCT + "language",
                Vocab.DCT + "issued", Vocab.DCT + "modified", Vocab.FOAF + "homepage"))
            assertThat(g.contains(catalog, NodeFactory.createURI(p), Node.ANY)).as(p).isTrue();
        Instant lastRecord = store.read(dsg -> view.snapshot(dsg).entries().stream().map(CatalogueView.Entry::recordModified)
                .max(Instant::compareTo).orElseThrow());
        Node modified = g.find(catalog, Vocab.DCT_modified, Node.ANY).next().getObject();
        assertThat(Instant.parse(modified.getLiteralLexicalForm())).isEqualTo(lastRecord);
        assertThat(g.find(catalog, Vocab.DCAT_dataset, Node.ANY).toList()).hasSize(2);
    }

    @Test
    void viewIsCachedPerStoreVersionAndRebuiltAfterEveryCommit() {
        harvestFixture();
        CatalogueView.Snapshot first = store.read(view::snapshot);
        assertThat(store.read(view::snapshot)).isSameAs(first);
        assertThat(first.entries()).hasSize(5);

        Node gone = first.entries().get(0).record();
        store.write(dsg -> RecordStore.delete(dsg, gone));
        CatalogueView.Snapshot after = store.read(view::snapshot);
        assertThat(after).isNotSameAs(first);
        assertThat(after.entries()).hasSize(4).noneMatch(e -> e.record().equals(gone));
        assertThat(page(1, 10).find(Node.ANY, Vocab.RDF_TYPE, Vocab.DCAT_DATASET).toList()).hasSize(4);
    }

    @Test
    void modifiedSinceComparesInstantsNotLexicalForms() {
        harvestFixture();
        Node rec = store.read(view::snapshot).entries().get(2).record();
        // written half a second after a whole-second "since": lexically "...00.5Z" sorts before "...00Z"
        store.write(dsg -> {
            dsg.deleteAny(de.hanse.core.vocab.Hanse.META, rec, Vocab.DCT_modified, Node.ANY);
            dsg.add(de.hanse.core.vocab.Hanse.META, rec, Vocab.DCT_modified,
                    NodeFactory.createLiteralDT("2099-01-01T10:00:00.5Z", org.apache.jena.datatypes.xsd.XSDDatatype.XSDdateTime));
        });
        Instant since = Instant.parse("2099-01-01T10:00:00Z");
        Graph g = store.read(dsg -> CatalogueExport.page(dsg, view, BASE, "t", "test", 1, 10, since, "2099-01-01T10:00:00Z"));
        assertThat(g.find(Node.ANY, Vocab.RDF_TYPE, Vocab.DCAT_DATASET).mapWith(t -> t.getSubject()).toList())
                .containsExactly(NodeFactory.createURI(store.read(view::snapshot).entries().get(2).dataset()));
        assertThat(g.find(Node.ANY, Vocab.HYDRA_totalItems, Node.ANY).next().getObject().getLiteralLexicalForm()).isEqualTo("1");
    }
}
