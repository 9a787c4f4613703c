package de.hanse.harvest.validate;

import static org.assertj.core.api.Assertions.assertThat;

import de.hanse.core.vocab.Hanse;
import de.hanse.harvest.validate.RecordValidator.ValidationResult;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.Test;

class ShaclRecordValidatorTest {
    static final String SH = "http://www.w3.org/ns/shacl#";
    static final String DQV = "http://www.w3.org/ns/dqv#";
    static final Node REPORT = NodeFactory.createURI("urn:hanse:record:test:1:quality");
    static final ShaclRecordValidator VALIDATOR = new ShaclRecordValidator();

    static Graph load(String resource) {
        return RDFDataMgr.loadGraph(ShaclRecordValidatorTest.class.getResource("/" + resource).toString());
    }

    static Node u(String iri) {
        return NodeFactory.createURI(iri);
    }

    @Test
    void validMinimalDcatApDeRecordConformsAndScoresHigh() {
        Graph g = load("validate/valid-minimal.ttl");
        Node ds = u("https://opendata.example.de/dataset/baumkataster");
        ValidationResult r = VALIDATOR.validate(g, ds, REPORT);

        assertThat(r.firstProblems()).isEmpty();
        assertThat(r.conforms()).isTrue();
        assertThat(r.violations()).isZero();
        Graph rep = r.reportGraph();
        assertThat(rep.contains(REPORT, u(SH + "conforms"), NodeFactory.createLiteralDT("true", org.apache.jena.datatypes.xsd.XSDDatatype.XSDboolean))).isTrue();
        assertThat(measurement(rep, "findability")).isEqualTo(100);
        assertThat(measurement(rep, "accessibility")).isEqualTo(100);
        // no rights statement on the distribution: contextuality 15 of 20; overall high but not perfect
        assertThat(measurement(rep, "contextuality")).isEqualTo(75);
        Node score = rep.find(REPORT, Hanse.p("score"), Node.ANY).next().getObject();
        assertThat(Integer.parseInt(score.getLiteralLexicalForm())).isBetween(90, 99);
        // one measurement per MQA dimension; counts and flags live in the provenance only, no constant literals
        assertThat(rep.find(Node.ANY, u(DQV + "computedOn"), ds).toList()).hasSize(5);
        assertThat(rep.find(Node.ANY, Hanse.p("violations"), Node.ANY).toList()).isEmpty();
        assertThat(rep.find(Node.ANY, Hanse.p("shapes"), Node.ANY).toList()).isEmpty();
        assertThat(rep.size()).isEqualTo(5 + 5 * 3);
    }

    @Test
    void withoutTheVocabularyTypingsTheSameRecordHasFalsePositives() {
        Graph g = load("validate/valid-minimal.ttl");
        ValidationResult r = new ShaclRecordValidator(ShapesBundle.dcatApDe(), VocabTypings.none())
                .validate(g, u("https://opendata.example.de/dataset/baumkataster"), REPORT);
        // licence, language, theme, frequency, format, access rights, geocoding level: all "not in the vocabulary"
        assertThat(r.violations()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void brokenRecordReportsTheExpectedViolations() {
        Graph g = load("validate/broken.ttl");
        ValidationResult r = VALIDATOR.validate(g, u("https://opendata.example.de/dataset/kaputt"), REPORT);

        assertThat(r.conforms()).isFalse();
        Set<String> found = results(r.reportGraph(), "Violation");
        assertThat(found).containsExactlyInAnyOrder(
                "https://opendata.example.de/dataset/kaputt dct:title MinCount",
                "https://opendata.example.de/dataset/kaputt dct:description MinCount",
                "https://opendata.example.de/dataset/kaputt dct:publisher MinCount",
                "https://opendata.example.de/dataset/kaputt dct:language NodeKind",
                "\"DEU\" skos:inScheme HasValue",
                "http://publications.europa.eu/resource/authority/frequency/IRREGULAR skos:inScheme HasValue",
                "https://opendata.example.de/dataset/kaputt/resource/1 dcat:accessURL MinCount",
                "https://opendata.example.de/dataset/kaputt/resource/1 dct:license NodeKind",
                "https://opendata.example.de/dataset/kaputt/resource/1 dcat:byteSize Datatype");
        assertThat(r.violations()).isEqualTo(9);
        assertThat(r.warnings()).isEqualTo(1);
        assertThat(r.firstProblems()).hasSize(5);
        assertThat(measurement(r.reportGraph(), "findability")).isZero();
        assertThat(r.reportGraph().find(REPORT, u(SH + "result"), Node.ANY).toList()).hasSizeGreaterThanOrEqualTo(10);
    }

    @Test
    void realCataloguePageHasFarFewerVocabularyViolationsWithTheTypings() {
        Graph destatis = load("validate/catalogues/destatis-catalog-original-input.rdf");
        var without = ValidationMeasurement.measure(ShapesBundle.dcatApDe(), VocabTypings.none(), destatis);
        var with = ValidationMeasurement.measure(ShapesBundle.dcatApDe(), VocabTypings.bundled(), destatis);
        assertThat(without.classViolations()).isGreaterThan(200);
        assertThat(with.classViolations()).isZero();
        assertThat(with.inSchemeViolations()).isLessThan(without.inSchemeViolations() / 2);
        assertThat(with.violations()).isLessThan(without.violations() / 2);

        var only300 = ValidationMeasurement.measure(ShapesBundle.dcatApOnly(), VocabTypings.none(), destatis);
        var only300Typed = ValidationMeasurement.measure(ShapesBundle.dcatApOnly(), VocabTypings.bundled(), destatis);
        assertThat(only300Typed.classViolations()).isLessThan(only300.classViolations() / 3);
    }

    @Test
    void reportCapsShaclResultsAndValidatorIsSafeAcrossThreads() throws Exception {
        Graph g = GraphFactory.createGraphMem();
        Node ds = u("https://example.org/ds");
        g.add(Triple.create(ds, u("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), u("http://www.w3.org/ns/dcat#Dataset")));
        for (int i = 0; i < 80; i++) {
            Node d = u("https://example.org/ds/dist/" + i);
            g.add(Triple.create(ds, u("http://www.w3.org/ns/dcat#distribution"), d));
            g.add(Triple.create(d, u("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), u("http://www.w3.org/ns/dcat#Distribution")));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ValidationResult>> runs = new java.util.ArrayList<>();
            for (int i = 0; i < 8; i++) runs.add(pool.submit(() -> VALIDATOR.validate(g, ds, REPORT)));
            Set<Integer> counts = new java.util.HashSet<>();
            for (Future<ValidationResult> f : runs) {
                ValidationResult r = f.get();
                counts.add(r.violations());
                assertThat(r.reportGraph().find(REPORT, u(SH + "result"), Node.ANY).toList()).hasSize(QualityReport.MAX_RESULTS);
            }
            assertThat(counts).hasSize(1);
            assertThat(counts.iterator().next()).isGreaterThan(80);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The value of the measurement of {@code metric} in the report. */
    static int measurement(Graph rep, String metric) {
        Node m = rep.find(Node.ANY, u(DQV + "isMeasurementOf"), u("https://w3id.org/hanse/ns#" + metric)).next().getSubject();
        return Integer.parseInt(rep.find(m, u(DQV + "value"), Node.ANY).next().getObject().getLiteralLexicalForm());
    }

    /** "focus path component" for each SHACL result of the given severity. */
    static Set<String> results(Graph rep, String severity) {
        return rep.find(REPORT, u(SH + "result"), Node.ANY).mapWith(Triple::getObject)
                .filterKeep(r -> rep.contains(r, u(SH + "resultSeverity"), u(SH + severity)))
                .mapWith(r -> text(one(rep, r, "focusNode")) + " " + shortPath(one(rep, r, "resultPath")) + " "
                        + one(rep, r, "sourceConstraintComponent").getLocalName().replace("ConstraintComponent", ""))
                .toList().stream().collect(Collectors.toSet());
    }

    static Node one(Graph g, Node s, String shLocal) {
        return g.find(s, u(SH + shLocal), Node.ANY).next().getObject();
    }

    static String text(Node n) {
        return n.isURI() ? n.getURI() : n.isLiteral() ? "\"" + n.getLiteralLexicalForm() + "\"" : n.toString();
    }

    static String shortPath(Node n) {
        return n.getURI().replace("http://purl.org/dc/terms/", "dct:").replace("http://www.w3.org/ns/dcat#", "dcat:")
                .replace("http://www.w3.org/2004/02/skos/core#", "skos:");
    }
}
